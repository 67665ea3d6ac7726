from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "werkvrede.retention"
    label = "retention"
    verbose_name = "Retention terms and legal holds"

    def ready(self) -> None:
        from werkvrede.retention import classification, policies  # noqa: F401  (register fields, rules)
