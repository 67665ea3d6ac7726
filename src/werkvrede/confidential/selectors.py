"""Reads of the vertrouwenspersoon's reports. Missing and forbidden both answer 404; every opened
message is an audited read of D15 (R-170)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

from werkvrede.accounts.models import User
from werkvrede.audit.reads import role_basis
from werkvrede.confidential.facts import situation
from werkvrede.confidential.models import (
    AdviserProfile,
    AnnualReport,
    ManagementAdvice,
    Report,
    ReportCategory,
    ReportMessage,
    ReportState,
)
from werkvrede.confidential.policies import VP, ReceiptHolder, is_vp_of
from werkvrede.core.access import object_from
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import Adviser
from werkvrede.core.gate import findings_about
from werkvrede.core.policy import allowed, hidden
from werkvrede.core.roles import Role
from werkvrede.guideline import Finding, Severity, parse_situation
from werkvrede.vault.services import unseal

INBOX_SIZE = 100


def inbox_for(actor: Actor) -> list[Report]:
    """The VP's reports, the ones needing attention first: active, then closed, by last activity."""
    if not allowed(actor, "confidential.inbox.open"):
        return []
    reports = (
        Report.objects.filter(organisation_id=actor.organisation_id or 0)
        .exclude(state=ReportState.DOSSIER_DESTROYED)
        .select_related("melder")
        .order_by("-last_activity_on", "-pk")[:INBOX_SIZE]
    )
    return sorted(reports, key=lambda r: not r.is_active)


def reports_of_melder(actor: Actor) -> QuerySet[Report]:
    """The named reports the actor made (their own D15)."""
    if not allowed(actor, "confidential.mine.open"):
        return Report.objects.none()
    return (
        Report.objects.filter(organisation_id=actor.organisation_id or 0, melder_id=actor.user_id or 0)
        .exclude(state=ReportState.DOSSIER_DESTROYED)
        .order_by("-last_activity_on", "-pk")
    )


def report_get_for(actor: Actor | ReceiptHolder, report_id: int) -> Report:
    report = (
        Report.objects.filter(pk=report_id, organisation_id=actor.organisation_id or 0)
        .select_related("melder")
        .first()
    )
    if report is None or not allowed(actor, "confidential.report.view", report):  # type: ignore[arg-type]
        raise hidden(actor, "confidential.report.view", report)  # type: ignore[arg-type]
    return report


REPORT = object_from("VP report", "report_id", "report", report_get_for)


@dataclass(frozen=True)
class MessageView:
    message: ReportMessage
    text: str


def messages_for(actor: Actor | ReceiptHolder, report: Report) -> list[MessageView]:
    """The report's messages, each unsealed (and so audited, D15) for this reader."""
    basis = role_basis(str(VP)) if is_vp_of(actor, report) else "melder"
    views = []
    for message in ReportMessage.objects.filter(report=report).select_related("sealed", "author"):
        text = unseal(
            actor=actor,  # type: ignore[arg-type]
            sealed=message.sealed,
            action="confidential.message.read",
            subjects=[report.melder_id],
            basis=basis,
            # The anonymous melder's own reading is recorded, but not which report (ADR 0074).
            name_object=not isinstance(actor, ReceiptHolder),
        )
        views.append(MessageView(message=message, text=text))
    return views


def advisers(organisation_id: int) -> list[Adviser]:
    """The organisation's active vertrouwenspersonen with their contact details (core.confidential)."""
    users = list(
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=organisation_id,
            memberships__is_active=True,
            memberships__grants__role=Role.CONFIDENTIAL_ADVISER,
        )
        .distinct()
        .order_by("full_name", "pk")
    )
    profiles = {
        p.user_id: p for p in AdviserProfile.objects.filter(organisation_id=organisation_id, user__in=users)
    }
    result = []
    for user in users:
        profile = profiles.get(user.pk)
        result.append(
            Adviser(
                name=user.full_name,
                contact=(profile.contact if profile else "") or user.email,
                external=bool(profile and profile.external),
            )
        )
    return result


