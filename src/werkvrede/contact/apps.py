from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "werkvrede.contact"
    label = "contact"
    verbose_name = "Contact requests to mediators (vrijblijvend contact)"

    def ready(self) -> None:
        from werkvrede.contact.startpage import contact_panel
        from werkvrede.core.startpages import register_start_panel

        register_start_panel(contact_panel)
        from werkvrede.accounts.invitations import invitation_accepted, register_acceptance_check
        from werkvrede.contact import classification, policies  # noqa: F401
        from werkvrede.contact.services import INVITATION_PURPOSE, acceptance_problem, on_invitation_accepted

        register_acceptance_check(INVITATION_PURPOSE, acceptance_problem)
        invitation_accepted.connect(on_invitation_accepted, dispatch_uid="contact.invitation_accepted")
