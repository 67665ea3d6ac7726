"""Writes of the conflict protocol: every change is a new version, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from werkvrede.accounts.models import Organisation
from werkvrede.audit import services as audit
from werkvrede.cases.deadlines import case_deadlines_refresh
from werkvrede.cases.models import Case, CaseState
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Invalid, StaleVersion
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.protocol.parameters import EDITABLE_FIELDS, validation_errors
from werkvrede.protocol.selectors import protocol_for


def _refresh_deadlines(organisation_id: int) -> None:
    # The parameters are facts of every case of the organisation (tenant, holidays).
    open_cases = Case.objects.filter(organisation_id=organisation_id).exclude(state=CaseState.CLOSED)
    for case_id in open_cases.values_list("pk", flat=True):
        case_deadlines_refresh(case_id)


@transaction.atomic
def protocol_ensure_default(
    *, organisation: Organisation, conflict_leave_enabled: bool = False, is_public: bool = False
) -> ConflictProtocol:
    """Give the organisation a first protocol version with the defaults (docs/rules.md), if it has none."""
    Organisation.objects.select_for_update(no_key=True).get(pk=organisation.pk)
    current = ConflictProtocol.objects.filter(organisation=organisation).order_by("-version").first()
    if current is not None:
        return current
    protocol = ConflictProtocol.objects.create(
        organisation=organisation,
        version=1,
        conflict_leave_enabled=conflict_leave_enabled,
        is_public=is_public,
    )
    audit.record(
        "protocol.protocol.created",
        organisation_id=organisation.pk,
        object_type="protocol.conflictprotocol",
        object_id=str(protocol.pk),
        data={"version": 1, "conflict_leave_enabled": conflict_leave_enabled, "is_public": is_public},
    )
    return protocol


@transaction.atomic
def protocol_update(*, actor: Actor, values: dict[str, Any], expected_version: int) -> ConflictProtocol:
    """Save a new version of the actor's organisation's protocol; unchanged values are carried over.

    `expected_version` is the version in force the person edited (0: the defaults); when another was
    saved since, nothing is saved and the refusal holds the values now in force (ADR 0146).
    """
    authorize(actor, "protocol.parameters.edit")
    if actor.organisation_id is None:  # the rule already refuses this
        raise hidden(actor, "protocol.parameters.edit")
    Organisation.objects.select_for_update(no_key=True).get(pk=actor.organisation_id)
    current = protocol_for(actor.organisation_id)
    # The organisation's row lock above serialises every save, so this check cannot race.
    if current.version != expected_version:
        raise StaleVersion(
            version=current.version, current={name: getattr(current, name) for name in EDITABLE_FIELDS}
        )
    merged = {name: values.get(name, getattr(current, name)) for name in EDITABLE_FIELDS}
    errors = validation_errors(merged)
    if errors:
        raise Invalid(errors)
    changed = sorted(name for name in EDITABLE_FIELDS if merged[name] != getattr(current, name))
    if current.pk is not None and not changed:
        return current
    protocol = ConflictProtocol.objects.create(
        organisation_id=actor.organisation_id,
        version=current.version + 1,
        created_by_id=actor.uid,
        **merged,
    )
    audit.record(
        "protocol.protocol.changed",
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="protocol.conflictprotocol",
        object_id=str(protocol.pk),
        data={"version": protocol.version, "fields": ",".join(changed)},
    )
    organisation_id = actor.organisation_id
    transaction.on_commit(lambda: _refresh_deadlines(organisation_id))
    return protocol
