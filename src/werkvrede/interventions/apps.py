from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "werkvrede.interventions"
    label = "interventions"
    verbose_name = "Interventions, interventieperiode and conflict leave"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from werkvrede.cases.extensions import (
            CaseSection,
            register_conflict_facts,
            register_due_job,
            register_facts,
            register_section,
            register_sick_report_listener,
            register_tracker,
        )
        from werkvrede.interventions import classification, policies, timeline_kinds  # noqa: F401
        from werkvrede.interventions.facts import conflict_attempts, interventions_facts
        from werkvrede.interventions.services import (
            interventions_end_by_sick_report,
            leave_due_transitions,
            period_due_transitions,
        )
        from werkvrede.interventions.tracker import intervention_lines

        register_facts("interventions", interventions_facts)
        register_conflict_facts("interventions", conflict_attempts)
        register_sick_report_listener(interventions_end_by_sick_report)
        register_due_job("intervention_periods", period_due_transitions)
        register_due_job("conflict_leave", leave_due_transitions)
        register_section(
            CaseSection(
                key="interventions",
                label=_("Interventies"),
                url_name="interventions:section",
                action="interventions.section.view",
                order=30,
            )
        )
        # The full D09 record level only: the other party reads a neutral status on the tab itself.
        register_tracker("interventions", intervention_lines, action="interventions.record.view")
        from werkvrede.core.exports import register_export_section
        from werkvrede.interventions.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
