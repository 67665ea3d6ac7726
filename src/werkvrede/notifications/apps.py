from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "werkvrede.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from werkvrede.core.mail import register_mail_kind, register_outbox
        from werkvrede.notifications import classification, policies  # noqa: F401  (register fields, rules)
        from werkvrede.notifications.outbox import DatabaseOutbox
        from werkvrede.notifications.services import MAIL_KIND, notification_render, notification_sent

        register_outbox(DatabaseOutbox())
        register_mail_kind(MAIL_KIND, notification_render, on_sent=notification_sent)
        from werkvrede.core.exports import register_export_section
        from werkvrede.notifications.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
