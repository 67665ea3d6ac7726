"""Who may do what with whistleblower reports (D18, SM-8).

D18 (docs/rules.md): RW for the organisation's designated officers (DO) and the melder; nobody else.
Not HR, not the Beheerder, not the line manager; the vertrouwenspersoon only with the melder's
consent (R-119, D18 fn 26), which hands over nothing of the report itself (R-118). A person the
report concerns never sees it, even when they hold the DO role (R-118, D18 fn 25). There is no
list, search or export of D18 for any employer role (R-139).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkvrede.core import receipts as core_receipts
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role
from werkvrede.whistleblower.models import ConcernedPerson, WhistleMessage, WhistleReport, WhistleState

DO = Role.WHISTLEBLOWER_OFFICER
# Everyone employed in the organisation may report a suspected misstand (a supporter is an outsider).
MELDER_ROLES = frozenset(Role) - {Role.SUPPORTER}


@dataclass(frozen=True)
class WhistleReceiptHolder(core_receipts.ReceiptHolder):
    """The holder of a whistleblower report's receipt code (`core.receipts.ReceiptHolder`): admitted
    only as the melder of its one report (`is_melder_of`)."""

    only_actions: frozenset[str] = frozenset(
        {"whistleblower.report.read", "whistleblower.message.write", "whistleblower.message.read"}
    )


def _officer_here(actor: Any, organisation_id: int | None) -> bool:
    return (
        organisation_id is not None
        and getattr(actor, "organisation_id", None) == organisation_id
        and getattr(actor, "user_id", None) is not None
        and DO in actor.roles
    )


def is_concerned(actor: Any, report: WhistleReport) -> bool:
    """Whether the report names `actor` as concerned. The names are read once per loaded report: a
    page asks every step's rule, and the persons concerned are fixed when the report is made."""
    user_id = getattr(actor, "user_id", None)
    if user_id is None:
        return False
    concerned = report.__dict__.get("_concerned_user_ids")
    if concerned is None:
        concerned = frozenset(ConcernedPerson.objects.filter(report=report).values_list("user_id", flat=True))
        report.__dict__["_concerned_user_ids"] = concerned
    return user_id in concerned


def is_officer_of(actor: Any, report: Any) -> bool:
    """A designated officer of the report's organisation who is not concerned by it (R-118)."""
    return (
        isinstance(report, WhistleReport)
        and _officer_here(actor, report.organisation_id)
        and not is_concerned(actor, report)
    )


def is_melder_of(actor: Any, report: Any) -> bool:
    """The named melder of the report, or the holder of its receipt (anonymous)."""
    if not isinstance(report, WhistleReport):
        return False
    if isinstance(actor, WhistleReceiptHolder):
        return actor.report_id == report.pk and actor.organisation_id == report.organisation_id
    return (
        report.melder_id is not None
        and actor.user_id == report.melder_id
        and actor.organisation_id == report.organisation_id
    )


@rule(
    "whistleblower.inbox.open", "The whistleblower inbox of the organisation: its designated officers (DO)."
)
def can_open_inbox(actor: Actor, obj: Any) -> bool:
    return _officer_here(actor, actor.organisation_id)


@rule(
    "whistleblower.mine.open",
    "Report a suspected misstand and see one's own whistleblower reports: everyone employed here (not SUP).",
)
def can_open_mine(actor: Actor, obj: Any) -> bool:
    return (
        actor.organisation_id is not None and actor.user_id is not None and bool(actor.roles & MELDER_ROLES)
    )


@rule(
    "whistleblower.report.read",
    "Open a whistleblower report (D18): the organisation's DO who is not concerned (R-118), and its melder.",
)
def can_read(actor: Actor, report: Any) -> bool:
    return is_officer_of(actor, report) or is_melder_of(actor, report)


@rule(
    "whistleblower.message.write",
    "Write in a whistleblower report (D18): its melder and the DO, while it is open.",
)
def can_write(actor: Actor, report: Any) -> bool:
    return can_read(actor, report) and report.is_active


def _officer_step(actor: Actor, report: Any, *states: WhistleState) -> bool:
    return is_officer_of(actor, report) and report.state in states


@rule("whistleblower.report.acknowledge", "Acknowledge receipt (SM-8 row 2, T-20, R-116): the DO.")
def can_acknowledge(actor: Actor, report: Any) -> bool:
    return _officer_step(actor, report, WhistleState.RECEIVED)


@rule(
    "whistleblower.report.assess",
    "Assess: a suspected misstand in the public interest or not (SM-8 rows 3 and 7, R-118): the DO.",
)
def can_assess(actor: Actor, report: Any) -> bool:
    return _officer_step(actor, report, WhistleState.ACKNOWLEDGED)


@rule("whistleblower.report.follow_up", "Start the follow-up of a misstand (SM-8 row 4): the DO.")
def can_follow_up(actor: Actor, report: Any) -> bool:
    return _officer_step(actor, report, WhistleState.ASSESSED)


@rule("whistleblower.report.feedback", "Give the melder feedback (SM-8 row 5, T-21, R-117): the DO.")
def can_feedback(actor: Actor, report: Any) -> bool:
    return _officer_step(actor, report, WhistleState.FOLLOW_UP)


@rule("whistleblower.report.close", "Close the report after feedback (SM-8 row 6): the DO.")
def can_close(actor: Actor, report: Any) -> bool:
    return _officer_step(actor, report, WhistleState.FEEDBACK_GIVEN)


@rule(
    "whistleblower.report.route",
    "Propose to route a purely personal conflict to a case or the VP (SM-8 row 8, R-118): the DO.",
)
def can_propose_route(actor: Actor, report: Any) -> bool:
    return _officer_step(actor, report, WhistleState.NOT_A_MISSTAND)


@rule(
    "whistleblower.report.route_consent",
    "Consent to the routing the DO proposed (R-118, D20): the named melder.",
)
def can_consent_route(actor: Actor, report: Any) -> bool:
    return (
        isinstance(report, WhistleReport)
        and not isinstance(actor, WhistleReceiptHolder)
        and is_melder_of(actor, report)
        and report.state == WhistleState.NOT_A_MISSTAND
        and bool(report.route_target)
    )


@rule("whistleblower.message.read", "Open a sealed message of a whistleblower report (D18): DO and melder.")
def can_read_message(actor: Actor, sealed: Any) -> bool:
    if getattr(sealed, "compartment", None) != "D18":
        return False
    message = WhistleMessage.objects.filter(sealed=sealed).select_related("report").first()
    return message is not None and can_read(actor, message.report)


@rule(
    "whistleblower.procedure.view",
    "See whether the organisation needs an internal reporting procedure (R-115): the Beheerder.",
)
def can_view_procedure(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and actor.user_id is not None and Role.ADMIN in actor.roles


@rule(
    "whistleblower.procedure.edit",
    "Record the number of workers and whether an internal reporting procedure is adopted (R-115): "
    "the Beheerder.",
)
def can_edit_procedure(actor: Actor, obj: Any) -> bool:
    return can_view_procedure(actor, obj)
