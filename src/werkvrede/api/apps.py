from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "werkvrede.api"
    label = "api"
    verbose_name = "JSON API"

    def ready(self) -> None:
        from werkvrede.api import policies  # noqa: F401  (register rules)
