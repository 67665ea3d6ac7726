from django.apps import AppConfig


class SicknessConfig(AppConfig):
    name = "werkvrede.sickness"
    label = "sickness"
    verbose_name = "Sick report and bedrijfsarts"

    def ready(self) -> None:
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.sickness import classification, policies, registrations  # noqa: F401  (registrations)
        from werkvrede.sickness.next_steps import wvp_signature_steps

        register_next_steps("sickness.wvp_signatures", wvp_signature_steps, reads_case_page=True)
        from werkvrede.core.exports import register_export_section
        from werkvrede.sickness.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0170)
