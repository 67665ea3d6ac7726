from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "werkvrede.contact"
    label = "contact"
    verbose_name = "Contact requests to mediators (vrijblijvend contact)"

    def ready(self) -> None:
        from werkvrede.contact.startpage import contact_panel
        from werkvrede.core.startpages import register_start_panel

        register_start_panel(contact_panel)
        from werkvrede.contact import classification, policies  # noqa: F401
