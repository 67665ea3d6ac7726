from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "werkvrede.backup"
    label = "backup"
    verbose_name = "Backup and restore"
