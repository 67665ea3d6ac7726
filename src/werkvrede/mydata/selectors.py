from __future__ import annotations

from django.db.models import QuerySet

from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.mydata.models import ExportRequest


def exports_of(actor: Actor) -> QuerySet[ExportRequest]:
    """The person's own requests, newest first (nobody else's, whatever the role)."""
    return ExportRequest.objects.filter(user_id=actor.user_id or 0).order_by("-created_at", "-pk")


def export_get_for(actor: Actor, export_id: int) -> ExportRequest:
    """One of the person's own requests; anyone else's is not found (404), like a missing one."""
    export = ExportRequest.objects.filter(pk=export_id, user_id=actor.user_id or 0).first()
    if export is None or not allowed(actor, "mydata.export.view", export):
        raise hidden(actor, "mydata.export.view", export)
    return export


EXPORT = object_from("data export", "export_id", "export", export_get_for)
