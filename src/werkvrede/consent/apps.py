from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "werkvrede.consent"
    label = "consent"
    verbose_name = "Consent records"
