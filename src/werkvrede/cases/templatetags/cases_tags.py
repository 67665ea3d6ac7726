from __future__ import annotations

from django import template

from werkvrede.cases.extensions import timeline_label
from werkvrede.cases.models import TimelineEvent

register = template.Library()


@register.simple_tag
def timeline_text(event: TimelineEvent) -> str:
    """The event in words, e.g. "Hanna de Vries rondde de intake af"."""
    label = timeline_label(event.kind)
    name = event.actor.full_name if event.actor else "Werkvrede"
    if label is None:
        return f"{name}: {event.kind}"
    return str(label) % {"name": name, **{k: v for k, v in event.data.items() if isinstance(v, str | int)}}
