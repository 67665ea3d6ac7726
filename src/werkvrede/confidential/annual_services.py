"""Writes of the annual report (D16), the destruction of dossiers (R-107, R-145), patterns and advice to
management (R-108). Atomic, authorised, audited; every SM-6 step asked through the one gate."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership, User
from werkvrede.audit import services as audit
from werkvrede.confidential import annual
from werkvrede.confidential.facts import situation
from werkvrede.confidential.models import (
    AnnualReport,
    BreachReview,
    ManagementAdvice,
    Referral,
    Report,
    ReportMessage,
    ReportState,
)
from werkvrede.confidential.services import _CONCERNS_SALT
from werkvrede.core.actor import Actor
from werkvrede.core.gate import decide
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Blocked, Invalid, NotPossible
from werkvrede.core.replica import DEFAULT
from werkvrede.protocol.parameters import tenant_parameters
from werkvrede.protocol.selectors import protocol_for
from werkvrede.vault.models import SealedContent

TEXT_MAX = 4000


# --- Names in free text (R-105, R-108) -------------------------------------------------------------


def normalise(text: str) -> str:
    """Case, accents and spacing do not matter when looking for a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def identifiers_in(text: str, organisation_id: int) -> list[str]:
    """The full names and e-mail addresses of the organisation's people (every member, and every
    melder of a report here) that occur in `text`, in the order of the list, each once."""
    haystack = normalise(text)
    if not haystack:
        return []
    members = Membership.objects.filter(organisation_id=organisation_id).values_list("user_id", flat=True)
    melders = Report.objects.filter(organisation_id=organisation_id, melder__isnull=False).values_list(
        "melder_id", flat=True
    )
    people = User.objects.filter(pk__in=members.union(melders)).order_by("full_name", "pk")
    found: list[str] = []
    for full_name, email in people.values_list("full_name", "email"):
        for candidate in (full_name, email):
            needle = normalise(candidate or "")
            if len(needle) < 3 or candidate in found:
                continue
            if re.search(rf"(?<![\w@.]){re.escape(needle)}(?![\w@])", haystack):
                found.append(candidate)
    return found


def _no_identifiers(text: str, organisation_id: int, field: str) -> None:
    found = identifiers_in(text, organisation_id)
    if found:
        raise Invalid.of(
            field,
            _(
                "R-105: een jaarverslag en een advies bevatten geen namen of e-mailadressen. Haal "
                "deze weg: %(names)s."
            )
            % {"names": ", ".join(found)},
        )


