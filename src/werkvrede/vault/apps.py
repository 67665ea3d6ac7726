from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "werkvrede.vault"
    label = "vault"
    verbose_name = "Sealed storage"
