from django.apps import AppConfig


class SicknessConfig(AppConfig):
    name = "werkvrede.sickness"
    label = "sickness"
    verbose_name = "Sick report and bedrijfsarts"

    def ready(self) -> None:
        from werkvrede.core.next_steps import register_next_steps
        from werkvrede.sickness import classification, policies, registrations  # noqa: F401  (registrations)
        from werkvrede.sickness.next_steps import wvp_signature_steps

        register_next_steps("sickness.wvp_signatures", wvp_signature_steps)
