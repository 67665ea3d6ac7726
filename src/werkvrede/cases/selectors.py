"""Reads of conflict cases. Every read starts from the actor: `*_for(actor, …)`."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from werkvrede.cases.models import Case, CaseNote, CaseParticipant, CaseParty, TimelineEvent
from werkvrede.cases.policies import ORGANISATION_CASE_READERS, CaseAccess, is_handler
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden, record_denial


def case_list_for(actor: Actor) -> QuerySet[Case]:
    """The cases the actor may open, newest first (one indexed, organisation-scoped query)."""
    organisation_id, user_id = actor.organisation_id, actor.user_id
    if organisation_id is None or user_id is None or not allowed(actor, "cases.case.list"):
        record_denial(actor, "cases.case.list")
        return Case.objects.none()
    cases = Case.objects.filter(organisation_id=organisation_id)
    if not actor.roles & ORGANISATION_CASE_READERS:
        takes_part = CaseParticipant.objects.filter(case=OuterRef("pk"), user_id=user_id)
        cases = cases.filter(Exists(takes_part))
    return cases.order_by("-created_at", "-pk")


def case_get_for(actor: Actor, case_id: int, *, action: str = "cases.case.view") -> CaseAccess:
    """The case with the actor's roles in it; a missing and a forbidden case both raise NotVisible (404)."""
    organisation_id, user_id = actor.organisation_id, actor.user_id
    if organisation_id is None or user_id is None:
        raise hidden(actor, action)
    case = Case.objects.filter(pk=case_id, organisation_id=organisation_id).first()
    if case is None:
        raise hidden(actor, action)
    roles = frozenset(
        CaseParticipant.objects.filter(case=case, user_id=user_id).values_list("role", flat=True)
    )
    access = CaseAccess(case=case, case_roles=roles)
    if not allowed(actor, "cases.case.view", access):
        raise hidden(actor, "cases.case.view", case)
    return access


def parties_of(access: CaseAccess) -> list[CaseParty]:
    return list(CaseParty.objects.filter(case=access.case).order_by("side", "pk"))


def participants_of(access: CaseAccess) -> list[CaseParticipant]:
    return list(
        CaseParticipant.objects.filter(case=access.case).select_related("user").order_by("role", "pk")
    )


def timeline_of(access: CaseAccess) -> list[TimelineEvent]:
    return list(
        TimelineEvent.objects.filter(case=access.case).select_related("actor").order_by("occurred_at", "pk")
    )


def notes_for(actor: Actor, access: CaseAccess) -> list[CaseNote]:
    """The notes the actor may read in the case (see policies.can_read_note), oldest first."""
    readable = Q(author_id=actor.user_id) | Q(visibility=CaseNote.Visibility.SHARED)
    if is_handler(actor, access):
        readable |= Q(visibility=CaseNote.Visibility.HANDLERS)
    return list(CaseNote.objects.filter(case=access.case).filter(readable).select_related("author"))
