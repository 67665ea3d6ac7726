from django.apps import AppConfig


class SupportersConfig(AppConfig):
    name = "werkvrede.supporters"
    label = "supporters"
    verbose_name = "Supporters (steunpersonen) and their preparation space"

    def ready(self) -> None:
        from werkvrede.core.startpages import register_start_panel
        from werkvrede.supporters.startpage import supporter_panel

        register_start_panel(supporter_panel)
        from django.utils.translation import gettext_lazy as _

        from werkvrede.accounts.invitations import invitation_accepted
        from werkvrede.cases.extensions import CaseSection, register_section
        from werkvrede.supporters import classification, policies  # noqa: F401
        from werkvrede.supporters.services import grants_accept_for

        invitation_accepted.connect(grants_accept_for, dispatch_uid="supporters.grants_accept_for")
        register_section(
            CaseSection(
                key="supporters",
                label=_("Steunpersoon"),
                url_name="supporters:case",
                action="supporters.section.view",
                order=80,
            )
        )
