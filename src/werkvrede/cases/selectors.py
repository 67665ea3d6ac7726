"""Reads of conflict cases. Every read starts from the actor: `*_for(actor, …)`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from werkvrede.cases.extensions import timeline_kind
from werkvrede.cases.models import (
    Case,
    CaseDeadline,
    CaseNote,
    CaseParticipant,
    CaseParty,
    CaseRole,
    LegalHold,
    TimelineEvent,
)
from werkvrede.cases.policies import (
    ORGANISATION_CASE_READERS,
    CaseAccess,
    is_handler,
    readable_deadline_categories,
)
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.memo import once_while_reading
from werkvrede.core.policy import allowed, authorize, hidden, record_denial
from werkvrede.core.replica import report_database
from werkvrede.guideline.model import TRANSGRESSIVE


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


def case_get_for(actor: Actor, case_id: int, *, require: str | None = None) -> CaseAccess:
    """The case with the actor's roles in it; a missing and a forbidden case both raise NotVisible (404).

    With `require`, the actor must also be allowed that action on the case (refused: AccessDenied, 403).
    """
    organisation_id, user_id = actor.organisation_id, actor.user_id
    if organisation_id is None or user_id is None:
        raise hidden(actor, "cases.case.view")
    case = Case.objects.filter(pk=case_id, organisation_id=organisation_id).first()
    if case is None:
        raise hidden(actor, "cases.case.view")
    roles = frozenset(
        CaseParticipant.objects.filter(case=case, user_id=user_id).values_list("role", flat=True)
    )
    access = CaseAccess(case=case, case_roles=roles)
    if not allowed(actor, "cases.case.view", access):
        raise hidden(actor, "cases.case.view", case)
    if require is not None:
        authorize(actor, require, access)
    return access


def _load_case(actor: Actor, case_id: int) -> CaseAccess:
    return case_get_for(actor, case_id)


# The door of every page and API operation on one case (core.access): `@requires(action, on=CASE)`.
CASE = object_from("case", "case_id", "access", _load_case)


T = TypeVar("T")


def read_once(case: Case, key: str, read: Callable[[], T]) -> T:
    """A read about one case that several parts of one page need (the tracker and "Wat nu?" both ask
    for the case's mediations), done once: kept on the case the door loaded, which lives as long as
    the request. Only for reads made after the request's last write (docs/adr/0201)."""
    reads: dict[str, Any] = case.__dict__.setdefault("_read_once", {})
    if key not in reads:
        reads[key] = read()
    return reads[key]  # type: ignore[no-any-return]


def parties_of(access: CaseAccess) -> list[CaseParty]:
    return list(CaseParty.objects.filter(case=access.case).order_by("side", "pk"))


# Seeing that a bedrijfsarts (or a professional under the BA) takes part says something about health:
# a party on the other side of the conflict is not shown them (docs/rules.md: WP gets no D01 to D04).
_HEALTH_ROLES = frozenset({CaseRole.OCCUPATIONAL_PHYSICIAN, CaseRole.DELEGATED_PROFESSIONAL})


def participants_for(actor: Actor, access: CaseAccess) -> list[CaseParticipant]:
    participants = (
        CaseParticipant.objects.filter(case=access.case).select_related("user").order_by("role", "pk")
    )
    if not actor.roles & ORGANISATION_CASE_READERS and access.case_roles <= {CaseRole.OTHER_PARTY}:
        participants = participants.exclude(role__in=_HEALTH_ROLES)
    return list(participants)


def timeline_for(actor: Actor, access: CaseAccess) -> list[TimelineEvent]:
    """The case's events this person may learn of (each kind names the action it needs)."""
    events = (
        TimelineEvent.objects.filter(case=access.case).select_related("actor").order_by("occurred_at", "pk")
    )
    verdicts: dict[str, bool] = {}
    visible = []
    for event in events:
        kind = timeline_kind(event.kind)
        if kind is None:
            continue
        if kind.action not in verdicts:
            verdicts[kind.action] = allowed(actor, kind.action, access)
        if verdicts[kind.action]:
            visible.append(event)
    return visible


def notes_for(actor: Actor, access: CaseAccess) -> list[CaseNote]:
    """The notes the actor may read in the case (see policies.can_read_note), oldest first."""
    readable = Q(author_id=actor.user_id) | Q(visibility=CaseNote.Visibility.SHARED)
    if is_handler(actor, access):
        readable |= Q(visibility=CaseNote.Visibility.HANDLERS)
    return list(CaseNote.objects.filter(case=access.case).filter(readable).select_related("author"))


@dataclass(frozen=True)
class DueItem:
    deadline: CaseDeadline
    overdue: bool
    days: int  # days until due (negative: days late)

    @property
    def days_late(self) -> int:
        return max(-self.days, 0)


#: How long a step done late stays on the signals panel (calendar days after it was done).
LATE_SHOWN_DAYS = 14


def due_deadlines_for(
    actor: Actor, *, today: date, horizon_days: int | None = 7, limit: int = 50
) -> list[DueItem]:
    """What is due or overdue for this person, overdue first: deadlines they own, in cases they may see.

    HR and CM (organisation-wide) get the deadlines owned by HR or CM in every case of the
    organisation; everyone else those owned by their role in the cases they take part in. Only
    deadlines whose data category the role may read are shown. Indexed (ADR 0200).
    Without `horizon_days`, every pending deadline (the calendar feed, docs/adr/0118-the-calendar-feed.md).
    """
    organisation_id, user_id = actor.organisation_id, actor.user_id
    if organisation_id is None or user_id is None or not allowed(actor, "cases.case.list"):
        return []
    # Open deadlines due within the horizon, and steps done late in the last LATE_SHOWN_DAYS: a late
    # step stays visible for a while instead of turning into an ordinary "done" (ADR 0100).
    pending = Q(status=CaseDeadline.Status.PENDING, due__isnull=False)
    if horizon_days is not None:
        pending = Q(status=CaseDeadline.Status.PENDING, due__lte=today + timedelta(days=horizon_days))
    late_since = today - timedelta(days=LATE_SHOWN_DAYS)
    recently_late = Q(status=CaseDeadline.Status.DONE_LATE, done_on__gte=late_since)
    in_organisation = CaseDeadline.objects.filter(organisation_id=organisation_id).select_related("case")

    def window(*owned: Q, **where: Any) -> list[CaseDeadline]:
        """The first `limit` of both kinds in due order. Two queries, not one with OR: each is a range
        scan of its own index, (organisation, status, due) and (organisation, status, done_on), that
        stops at `limit`; the OR made the planner read every deadline of the organisation (ADR 0200)."""
        rows = [
            *in_organisation.filter(pending, *owned, **where).order_by("due", "pk")[:limit],
            *in_organisation.filter(recently_late, *owned, **where).order_by("due", "pk")[:limit],
        ]
        return sorted(rows, key=lambda d: (d.due or date.max, d.pk))[:limit]

    items: list[CaseDeadline] = []
    organisation_roles = {str(r) for r in actor.roles & ORGANISATION_CASE_READERS}
    if organisation_roles:
        categories = readable_deadline_categories(frozenset(organisation_roles))
        # HR keeps the direction of every case (regiehouder): it sees what HR or the casemanager owns,
        # so an overdue casemanager step is never missed on HR's start page (docs/adr/0120).
        owned = Q()
        for role in sorted(str(r) for r in ORGANISATION_CASE_READERS):
            owned |= Q(owner_roles__contains=f",{role},")
        items += window(owned, category__in=categories)
    # Deadlines owned through a role in the case: one indexed range scan in due order, each row
    # checked against the person's participation (index on user, case); stops at `limit`.
    # Only the case roles this person actually holds, so someone who takes part in no case in that
    # role costs nothing below.
    held = case_roles_held(user_id) - organisation_roles
    if not held:
        return _due_items(items, today, limit)
    owned_in_case = Q()
    for role in sorted(held):
        categories = readable_deadline_categories(frozenset({role}))
        takes_part = CaseParticipant.objects.filter(case_id=OuterRef("case_id"), user_id=user_id, role=role)
        owned_in_case |= Q(Exists(takes_part), owner_roles__contains=f",{role},", category__in=categories)
    seen = {d.pk for d in items}
    items += [d for d in window(owned_in_case) if d.pk not in seen]
    return _due_items(items, today, limit)


@once_while_reading
def case_roles_held(user_id: int) -> set[str]:
    """The distinct case roles a person holds in any case: one index probe per role they hold.

    A "loose index scan" over (user, role): the planner cannot know that an HR adviser with
    100,000 participations holds only the role HR, so a plain `DISTINCT role` (or `role IN (...)`)
    read all of them — about 20 ms on the bench data, against 0.1 ms here.
    """
    table = connection.ops.quote_name(CaseParticipant._meta.db_table)
    sql = (
        f"WITH RECURSIVE held(role) AS ("  # noqa: S608 - the table name comes from the model
        f" SELECT MIN(role) FROM {table} WHERE user_id = %s"
        f" UNION ALL SELECT (SELECT MIN(p.role) FROM {table} p WHERE p.user_id = %s AND p.role > held.role)"
        f" FROM held WHERE held.role IS NOT NULL"
        f") SELECT role FROM held WHERE role IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, user_id])
        return {row[0] for row in cursor.fetchall()}


def _due_items(items: list[CaseDeadline], today: date, limit: int) -> list[DueItem]:
    items.sort(key=lambda d: (d.due or today, d.pk))
    return [
        DueItem(
            deadline=d,
            overdue=d.status == CaseDeadline.Status.PENDING and d.due is not None and d.due < today,
            days=((d.due or today) - today).days,
        )
        for d in items[:limit]
    ]


@dataclass(frozen=True)
class Overview:
    states: list[tuple[str, int]]
    overdue: QuerySet[CaseDeadline]


def overview_for(actor: Actor, *, today: date) -> Overview:
    """Counts per state and the overdue deadlines of the organisation (HR and CM), two indexed queries."""
    organisation_id = actor.organisation_id
    if organisation_id is None or not allowed(actor, "cases.overview.view"):
        record_denial(actor, "cases.overview.view")
        return Overview(states=[], overdue=CaseDeadline.objects.none())
    # Counts only: from the report database (ADR 0193); the overdue deadlines' list stays on default.
    states = list(
        Case.objects.using(report_database())
        .filter(organisation_id=organisation_id)
        .values("state")
        .annotate(n=Count("pk"))
        .order_by("state")
        .values_list("state", "n")
    )
    categories = readable_deadline_categories(
        frozenset(str(r) for r in actor.roles & ORGANISATION_CASE_READERS)
    )
    overdue = (
        CaseDeadline.objects.filter(
            organisation_id=organisation_id,
            status=CaseDeadline.Status.PENDING,
            due__lt=today,
            category__in=categories,
        )
        .select_related("case")
        .order_by("due", "pk")
    )
    return Overview(states=states, overdue=overdue)


def deadlines_for(actor: Actor, access: CaseAccess, *, today: date) -> list[DueItem]:
    """The case's deadlines whose data category this person may read, in due order (T-xx)."""
    roles = {str(r) for r in actor.roles & ORGANISATION_CASE_READERS} | set(access.case_roles)
    categories = readable_deadline_categories(frozenset(roles))
    rows = CaseDeadline.objects.filter(case=access.case, category__in=categories).order_by(
        "due", "code", "pk"
    )
    return [
        DueItem(
            deadline=d,
            overdue=d.status == CaseDeadline.Status.PENDING and d.due is not None and d.due < today,
            days=((d.due or today) - today).days,
        )
        for d in rows
    ]


def r100_hold(case: Case) -> bool:
    """R-100: transgressive behaviour suspected and the melder has not yet been offered the VP or chosen."""
    transgressive = {str(c) for c in TRANSGRESSIVE}
    suspected = bool(set(case.undesirable_behaviour_categories) & transgressive)
    return suspected and (case.vp_offered_on is None or not case.melder_choice)


def melder_may_choose(actor: Actor, access: CaseAccess) -> bool:
    """The melder chooses once the VP was offered, and may change their mind later (R-100)."""
    return allowed(actor, "cases.melder_choice.record", access)


def legal_holds_of(access: CaseAccess) -> list[LegalHold]:
    """The case's legal holds, newest first (R-140); the caller checks cases.legal_hold.view.

    The people who set and lifted them are prefetched, not joined: most cases have no hold, and the
    join of two people's columns cost about 0.7 ms to compile on every case page (#18)."""
    return list(LegalHold.objects.filter(case=access.case).prefetch_related("set_by", "lifted_by"))
