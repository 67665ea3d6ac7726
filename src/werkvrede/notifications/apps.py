from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "werkvrede.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from werkvrede.notifications import classification  # noqa: F401  (register fields)
