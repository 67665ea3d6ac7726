from django.apps import AppConfig


class SicknessConfig(AppConfig):
    name = "werkvrede.sickness"
    label = "sickness"
    verbose_name = "Sick report and bedrijfsarts"

    def ready(self) -> None:
        from werkvrede.sickness import classification, policies, registrations  # noqa: F401  (registrations)
