from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "werkvrede.demo"
    label = "demo"
    verbose_name = "Demo data (development only)"
