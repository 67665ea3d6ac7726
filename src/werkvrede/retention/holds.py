"""Which legal holds cover a person or a case, and the audit event when one blocks (R-140, R-170).

The one question purging (`manage.py purge_expired`) and erasure ask before they destroy anything:
a hold on the case, or on a person the records are about, keeps them
(docs/adr/0176-legal-holds-on-a-person.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from werkvrede.audit import services as audit
from werkvrede.cases.models import CaseParty, LegalHold
from werkvrede.retention.models import PersonHold

PERSON = "person"
CASE = "case"

__all__ = ["CASE", "PERSON", "Hold", "active_holds", "holds_by_case_and_person", "record_block"]


@dataclass(frozen=True)
class Hold:
    """An active hold: on a person (`user_id`) or on a case (`case_id`); the reason is not carried."""

    on: str  # PERSON or CASE
    id: int
    organisation_id: int
    user_id: int | None
    case_id: int | None
    category: str
    set_at: datetime

    @property
    def reference(self) -> str:
        return f"{self.on}:{self.id}"


def _organisation_id(organisation: Any) -> int:
    return int(getattr(organisation, "pk", organisation))


def _person(hold: PersonHold) -> Hold:
    return Hold(PERSON, hold.pk, hold.organisation_id, hold.person_id, None, hold.category, hold.set_at)


def _case(hold: LegalHold) -> Hold:
    return Hold(CASE, hold.pk, hold.organisation_id, None, hold.case_id, hold.category, hold.set_at)


def active_holds(*, organisation: Any, user: Any = None, case: Any = None) -> list[Hold]:
    """The active holds that cover `user` (a hold on them, or on a case they are a party to) and/or
    `case` (a hold on it, or on one of its parties), in `organisation` (an instance or its id)."""
    organisation_id = _organisation_id(organisation)
    user_id = None if user is None else int(getattr(user, "pk", user))
    case_id = None if case is None else int(getattr(case, "pk", case))
    person_ids: set[int] = set()
    case_ids: set[int] = set()
    if user_id is not None:
        person_ids.add(user_id)
        case_ids.update(
            CaseParty.objects.filter(user_id=user_id, case__organisation_id=organisation_id).values_list(
                "case_id", flat=True
            )
        )
    if case_id is not None:
        case_ids.add(case_id)
        person_ids.update(
            uid
            for uid in CaseParty.objects.filter(case_id=case_id).values_list("user_id", flat=True)
            if uid is not None
        )
    holds: list[Hold] = []
    if person_ids:
        holds += [
            _person(h)
            for h in PersonHold.objects.filter(
                organisation_id=organisation_id, person_id__in=person_ids, lifted_at__isnull=True
            )
        ]
    if case_ids:
        holds += [
            _case(h)
            for h in LegalHold.objects.filter(
                organisation_id=organisation_id, case_id__in=case_ids, lifted_at__isnull=True
            )
        ]
    return sorted(holds, key=lambda h: (h.on, h.id))


def holds_by_case_and_person(organisation_id: int) -> tuple[set[int], set[int]]:
    """(case ids, person ids) under an active hold in the organisation: one query each, for a run."""
    cases = set(
        LegalHold.objects.filter(organisation_id=organisation_id, lifted_at__isnull=True).values_list(
            "case_id", flat=True
        )
    )
    people = set(
        PersonHold.objects.filter(organisation_id=organisation_id, lifted_at__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    return cases, people


def record_block(
    *,
    organisation_id: int,
    purpose: str,
    kind: str,
    holds: Iterable[Hold] = (),
    count: int = 1,
    user_id: int | None = None,
    roles: str = "",
    subject_id: int | None = None,
) -> None:
    """Audit that holds kept records from `purpose` ("purge" or "erasure"): one event per record
    kind (a retention rule such as "R-147", or the erasure's own kind) with how many records, never
    their content (R-170). Call once per kind and run, not per row."""
    references = sorted({h.reference for h in holds})
    audit.record(
        "retention.hold.blocked",
        organisation_id=organisation_id,
        user_id=user_id,
        roles=roles,
        object_type="retention.kind",
        object_id=kind,
        legal_basis="R-140",
        subject_id=subject_id,
        data={"purpose": purpose, "kind": kind, "count": count, "holds": ",".join(references)[:200]},
    )
