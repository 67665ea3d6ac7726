from __future__ import annotations

from django.db.models import Q, QuerySet

from werkvrede.audit.models import AuditEvent
from werkvrede.audit.services import chain_key
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, record_denial


def audit_event_list_for(actor: Actor) -> QuerySet[AuditEvent]:
    """The actor's organisation's events, newest first; none when the actor may not read the log."""
    organisation_id = actor.organisation_id
    if organisation_id is None or not allowed(actor, "audit.log.view"):
        record_denial(actor, "audit.log.view")
        return AuditEvent.objects.none()
    # The organisation's events are its chain (`services.record`): read backwards along the chain's
    # unique index, a page costs the same however long the log is (ADR 0192).
    chain = chain_key(organisation_id)
    return AuditEvent.objects.filter(chain=chain).exclude(VP_EVENTS).order_by("-chain", "-seq")


# D15 (docs/rules.md): not even that a named person turned to the vertrouwenspersoon may reach the
# employer's side; the log's reader (ADM) sees the organisation's events without the VP's (ADR 0074).
# They stay in the chain, which `audit_verify` checks whole.
VP_EVENTS = (
    Q(action__startswith="confidential.")
    | Q(object_type__startswith="confidential.")
    | Q(category="D15")
    # has_key first: a missing key compares as NULL, and NOT NULL would hide every other event too.
    | (Q(data__has_key="compartment") & Q(data__compartment="D15"))
)
