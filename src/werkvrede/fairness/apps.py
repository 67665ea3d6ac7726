from django.apps import AppConfig


class FairnessConfig(AppConfig):
    name = "werkvrede.fairness"
    label = "fairness"
    verbose_name = "Did it feel fair? Anonymous questions after each phase (ADR 0135)"

    def ready(self) -> None:
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.core.phases import phase_ended
        from werkvrede.core.startpages import register_start_info
        from werkvrede.fairness import classification, policies  # noqa: F401
        from werkvrede.fairness.next_steps import fairness_steps
        from werkvrede.fairness.services import on_phase_ended
        from werkvrede.fairness.startpage import results_info

        phase_ended.connect(on_phase_ended, dispatch_uid="fairness.invite")
        # The open questions are items of "Wat nu?", on the start page and on the case.
        register_next_steps("fairness", fairness_steps)
        register_start_info(results_info)
        from werkvrede.core.exports import register_export_section
        from werkvrede.fairness.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0198)
