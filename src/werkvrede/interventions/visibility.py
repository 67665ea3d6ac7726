"""Who will be able to read a D09 entry — computed from the policies, never hand-written."""

from __future__ import annotations

from datetime import date

from django.utils.functional import Promise

from werkvrede.cases.models import Case, CaseRole
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role
from werkvrede.interventions.policies import Level, level

_PROBE_CASE = Case(pk=0, organisation_id=0, reference="", signalled_on=date(2000, 1, 1))


def _probe(organisation_roles: frozenset[Role], case_roles: frozenset[str]) -> Level:
    actor = Actor(user_id=-2, organisation_id=0, roles=organisation_roles)
    return level(actor, CaseAccess(case=_PROBE_CASE, case_roles=case_roles))


def readers(wanted: Level) -> list[str | Promise]:
    """Labels of the roles that read D09 records of a case at `wanted` level."""
    labels: list[str | Promise] = []
    for role in Role:
        if _probe(frozenset({role}), frozenset()) is wanted:
            labels.append(role.label)
    for case_role in CaseRole:
        label = case_role.label
        if label not in labels and _probe(frozenset(), frozenset({case_role.value})) is wanted:
            labels.append(label)
    return labels


def d09_preview() -> dict[str, list[str | Promise]]:
    return {"full": readers(Level.FULL), "neutral": readers(Level.NEUTRAL), "contact": readers(Level.CONTACT)}
