from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "werkvrede.documents"
    label = "documents"
    verbose_name = "Signed documents"

    def ready(self) -> None:
        from werkvrede.core.exports import register_export_section
        from werkvrede.documents import classification  # noqa: F401  (registrations)
        from werkvrede.documents.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
