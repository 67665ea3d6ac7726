from django.apps import AppConfig


class MydataConfig(AppConfig):
    name = "werkvrede.mydata"
    label = "mydata"
    verbose_name = "Mijn gegevens (the person's data export)"

    def ready(self) -> None:
        from werkvrede.mydata import classification, policies  # noqa: F401  (registrations)
