from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "werkvrede.agenda"
    label = "agenda"
    verbose_name = "Calendar feed of one's own deadlines and sessions"

    def ready(self) -> None:
        from werkvrede.agenda import classification, policies  # noqa: F401
