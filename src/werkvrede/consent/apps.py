from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "werkvrede.consent"
    label = "consent"
    verbose_name = "Consent records"

    def ready(self) -> None:
        from werkvrede.consent import classification, policies  # noqa: F401  (registrations)
        from werkvrede.consent.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