def _text(text: str, field: str, *, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise Invalid.of(field, _("Schrijf het advies."))
    if len(text) > TEXT_MAX:
        raise Invalid.of(
            field,
            _("De tekst is %(n)s tekens; het mogen er %(max)s zijn. Maak hem korter.")
            % {"n": len(text), "max": TEXT_MAX},
        )
    return text


# --- The annual report (D16, R-105, SM-6 row 10) -------------------------------------------------


@dataclass(frozen=True)
class Preview:
    year: int
    aggregates: dict[str, Any]
    tables: list[annual.Table]
    reports: int  # how many closed reports the compiling moves to IN_ANNUAL_REPORT


def _closed_of(organisation_id: int, year: int) -> Any:
    return Report.objects.filter(
        organisation_id=organisation_id, state=ReportState.CLOSED, closed_on__year=year
    )


def years_open(organisation_id: int, today: date) -> list[int]:
    """Years that are over and have no annual report yet, newest first: the year before today's, and
    every earlier year with closed reports still waiting for one."""
    done = set(AnnualReport.objects.filter(organisation_id=organisation_id).values_list("year", flat=True))
    waiting = {
        d.year
        for d in Report.objects.filter(organisation_id=organisation_id, state=ReportState.CLOSED)
        .exclude(closed_on=None)
        .values_list("closed_on", flat=True)
        if d is not None
    }
    years = {y for y in waiting | {today.year - 1} if y < today.year} - done
    return sorted(years, reverse=True)


def _check_year(organisation_id: int, year: int, today: date) -> None:
    if year >= today.year:
        raise NotPossible(
            _("Het jaar %(year)s is nog niet voorbij. Stel het jaarverslag samen als het jaar om is.")
            % {"year": year}
        )
    if year < 2000:
        raise Invalid.of("year", _("Kies een jaar uit de lijst."))
    if AnnualReport.objects.filter(organisation_id=organisation_id, year=year).exists():
        raise NotPossible(_("Het jaarverslag over %(year)s is al samengesteld.") % {"year": year})


def _annual_situation(organisation_id: int, tables: list[annual.Table], identifiers: bool) -> dict[str, Any]:
    return {
        "tenant": tenant_parameters(protocol_for(organisation_id)),
        "vp_annual_report": {
            "cells": annual.guideline_cells(tables),
            "contains_identifiers": identifiers,
        },
    }


def annual_preview(
    *, actor: Actor, year: int, recommendations: str, today: date, database: str | None = None
) -> Preview:
    """What compiling `year` would store; refused as compiling would be (R-105), nothing stored.

    Counted on the report database (ADR 0193) unless `database` names another alias."""
    authorize(actor, "confidential.annual.compile")
    organisation_id = actor.organisation_id or 0
    _check_year(organisation_id, year, today)
    text = _text(recommendations, "recommendations", required=False)
    min_cell = annual.min_cell_of(organisation_id)
    aggregates, tables = annual.aggregates_for(organisation_id, year, min_cell, database=database)
    found = identifiers_in(text, organisation_id)
    try:
        decide(
            _annual_situation(organisation_id, tables, bool(found)),
            today=today,
            subject="vp_annual_report",
            block=("R-105",),
        )
    except Blocked:
        if found:
            _no_identifiers(text, organisation_id, "recommendations")
        raise
    return Preview(year, aggregates, tables, _closed_of(organisation_id, year).count())


@transaction.atomic
def annual_compile(*, actor: Actor, year: int, recommendations: str, today: date) -> AnnualReport:
    """D16: store the year's aggregates and the VP's recommendations, and move every report closed that
    year to IN_ANNUAL_REPORT (SM-6 row 10, guarded by R-105). Irreversible."""
    # Counted on the primary, in this transaction: exactly the reports it moves (SM-6 row 10, ADR 0193).
    preview = annual_preview(
        actor=actor, year=year, recommendations=recommendations, today=today, database=DEFAULT
    )
    organisation_id = actor.organisation_id or 0
    min_cell = preview.aggregates["min_cell"]
    try:
        with transaction.atomic():
            annual_report = AnnualReport.objects.create(
                organisation_id=organisation_id,
                year=year,
                min_cell=min_cell,
                aggregates=preview.aggregates,
                recommendations=_text(recommendations, "recommendations", required=False),
                made_on=today,
                made_by_id=actor.uid,
            )
    except IntegrityError as exc:
        raise NotPossible(_("Het jaarverslag over %(year)s is al samengesteld.") % {"year": year}) from exc
    # The check of the cells, as SM-6 row 10's guard sees it for every report it moves.
    annual_facts = _annual_situation(organisation_id, preview.tables, False)["vp_annual_report"]
    moved = 0
    for report in _closed_of(organisation_id, year).select_for_update(no_key=True).order_by("pk"):
        facts = situation(report, in_annual_report_on=today.isoformat())
        facts["vp_annual_report"] = annual_facts
        report.state = decide(
            facts,
            today=today,
            subject=("vp_annual_report", "vp_report"),
            machine="SM-6",
            state=report.state,
            event="annual_report_compiled",
            block=("R-105",),
        ).next_state
        report.in_annual_report_on = today
        report.annual_report = annual_report
        report.save(update_fields=["state", "in_annual_report_on", "annual_report"])
        moved += 1
    audit.record_for(
        actor, "confidential.annual_report.compiled", annual_report, data={"year": year, "reports": moved}
    )
    return annual_report


# --- Destroying the dossiers (R-107, R-145, SM-6 row 11) ------------------------------------------


def dossier_destroy(report: Report, *, today: date) -> int:
    """Destroy one dossier counted in an annual report (SM-6 row 11): its messages and their sealed
    content go; the row keeps its state and the day of destruction, nothing that says who or what.
    The caller authorises (the VP's button) or is the retention run (R-145); returns the sealed rows.
    """
    report.state = decide(
        situation(report, destroyed_on=today.isoformat()),
        today=today,
        subject="vp_report",
        machine="SM-6",
        state=report.state,
        event="retention_reached",
    ).next_state
    messages = ReportMessage.objects.filter(report=report)
    sealed_ids = list(messages.values_list("sealed_id", flat=True))
    messages.delete()
    # The referral summaries and breach justifications are sealed in the same compartment (D15).
    referrals = Referral.objects.filter(report=report)
    reviews = BreachReview.objects.filter(report=report)
    sealed_ids += list(referrals.values_list("summary_id", flat=True))
    sealed_ids += list(reviews.values_list("justification_id", flat=True))
    referrals.delete()
    reviews.delete()
    sealed, _deleted = SealedContent.objects.filter(pk__in=sealed_ids, compartment="D15").delete()
    report.melder = None
    report.receipt_digest = ""
    report.category = ""
    report.route = ""
    report.concerns_ref = ""
    report.resume_state = ""
    report.confidentiality_explained = False
    report.privilege_limits_explained = False
    report.intake_on = report.registration_consent_on = None
    report.closed_on = report.in_annual_report_on = None
    report.destroyed_on = today
    # The two dates a row must hold carry no more than the day of destruction.
    report.opened_on = report.last_activity_on = today
    report.save()
    return sealed


@transaction.atomic
def dossiers_destroy(*, actor: Actor, annual_report: AnnualReport, today: date) -> int:
    """Destroy every dossier counted in `annual_report`: its messages and their sealed content are
    deleted; the row keeps its state and the day of destruction, nothing that says who or what.
    Only the annual report's aggregates remain. Returns how many were destroyed."""
    authorize(actor, "confidential.dossiers.destroy", annual_report)
    reports = list(
        Report.objects.select_for_update(no_key=True)
        .filter(
            organisation_id=annual_report.organisation_id,
            annual_report=annual_report,
            state=ReportState.IN_ANNUAL_REPORT,
        )
        .order_by("pk")
    )
    if not reports:
        raise NotPossible(_("Er zijn geen dossiers meer om te vernietigen."))
    for report in reports:
        dossier_destroy(report, today=today)
    audit.record(
        "confidential.dossiers.destroyed",
        organisation_id=annual_report.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="confidential.annualreport",
        object_id=str(annual_report.pk),
        legal_basis="R-107",
        data={"count": len(reports)},
    )
    return len(reports)


# --- Patterns and advice to management (R-108) ----------------------------------------------------


def concerns_ref_of(organisation_id: int, *, user_id: int | None = None, name: str = "") -> str:
    """The keyed reference to the person a report concerns: never the person, only comparable."""
    if user_id is None:
        normalised = normalise(name)
        match = [
            pk
            for pk, full_name in User.objects.filter(
                memberships__organisation_id=organisation_id
            ).values_list("pk", "full_name")
            if normalise(full_name) == normalised
        ]
        if len(match) == 1:  # a typed name of exactly one member is that member
            user_id = match[0]
    value = f"user:{user_id}" if user_id is not None else f"name:{normalise(name)}"
    return salted_hmac(_CONCERNS_SALT, f"{organisation_id}|{value}", algorithm="sha256").hexdigest()


@transaction.atomic
def concerns_record(*, actor: Actor, report: Report, user_id: int | None, name: str, today: date) -> Report:
    """R-108: note who the report is about, as a keyed reference only, to see patterns."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.report.manage", report)
    name = (name or "").strip()
    if user_id is None and not name:
        raise Invalid.of("person", _("Kies iemand uit de lijst of typ een naam."))
    if user_id is not None and name:
        raise Invalid.of("name", _("Kies iemand uit de lijst óf typ een naam, niet allebei."))
    if len(name) > 200:
        raise Invalid.of("name", _("Een naam is hoogstens 200 tekens."))
    if (
        user_id is not None
        and not Membership.objects.filter(organisation_id=report.organisation_id, user_id=user_id).exists()
    ):
        raise Invalid.of("person", _("Kies iemand uit de lijst."))
    report.concerns_ref = concerns_ref_of(report.organisation_id, user_id=user_id, name=name)
    report.save(update_fields=["concerns_ref"])
    audit.record_for(actor, "confidential.report.concerns_recorded", report)
    return report


@transaction.atomic
def advice_write(*, actor: Actor, text: str, today: date) -> ManagementAdvice:
    """R-108: advice to management from what the VP sees, refused when it names a melder (R-105)."""
    authorize(actor, "confidential.advice.write")
    organisation_id = actor.organisation_id or 0
    text = _text(text, "text", required=True)
    _no_identifiers(text, organisation_id, "text")
    advice = ManagementAdvice.objects.create(
        organisation_id=organisation_id, text=text, written_on=today, author_id=actor.uid
    )
    audit.record_for(actor, "confidential.advice.written", advice)
    return advice
