from __future__ import annotations

from django.db.models import QuerySet

from werkvrede.audit.models import AuditEvent
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, record_denial


def audit_event_list_for(actor: Actor) -> QuerySet[AuditEvent]:
    """The actor's organisation's events, newest first; none when the actor may not read the log."""
    organisation_id = actor.organisation_id
    if organisation_id is None or not allowed(actor, "audit.log.view"):
        record_denial(actor, "audit.log.view")
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(organisation_id=organisation_id).order_by("-seq")
