"""Reads of whistleblower reports. Missing and forbidden both answer 404; every opened message is an
audited read of D18. No list, search or export exists for anyone but the officers (R-139)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from werkvrede.accounts.models import Organisation, User
from werkvrede.audit.reads import role_basis
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.gate import findings_about
from werkvrede.core.policy import allowed, hidden
from werkvrede.core.roles import Role
from werkvrede.guideline import evaluate, parse_situation
from werkvrede.guideline.model import DeadlineStatus
from werkvrede.vault.services import unseal
from werkvrede.whistleblower.facts import situation
from werkvrede.whistleblower.models import (
    ACTIVE_STATES,
    ChannelSettings,
    ConcernedPerson,
    WhistleMessage,
    WhistleReport,
)
from werkvrede.whistleblower.policies import DO, WhistleReceiptHolder, is_officer_of

INBOX_SIZE = 200
#: "Due soon" on the inbox and the reminders (docs/whistleblower.md): T-20 two days before, T-21 14.
DUE_SOON_DAYS = {"T-20": 2, "T-21": 14}

Reader = Actor | WhistleReceiptHolder

RULE_OF = {"T-20": "R-116", "T-21": "R-117"}


@dataclass(frozen=True)
class DeadlineView:
    code: str  # T-20 (acknowledge) or T-21 (feedback)
    due: date
    done_on: date | None
    status: str  # OPEN, DUE_SOON, OVERDUE, DONE, DONE_LATE
    # Working days after the due date (DONE_LATE only; ADR 0100).
    late_working_days: int | None = None

    @property
    def late(self) -> bool:
        return self.status in ("OVERDUE", "DONE_LATE")

    @property
    def rule(self) -> str:
        """The obligation the deadline keeps: R-116 (acknowledge) or R-117 (feedback)."""
        return RULE_OF[self.code]


def deadlines_of(report: WhistleReport, *, today: date) -> list[DeadlineView]:
    """T-20 and T-21 as the guideline computes them; a step done after its due date stays late."""
    advice = evaluate(parse_situation(situation(report, report.organisation_id)), today=today)
    views = []
    for d in advice.deadlines:
        if d.code not in DUE_SOON_DAYS or d.due is None:
            continue
        if d.status in (DeadlineStatus.DONE, DeadlineStatus.DONE_LATE):
            # The guideline decides lateness (a due date on a weekend is met on the next working day).
            status = d.status.value
        elif d.status is DeadlineStatus.NOT_APPLICABLE:
            continue
        elif today > d.due:
            status = "OVERDUE"
        elif today >= d.due - timedelta(days=DUE_SOON_DAYS[d.code]):
            status = "DUE_SOON"
        else:
            status = "OPEN"
        views.append(DeadlineView(d.code, d.due, d.done_on, status, d.late_working_days))
    return views


@dataclass(frozen=True)
class InboxRow:
    report: WhistleReport
    deadlines: list[DeadlineView]

    @property
    def attention(self) -> str:
        """OVERDUE, DUE_SOON or "" — what sorts the inbox. A closed or routed report needs nothing."""
        if not self.report.is_active:
            return ""
        statuses = {d.status for d in self.deadlines}
        if "OVERDUE" in statuses:
            return "OVERDUE"
        if "DUE_SOON" in statuses:
            return "DUE_SOON"
        return ""


_ORDER = {"OVERDUE": 0, "DUE_SOON": 1, "": 2}


def inbox_for(actor: Actor, *, today: date) -> list[InboxRow]:
    """The officer's reports (not those that concern them, R-118): overdue first, then due soon."""
    if not allowed(actor, "whistleblower.inbox.open"):
        return []
    reports = (
        WhistleReport.objects.filter(organisation_id=actor.organisation_id or 0)
        .exclude(concerned__user_id=actor.user_id or 0)
        .order_by("-received_on", "-pk")[:INBOX_SIZE]
    )
    rows = [InboxRow(r, deadlines_of(r, today=today)) for r in reports]
    return sorted(rows, key=lambda row: (_ORDER[row.attention], not row.report.is_active))


