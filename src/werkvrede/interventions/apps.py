from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "werkvrede.interventions"
    label = "interventions"
    verbose_name = "Interventions, interventieperiode and conflict leave"
