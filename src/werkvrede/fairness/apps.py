from django.apps import AppConfig


class FairnessConfig(AppConfig):
    name = "werkvrede.fairness"
    label = "fairness"
    verbose_name = "Did it feel fair? Anonymous questions after each phase (ADR 0135)"

    def ready(self) -> None:
        from werkvrede.cases.extensions import register_case_notice
        from werkvrede.core.phases import phase_ended
        from werkvrede.core.startpages import register_start_info, register_start_panel
        from werkvrede.fairness import classification, policies  # noqa: F401
        from werkvrede.fairness.registrations import case_notices
        from werkvrede.fairness.services import on_phase_ended
        from werkvrede.fairness.startpage import questions_panel, results_info

        phase_ended.connect(on_phase_ended, dispatch_uid="fairness.invite")
        register_case_notice(case_notices)
        register_start_panel(questions_panel)
        register_start_info(results_info)