def overdue_count(actor: Actor, *, today: date) -> tuple[int, int]:
    """(overdue, due soon) among the officer's open reports, for the start page."""
    rows = [r for r in inbox_for(actor, today=today) if r.report.state in ACTIVE_STATES]
    return (
        sum(1 for r in rows if r.attention == "OVERDUE"),
        sum(1 for r in rows if r.attention == "DUE_SOON"),
    )


def reports_of_melder(actor: Actor) -> list[WhistleReport]:
    """The named reports the actor made (their own D18)."""
    if not allowed(actor, "whistleblower.mine.open"):
        return []
    return list(
        WhistleReport.objects.filter(
            organisation_id=actor.organisation_id or 0, melder_id=actor.user_id or 0
        ).order_by("-received_on", "-pk")
    )


def report_get_for(actor: Reader, report_id: int) -> WhistleReport:
    report = WhistleReport.objects.filter(pk=report_id, organisation_id=actor.organisation_id or 0).first()
    if report is None or not allowed(actor, "whistleblower.report.read", report):  # type: ignore[arg-type]
        raise hidden(actor, "whistleblower.report.read", report)  # type: ignore[arg-type]
    return report


REPORT = object_from("whistleblower report", "report_id", "report", report_get_for)


@dataclass(frozen=True)
class MessageView:
    message: WhistleMessage
    text: str


def messages_for(actor: Reader, report: WhistleReport) -> list[MessageView]:
    """The report's messages, each unsealed (and so audited, D18) for this reader."""
    basis = role_basis(str(DO)) if is_officer_of(actor, report) else "melder"
    views = []
    for message in WhistleMessage.objects.filter(report=report).select_related("sealed"):
        text = unseal(
            actor=actor,  # type: ignore[arg-type]
            sealed=message.sealed,
            action="whistleblower.message.read",
            subjects=[report.melder_id],
            basis=basis,
            # The anonymous melder's own reading is recorded, but not which report.
            name_object=not isinstance(actor, WhistleReceiptHolder),
        )
        views.append(MessageView(message=message, text=text))
    return views


def concerned_names(actor: Actor, report: WhistleReport) -> list[str]:
    """Whom the melder named as concerned (R-118): for the officer only (part of D18)."""
    if not is_officer_of(actor, report):
        return []
    ids = ConcernedPerson.objects.filter(report=report).values_list("user_id", flat=True)
    return sorted(User.objects.filter(pk__in=list(ids)).values_list("full_name", flat=True))


def colleagues(organisation_id: int) -> list[tuple[int, str]]:
    """The people a named melder can name as concerned: active members of their organisation."""
    return list(
        User.objects.filter(
            memberships__organisation_id=organisation_id, memberships__is_active=True, is_active=True
        )
        .order_by("full_name", "pk")
        .values_list("pk", "full_name")
        .distinct()
    )


def officer_ids(organisation_id: int) -> list[int]:
    """The organisation's active designated officers."""
    return list(
        User.objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__is_active=True,
            memberships__grants__role=Role.WHISTLEBLOWER_OFFICER.value,
            is_active=True,
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def channel_of(slug: str) -> Organisation | None:
    """The organisation behind `slug` if it has a designated officer, else None (an unknown slug and
    an organisation without an officer answer alike)."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not officer_ids(organisation.pk):
        return None
    return organisation


def procedure_findings(actor: Actor, *, today: date) -> bool:
    """Whether R-115 fires for the actor's organisation (≥ min workers, no procedure): the Beheerder."""
    if not allowed(actor, "whistleblower.procedure.view"):
        return False
    oid = actor.organisation_id or 0
    found = findings_about(parse_situation(situation(None, oid)), today=today, subject="tenant.organisation")
    return any(f.code == "R-115" for f in found)


def settings_of(actor: Actor) -> ChannelSettings | None:
    """The organisation's R-115 facts, for the Beheerder."""
    if not allowed(actor, "whistleblower.procedure.view"):
        return None
    return ChannelSettings.objects.filter(organisation_id=actor.organisation_id or 0).first()
