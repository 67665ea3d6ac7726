from django.apps import AppConfig


class SelfhelpConfig(AppConfig):
    name = "werkvrede.selfhelp"
    label = "selfhelp"
    verbose_name = "Self-help guide (hulpwijzer): no log-in, nothing stored"

    def ready(self) -> None:
        from werkvrede.core.startpages import register_start_info
        from werkvrede.selfhelp.startpage import guide_info

        register_start_info(guide_info)
