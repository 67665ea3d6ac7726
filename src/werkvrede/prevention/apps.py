from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "werkvrede.prevention"
    label = "prevention"
    verbose_name = "Prevention scan: the anonymous team pulse on the risk factors (PF-x)"

    def ready(self) -> None:
        from werkvrede.core.startpages import register_start_info
        from werkvrede.prevention import classification, policies  # noqa: F401
        from werkvrede.prevention.startpage import pulse_info

        register_start_info(pulse_info)
        from werkvrede.core.exports import register_export_section
        from werkvrede.prevention.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0198)
