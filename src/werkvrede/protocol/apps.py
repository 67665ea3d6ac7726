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
        from werkvrede.core.exports import register_export_section
        from werkvrede.protocol.exports import SECTION as EXPORT_SECTION

        register_export_section(EXPORT_SECTION)  # "Mijn gegevens" (ADR 0198)
