from django.apps import AppConfig


class SicknessConfig(AppConfig):
    name = "werkvrede.sickness"
    label = "sickness"
    verbose_name = "Sick report and bedrijfsarts"
