from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "werkvrede.agenda"
    label = "agenda"
    verbose_name = "Calendar feed of one's own deadlines and sessions"

    def ready(self) -> None:
        from werkvrede.agenda import classification, policies  # noqa: F401
        from werkvrede.agenda.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
