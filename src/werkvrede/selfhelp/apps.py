from django.apps import AppConfig


class SelfhelpConfig(AppConfig):
    name = "werkvrede.selfhelp"
    label = "selfhelp"
    verbose_name = "Self-help guide (hulpwijzer): no log-in, nothing stored"
