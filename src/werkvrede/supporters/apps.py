from django.apps import AppConfig


class SupportersConfig(AppConfig):
    name = "werkvrede.supporters"
    label = "supporters"
    verbose_name = "Supporters (steunpersonen) and their preparation space"

    def ready(self) -> None:
        # The invitation not yet opened is the supporter's item of "Wat nu?"; whom they support is
        # listed under "Mijn ondersteuning".
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.supporters.next_steps import supporter_steps

        register_next_steps("supporters", supporter_steps)
        from django.utils.translation import gettext_lazy as _

        from werkvrede.accounts.invitations import (
            invitation_accepted,
            invitation_declined,
            register_acceptance_check,
        )
        from werkvrede.cases.extensions import CaseSection, register_section
        from werkvrede.supporters import classification, policies  # noqa: F401
        from werkvrede.supporters.services import (
            INVITATION_PURPOSE,
            acceptance_problem,
            on_invitation_accepted,
            on_invitation_declined,
        )

        register_acceptance_check(INVITATION_PURPOSE, acceptance_problem)
        invitation_accepted.connect(on_invitation_accepted, dispatch_uid="supporters.invitation_accepted")
        invitation_declined.connect(on_invitation_declined, dispatch_uid="supporters.invitation_declined")
        register_section(
            CaseSection(
                key="supporters",
                label=_("Steunpersoon"),
                url_name="supporters:case",
                action="supporters.section.view",
                order=80,
            )
        )
        from werkvrede.core.exports import register_export_section
        from werkvrede.supporters.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
