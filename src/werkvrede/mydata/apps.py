from django.apps import AppConfig


class MydataConfig(AppConfig):
    name = "werkvrede.mydata"
    label = "mydata"
    verbose_name = "Mijn gegevens (the person's data export)"

    def ready(self) -> None:
        from werkvrede.core.exports import register_export_section
        from werkvrede.mydata import classification, policies  # noqa: F401  (registrations)
        from werkvrede.mydata.exports import REQUESTS_SECTION

        register_export_section(REQUESTS_SECTION)  # "Mijn gegevens" (ADR 0198)
