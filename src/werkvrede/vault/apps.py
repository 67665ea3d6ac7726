from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "werkvrede.vault"
    label = "vault"
    verbose_name = "Sealed storage"

    def ready(self) -> None:
        from werkvrede.vault import classification  # noqa: F401  (register fields)
