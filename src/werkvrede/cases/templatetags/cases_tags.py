from __future__ import annotations

from django import template
from django.utils.translation import get_language

from werkvrede.cases.extensions import timeline_kind
from werkvrede.cases.models import TimelineEvent
from werkvrede.guideline import describe

register = template.Library()


@register.simple_tag
def timeline_text(event: TimelineEvent) -> str:
    """The event in words, e.g. "Hanna de Vries rondde de intake af"."""
    kind = timeline_kind(event.kind)
    name = event.actor.full_name if event.actor else "Werkvrede"
    if kind is None:
        return f"{name}: {event.kind}"
    return str(kind.label) % {
        "name": name,
        **{k: v for k, v in event.data.items() if isinstance(v, str | int)},
    }


@register.simple_tag
def spec_text(code: str) -> str:
    """The guideline's own wording of a rule or deadline code, in the interface language."""
    message = describe(code).message
    return message.en if (get_language() or "nl").startswith("en") else message.nl