def profile_of(actor: Actor) -> AdviserProfile:
    organisation_id, user_id = actor.organisation_id or 0, actor.uid
    profile = AdviserProfile.objects.filter(organisation_id=organisation_id, user_id=user_id).first()
    return profile or AdviserProfile(organisation_id=organisation_id, user_id=user_id)


def summary(actor: Actor) -> dict[str, Any]:
    """What the VP's start panel counts."""
    reports = inbox_for(actor)
    return {
        "new": sum(1 for r in reports if r.state == ReportState.CONTACT),
        "active": sum(1 for r in reports if r.is_active),
    }


def category_get_for(actor: Actor, category_id: int) -> ReportCategory:
    category = ReportCategory.objects.filter(
        pk=category_id, organisation_id=actor.organisation_id or 0
    ).first()
    if category is None or not allowed(actor, "confidential.settings.manage", category):
        raise hidden(actor, "confidential.settings.manage", category)
    return category


CATEGORY = object_from("VP report category", "category_id", "category", category_get_for)


def guidance_for(report: Report, *, today: date) -> tuple[Finding, ...]:
    """What the guideline tells the VP about this report (INFO: R-101 their tasks, R-104 …)."""
    findings = findings_about(parse_situation(situation(report)), today=today, subject="vp_report")
    return tuple(f for f in findings if f.severity is Severity.INFO)


# --- D16: the annual report and advice to management ---------------------------------------------


def annual_reports_for(actor: Actor) -> list[AnnualReport]:
    if not allowed(actor, "confidential.annual.view"):
        return []
    return list(AnnualReport.objects.filter(organisation_id=actor.organisation_id or 0).order_by("-year"))


def annual_report_get_for(actor: Actor, annual_report_id: int) -> AnnualReport:
    annual_report = AnnualReport.objects.filter(
        pk=annual_report_id, organisation_id=actor.organisation_id or 0
    ).first()
    if annual_report is None or not allowed(actor, "confidential.annual.view", annual_report):
        raise hidden(actor, "confidential.annual.view", annual_report)
    return annual_report


ANNUAL_REPORT = object_from("VP annual report", "annual_report_id", "annual_report", annual_report_get_for)


def destroyable_count(actor: Actor, annual_report: AnnualReport) -> int:
    """How many dossiers of this annual report wait to be destroyed (R-107, T-23): the VP only."""
    if not allowed(actor, "confidential.dossiers.destroy", annual_report):
        return 0
    return Report.objects.filter(
        organisation_id=annual_report.organisation_id,
        annual_report=annual_report,
        state=ReportState.IN_ANNUAL_REPORT,
    ).count()


def advices_for(actor: Actor) -> list[ManagementAdvice]:
    if not allowed(actor, "confidential.advice.view"):
        return []
    return list(
        ManagementAdvice.objects.filter(organisation_id=actor.organisation_id or 0).select_related("author")
    )


def pattern_report_ids(actor: Actor) -> set[int]:
    """R-108: the reports whose person concerned (a keyed reference) is named in reports of two or more
    melders. For the VP only; an anonymous report counts as a melder of its own."""
    if not allowed(actor, "confidential.inbox.open"):
        return set()
    rows = (
        Report.objects.filter(organisation_id=actor.organisation_id or 0)
        .exclude(concerns_ref="")
        .exclude(state=ReportState.DOSSIER_DESTROYED)
        .values_list("pk", "concerns_ref", "melder_id")
    )
    melders: dict[str, set[str]] = {}
    reports: dict[str, set[int]] = {}
    for pk, ref, melder_id in rows:
        melders.setdefault(ref, set()).add(f"u{melder_id}" if melder_id else f"r{pk}")
        reports.setdefault(ref, set()).add(pk)
    return {pk for ref, ids in reports.items() if len(melders[ref]) >= 2 for pk in ids}
