from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "werkvrede.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from werkvrede.audit import classification, policies  # noqa: F401  (register rules and fields)
