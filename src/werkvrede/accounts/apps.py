from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkvrede.accounts"
    label = "accounts"
    verbose_name = "Organisations and people"

    def ready(self) -> None:
        from werkvrede.accounts import classification, people, policies, receivers  # noqa: F401  (register rules, fields, log-in auditing, acceptance check)
