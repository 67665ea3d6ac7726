from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "werkvrede.cases"
    label = "cases"
    verbose_name = "Conflict cases"

    def ready(self) -> None:
        from werkvrede.cases import classification, policies, timeline_kinds  # noqa: F401  (registrations)
        from werkvrede.cases.startpage import signals_panel
        from werkvrede.core.startpages import register_start_panel

        register_start_panel(signals_panel)
        from werkvrede.cases.deadlines import deadlines_due_refresh
        from werkvrede.cases.extensions import register_due_job

        # Last: the moves of the other jobs change the deadlines too.
        register_due_job("deadlines", deadlines_due_refresh, order=1000)
