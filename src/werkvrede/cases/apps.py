from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "werkvrede.cases"
    label = "cases"
    verbose_name = "Conflict cases"

    def ready(self) -> None:
        from werkvrede.cases import classification, policies, timeline_kinds  # noqa: F401  (registrations)
        from werkvrede.cases.next_steps import deadline_steps, intake_steps, melder_choice_steps
        from werkvrede.core.next_steps import register_next_steps

        # "Wat nu?" (start page and case page); deadlines are shown there, not in a panel of their own.
        register_next_steps("cases.deadlines", deadline_steps, reads_case_page=True)
        register_next_steps("cases.intake", intake_steps, reads_case_page=True)
        register_next_steps("cases.melder_choice", melder_choice_steps, reads_case_page=True)
        from werkvrede.cases.deadlines import deadlines_due_refresh
        from werkvrede.cases.extensions import register_due_job

        # Last: the moves of the other jobs change the deadlines too.
        register_due_job("deadlines", deadlines_due_refresh, order=1000)
        from werkvrede.cases.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
