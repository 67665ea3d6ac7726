from django.apps import AppConfig


class ProtocolConfig(AppConfig):
    name = "werkvrede.protocol"
    label = "protocol"
    verbose_name = "Conflict protocol"
