"""Reads of supporter grants and the preparation space. Missing and forbidden both answer 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from werkvrede.audit import services as audit
from werkvrede.audit.reads import role_basis
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.access import On, object_from
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.mediation.models import Mediation, Session
from werkvrede.mediation.policies import ADMITTED, PARTY, MediationAccess
from werkvrede.mediation.selectors import (
    StatusNotice,
    access_of,
    mediations_for_admitted,
    mediations_of_case,
    sessions_for,
    status_notice,
    status_notices_of_case,
)
from werkvrede.supporters.models import PreparationNote, Section, SupporterGrant
from werkvrede.supporters.policies import is_supporter_of
from werkvrede.vault.services import unseal


def _audit_supporter_read(actor: Actor, grant: SupporterGrant, what: str) -> None:
    # Every access by a supporter is recorded (R-170 for D17), whatever they then look at.
    audit.record_for(actor, "supporters.grant.accessed", grant, legal_basis="D17", data={"what": what})


def grants_supported_by(actor: Actor) -> list[SupporterGrant]:
    """The active grants naming the actor as supporter (the 'my supported persons' page)."""
    if (
        actor.organisation_id is None
        or actor.user_id is None
        or not allowed(actor, "supporters.grant.list_own")
    ):
        return []
    grants = list(
        SupporterGrant.objects.filter(
            organisation_id=actor.organisation_id, supporter_id=actor.user_id, revoked_at__isnull=True
        )
        .select_related("employee")
        .order_by("-invited_at", "-pk")
    )
    for grant in grants:
        _audit_supporter_read(actor, grant, "list")
    return grants


def grants_of_case(actor: Actor, access: CaseAccess) -> QuerySet[SupporterGrant]:
    """The grants the employee gave in this case (active and revoked), newest first."""
    return (
        SupporterGrant.objects.filter(case=access.case, employee_id=actor.user_id)
        .select_related("supporter")
        .order_by("-invited_at", "-pk")
    )


def grants_of_mediation(actor: Actor, access: MediationAccess) -> QuerySet[SupporterGrant]:
    """The grants this party gave in a mediation without a case (active and revoked), newest first."""
    return (
        SupporterGrant.objects.filter(mediation=access.mediation, employee_id=actor.user_id)
        .select_related("supporter")
        .order_by("-invited_at", "-pk")
    )


def _mediations_of(grant: SupporterGrant) -> list[Mediation]:
    """The mediations a grant concerns: those of its case, or its own mediation without a case."""
    if grant.case is not None:
        return mediations_of_case(grant.case)
    return [grant.mediation] if grant.mediation is not None else []


def grant_get_for(actor: Actor, grant_id: int, *, what: str = "page") -> SupporterGrant:
    """The grant if the actor is its active supporter or its employee; audited for supporters."""
    if actor.organisation_id is None or actor.user_id is None:
        raise hidden(actor, "supporters.grant.view")
    grant = (
        SupporterGrant.objects.filter(pk=grant_id, organisation_id=actor.organisation_id)
        .select_related("employee", "supporter", "case", "mediation")
        .first()
    )
    if grant is None or not allowed(actor, "supporters.grant.view", grant):
        raise hidden(actor, "supporters.grant.view", grant)
    if is_supporter_of(actor, grant):
        _audit_supporter_read(actor, grant, what)
    return grant


@dataclass(frozen=True)
class NoteView:
    note: PreparationNote
    text: str


def preparation_for(actor: Actor, grant: SupporterGrant) -> dict[str, list[NoteView]]:
    """The preparation space by section, each text unsealed (and so audited) for this reader."""
    notes = PreparationNote.objects.filter(grant=grant).select_related("sealed", "author")
    by_section: dict[str, list[NoteView]] = {section.value: [] for section in Section}
    basis = role_basis("SUP") if is_supporter_of(actor, grant) else role_basis("WN")
    for note in notes:
        text = unseal(
            actor=actor,
            sealed=note.sealed,
            action="supporters.note.read",
            subjects=[grant.employee_id],
            case_id=grant.case_id,
            basis=basis,
        )
        by_section[note.section].append(NoteView(note=note, text=text))
    return by_section


@dataclass(frozen=True)
class MediationView:
    """What the supporter learns of mediation in the supported case: the status notices (D14 R) and,
    only where admitted under CC-8, a link into the mediation, which decides what they see there."""

    notices: list[StatusNotice]
    admitted: list[Mediation]


def mediation_for(actor: Actor, grant: SupporterGrant) -> MediationView:
    if not is_supporter_of(actor, grant):
        return MediationView(notices=[], admitted=[])
    case = grant.case
    if case is None:
        mediation = grant.mediation
        admitted = [m for m in mediations_for_admitted(actor) if m.pk == grant.mediation_id]
        own = [status_notice(mediation)] if mediation is not None else []
    else:
        admitted = [m for m in mediations_for_admitted(actor) if m.case_id == case.pk]
        own = status_notices_of_case(case)
    # A notice exists from the start (D14: "mediation started on …"); a referral before that is not one.
    notices = [n for n in own if n.started_on is not None]
    return MediationView(notices=notices, admitted=admitted)


def next_sessions_for(actor: Actor, grant: SupporterGrant) -> list[Session]:
    """The next mediation session in the supported case that this person takes part in, if any.

    Only where the mediation itself lets them in: the employee as a party, the supporter once admitted.
    """
    if not allowed(actor, "supporters.grant.view", grant):
        return []
    now = timezone.now()
    upcoming: list[Session] = []
    for mediation in _mediations_of(grant):
        access = access_of(actor, mediation)
        if not access.relations & {PARTY, ADMITTED}:
            continue
        upcoming.extend(s for s in sessions_for(actor, access) if s.starts_at >= now)
    return sorted(upcoming, key=lambda s: s.starts_at)[:1]


def _grant_door(what: str) -> On:
    def load(actor: Actor, grant_id: int) -> SupporterGrant:
        return grant_get_for(actor, grant_id, what=what)

    return object_from("supporter grant", "grant_id", "grant", load)


# The doors of the pages and operations on one grant; each opening by a supporter is audited as `what`.
GRANT_PAGE = _grant_door("page")
GRANT_NOTE = _grant_door("note")
GRANT_API = _grant_door("api")
GRANT_API_NOTE = _grant_door("api-note")
