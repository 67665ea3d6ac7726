from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "werkvrede.consent"
    label = "consent"
    verbose_name = "Consent records"

    def ready(self) -> None:
        from werkvrede.consent import classification, policies  # noqa: F401  (registrations)
