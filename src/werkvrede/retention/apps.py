from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "werkvrede.retention"
    label = "retention"
    verbose_name = "Retention terms and legal holds"

    def ready(self) -> None:
        from werkvrede.core.exports import register_export_section
        from werkvrede.core.person_notices import register_person_notices
        from werkvrede.retention import classification, policies  # noqa: F401  (register fields, rules)
        from werkvrede.retention.exports import HOLDS_SECTION
        from werkvrede.retention.notices import person_hold_notices

        register_person_notices("retention", person_hold_notices)
        register_export_section(HOLDS_SECTION)  # "Mijn gegevens" (ADR 0198)
