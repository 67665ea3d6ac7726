from django.apps import AppConfig


class ConfidentialConfig(AppConfig):
    name = "werkvrede.confidential"
    label = "confidential"
    verbose_name = "Vertrouwenspersoon: reports (D15) and the annual report (D16)"

    def ready(self) -> None:
        from werkvrede.confidential import (  # noqa: F401
            classification,
            policies,
            referral_policies,
            referrals,
            selectors,
            services,
        )
        from werkvrede.confidential.next_steps import confidential_steps
        from werkvrede.confidential.startpage import adviser_info, annual_info
        from werkvrede.core.confidential import register_directory, register_route_opener
        from werkvrede.core.mail import register_mail_kind
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.core.startpages import register_start_info

        register_next_steps("confidential", confidential_steps)
        register_start_info(adviser_info)
        register_start_info(annual_info)
        register_directory(selectors.advisers)
        register_route_opener(services.route_open)
        register_mail_kind(services.MAIL_NEW, services.mail_render, on_sent=services.mail_sent)
        register_mail_kind(services.MAIL_MESSAGE, services.mail_render, on_sent=services.mail_sent)
        register_mail_kind(referrals.MAIL_PROPOSAL, referrals.mail_render, on_sent=referrals.mail_sent)
        register_mail_kind(referrals.MAIL_REFERRAL, referrals.mail_render, on_sent=referrals.mail_sent)
        from werkvrede.confidential.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
