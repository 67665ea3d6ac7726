from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkvrede.core"
    label = "core"
    verbose_name = "Werkvrede core"

    def ready(self) -> None:
        import werkvrede.core.policies  # noqa: F401  (register rules)
        from werkvrede.core import choicelabels

        choicelabels.install()
