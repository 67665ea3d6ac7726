from django.apps import AppConfig


class ErasureConfig(AppConfig):
    name = "werkvrede.erasure"
    label = "erasure"
    verbose_name = "Erasure on request"

    def ready(self) -> None:
        from werkvrede.erasure import policies  # noqa: F401  (register rules)
