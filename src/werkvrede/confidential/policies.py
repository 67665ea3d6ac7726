"""Who may do what with the vertrouwenspersoon's reports (D15) and annual report (D16).

D15 (docs/rules.md): RW for the organisation's VP and the melder; every other role only with the
melder's written consent naming them (CC-6), which opens a referral, never the dossier itself. HR,
the Beheerder (ADM), the platform superuser and the Django admin see neither content nor that a
named melder made a report. D16: RW for the VP, an anonymised aggregate (A) for LG and HR.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkvrede.confidential.models import Report, ReportMessage, ReportState
from werkvrede.core import receipts as core_receipts
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

VP = Role.CONFIDENTIAL_ADVISER
# Everyone employed in the organisation can turn to the VP; a supporter is an outsider (SUP), and
# a VP turns to a colleague VP outside Werkvrede.
MELDER_ROLES = frozenset(Role) - {Role.SUPPORTER, VP}


@dataclass(frozen=True)
class ReceiptHolder(core_receipts.ReceiptHolder):
    """The holder of a VP report's receipt code (`core.receipts.ReceiptHolder`): admitted only as the
    melder of its one report (`is_melder_of`; confidential/tests/test_anonymous.py walks every
    declared action to prove it)."""

    only_actions: frozenset[str] = frozenset(
        {"confidential.report.view", "confidential.message.write", "confidential.message.read"}
    )


def _vp_here(actor: Actor, organisation_id: int | None) -> bool:
    return (
        organisation_id is not None
        and actor.organisation_id == organisation_id
        and actor.user_id is not None
        and VP in actor.roles
    )


def is_vp_of(actor: Any, report: Any) -> bool:
    return isinstance(report, Report) and _vp_here(actor, report.organisation_id)


def is_melder_of(actor: Any, report: Any) -> bool:
    """The named melder of the report, or the holder of its receipt (anonymous)."""
    if not isinstance(report, Report):
        return False
    if isinstance(actor, ReceiptHolder):
        return actor.report_id == report.pk and actor.organisation_id == report.organisation_id
    return (
        report.melder_id is not None
        and actor.user_id == report.melder_id
        and actor.organisation_id == report.organisation_id
    )


def _open(report: Any) -> bool:
    return isinstance(report, Report) and report.state != ReportState.DOSSIER_DESTROYED


@rule("confidential.inbox.open", "The Meldingen inbox of the organisation: its vertrouwenspersonen (VP).")
def can_open_inbox(actor: Actor, obj: Any) -> bool:
    return _vp_here(actor, actor.organisation_id)


@rule(
    "confidential.mine.open",
    "Write to the vertrouwenspersoon and see one's own reports: everyone employed here (not SUP, not VP).",
)
def can_open_mine(actor: Actor, obj: Any) -> bool:
    return (
        actor.organisation_id is not None and actor.user_id is not None and bool(actor.roles & MELDER_ROLES)
    )


@rule("confidential.report.view", "Open a report (D15): the organisation's VP and the report's melder.")
def can_view(actor: Actor, report: Any) -> bool:
    return _open(report) and (is_vp_of(actor, report) or is_melder_of(actor, report))


@rule(
    "confidential.message.write",
    "Write in a report (D15): its melder and the VP, while it is not closed.",
)
def can_write(actor: Actor, report: Any) -> bool:
    return can_view(actor, report) and report.is_active


@rule(
    "confidential.report.manage",
    "Take the report's steps (SM-6: intake, category, route, aftercare, close): the VP.",
)
def can_manage(actor: Actor, report: Any) -> bool:
    return _open(report) and is_vp_of(actor, report)


@dataclass(frozen=True)
class MessageTarget:
    message: ReportMessage

    @property
    def organisation_id(self) -> int:
        return self.message.report.organisation_id


@rule("confidential.message.read", "Open a sealed message of a report (D15): the VP and the melder.")
def can_read_message(actor: Actor, sealed: Any) -> bool:
    if getattr(sealed, "compartment", None) != "D15":
        return False
    message = ReportMessage.objects.filter(sealed=sealed).select_related("report").first()
    return message is not None and can_view(actor, message.report)


@rule("confidential.settings.manage", "Categories (R-106) and one's own contact details: the VP.")
def can_manage_settings(actor: Actor, obj: Any) -> bool:
    return _vp_here(actor, actor.organisation_id)


# --- D16: the annual report, trends, advice to management (R-105, R-108) --------------------------

ANNUAL_READERS = frozenset({VP, Role.LINE_MANAGER, Role.HR_ADVISER})
TREND_READERS = frozenset({VP, Role.MEDIATOR})


def _reads_here(actor: Actor, obj: Any, roles: frozenset[Role]) -> bool:
    organisation_id = getattr(obj, "organisation_id", actor.organisation_id) if obj is not None else None
    return (
        actor.organisation_id is not None
        and actor.user_id is not None
        and (obj is None or organisation_id == actor.organisation_id)
        and bool(actor.roles & roles)
    )


@rule(
    "confidential.annual.view",
    "Read the VP's annual reports (D16, anonymised aggregates, R-105): the organisation's VP, LG and HR.",
)
def can_view_annual(actor: Actor, annual_report: Any) -> bool:
    return _reads_here(actor, annual_report, ANNUAL_READERS)


@rule("confidential.annual.compile", "Compile the annual report of a year (D16, R-105): the VP.")
def can_compile_annual(actor: Actor, obj: Any) -> bool:
    return _reads_here(actor, obj, frozenset({VP}))


@rule(
    "confidential.dossiers.destroy",
    "Destroy the dossiers counted in an annual report (R-107, R-145, SM-6 row 11): the VP.",
)
def can_destroy_dossiers(actor: Actor, annual_report: Any) -> bool:
    return annual_report is not None and _reads_here(actor, annual_report, frozenset({VP}))


@rule(
    "confidential.trends.view",
    "Counts per category per quarter, small cells suppressed (R-105): the organisation's VP and mediators.",
)
def can_view_trends(actor: Actor, obj: Any) -> bool:
    return _reads_here(actor, obj, TREND_READERS)


@rule(
    "confidential.advice.view",
    "Read the VP's advice to management (R-108, D16): the organisation's VP, LG and HR.",
)
def can_view_advice(actor: Actor, obj: Any) -> bool:
    return _reads_here(actor, obj, ANNUAL_READERS)


@rule("confidential.advice.write", "Write an advice to management without naming melders (R-108): the VP.")
def can_write_advice(actor: Actor, obj: Any) -> bool:
    return _reads_here(actor, obj, frozenset({VP}))
