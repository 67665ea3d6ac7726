from django.apps import AppConfig


class WhistleblowerConfig(AppConfig):
    name = "werkvrede.whistleblower"
    label = "whistleblower"
    verbose_name = "Whistleblower channel: reports of a suspected misstand (D18, SM-8)"

    def ready(self) -> None:
        from werkvrede.core.mail import register_mail_kind
        from werkvrede.core.reporting import register_channel
        from werkvrede.core.startpages import register_start_panel
        from werkvrede.whistleblower import classification, policies, selectors, services  # noqa: F401
        from werkvrede.whistleblower.public_api import submit
        from werkvrede.whistleblower.startpage import officer_panel, procedure_panel

        register_start_panel(officer_panel)
        register_start_panel(procedure_panel)
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.whistleblower.next_steps import officer_steps

        register_next_steps("whistleblower.officer", officer_steps)
        # The VP's public operation dispatches `"channel": "whistleblower"` here (ADR 0092).
        register_channel("whistleblower", submit)
        for kind in (services.MAIL_NEW, services.MAIL_MESSAGE, services.MAIL_REMINDER):
            register_mail_kind(kind, services.mail_render, on_sent=services.mail_sent)
        from werkvrede.core.exports import register_export_section
        from werkvrede.whistleblower.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
