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
            stamps,
        )
        from werkvrede.accounts.mail import register_mail_kinds

        register_mail_kinds()
