from django.apps import AppConfig


class ProtocolConfig(AppConfig):
    name = "werkvrede.protocol"
    label = "protocol"
    verbose_name = "Conflict protocol"

    def ready(self) -> None:
        from werkvrede.cases.extensions import register_facts
        from werkvrede.protocol import classification, policies  # noqa: F401  (registrations)
        from werkvrede.protocol.facts import protocol_facts

        register_facts("protocol", protocol_facts)
