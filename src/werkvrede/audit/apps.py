from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "werkvrede.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from werkvrede.audit import classification, policies  # noqa: F401  (register rules and fields)
        from werkvrede.audit.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
