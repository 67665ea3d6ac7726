from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkvrede.accounts"
    label = "accounts"
    verbose_name = "Organisations and people"

    def ready(self) -> None:
        from werkvrede.accounts import (  # noqa: F401  (register rules, fields, log-in auditing, acceptance check)
            classification,
            people,
            policies,
            receivers,
        )
        from werkvrede.accounts.mail import register_mail_kinds

        register_mail_kinds()
        from werkvrede.accounts.exports import ACCOUNT_SECTION
        from werkvrede.accounts.exports import SECTION as EXPORT_SECTION
        from werkvrede.core.exports import register_export_section

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
        register_export_section(ACCOUNT_SECTION)
