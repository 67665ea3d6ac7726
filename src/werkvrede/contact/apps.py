from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "werkvrede.contact"
    label = "contact"
    verbose_name = "Contact requests to mediators (vrijblijvend contact)"

    def ready(self) -> None:
        from werkvrede.contact.next_steps import contact_steps
        from werkvrede.core.next_steps import register_next_steps

        register_next_steps("contact", contact_steps)
        from werkvrede.accounts.invitations import invitation_accepted, register_acceptance_check
        from werkvrede.contact import classification, policies  # noqa: F401
        from werkvrede.contact.services import INVITATION_PURPOSE, acceptance_problem, on_invitation_accepted

        register_acceptance_check(INVITATION_PURPOSE, acceptance_problem)
        from werkvrede.contact.services import MAIL_KIND, contact_notice_render, contact_notice_sent
        from werkvrede.core.mail import register_mail_kind

        register_mail_kind(MAIL_KIND, contact_notice_render, on_sent=contact_notice_sent)
        invitation_accepted.connect(on_invitation_accepted, dispatch_uid="contact.invitation_accepted")
        from werkvrede.contact.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170, 0198)
