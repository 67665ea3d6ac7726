from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "werkvrede.documents"
    label = "documents"
    verbose_name = "Signed documents"

    def ready(self) -> None:
        from werkvrede.documents import classification  # noqa: F401  (registrations)
