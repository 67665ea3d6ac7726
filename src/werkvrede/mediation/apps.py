from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "werkvrede.mediation"
    label = "mediation"
    verbose_name = "Arbeidsmediation and termination agreements"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from werkvrede.cases.extensions import (
            CaseSection,
            register_due_job,
            register_facts,
            register_section,
            register_tracker,
        )
        from werkvrede.mediation import classification, policies, timeline_kinds  # noqa: F401
        from werkvrede.mediation.facts import mediation_facts
        from werkvrede.mediation.tracker import mediation_lines

        register_facts("mediation", mediation_facts)
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.mediation.next_steps import mediation_steps

        register_next_steps("mediation", mediation_steps, reads_case_page=True)
        from werkvrede.mediation.termination_next_steps import termination_steps

        register_next_steps("termination", termination_steps)
        from werkvrede.mediation.termination import termination_due_transitions

        register_due_job("termination_agreements", termination_due_transitions)
        from werkvrede.core.mail import register_mail_kind
        from werkvrede.mediation.invitations import (
            MAIL_KIND,
            session_invitation_render,
            session_invitation_sent,
        )

        register_mail_kind(MAIL_KIND, session_invitation_render, on_sent=session_invitation_sent)
        from werkvrede.accounts.invitations import invitation_accepted
        from werkvrede.mediation.services import on_party_invitation_accepted

        invitation_accepted.connect(on_party_invitation_accepted, dispatch_uid="mediation.party_invited")
        register_section(
            CaseSection(
                key="mediation",
                label=_("Mediation"),
                url_name="mediation:case-section",
                action="mediation.case_section.view",
                order=40,
            )
        )
        # Only the status, to those who may open the Mediation tab (R-075: no content).
        register_tracker("mediation", mediation_lines, action="mediation.case_section.view")
        from werkvrede.core.exports import register_export_section
        from werkvrede.mediation.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
