from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkvrede.core"
    label = "core"
    verbose_name = "Werkvrede core"

    def ready(self) -> None:
        from werkvrede.core import choicelabels, policies  # noqa: F401  (register rules)

        choicelabels.install()
