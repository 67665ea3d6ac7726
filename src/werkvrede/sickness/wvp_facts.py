"""The signed Poortwachter documents (D10) as `sick_report` facts for the guideline (ADR 0103).

Kept apart from `wvp` so the facts provider imports no services.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from werkvrede.documents.models import Document
from werkvrede.documents.models import DocumentKind as K
from werkvrede.sickness.models import SickReport

OWNER_KIND = "sickness.sickreport"


def signed_on(document: Document) -> date | None:
    """The day the last signer signed: the day the document counts as done."""
    return timezone.localtime(document.locked_at).date() if document.locked_at is not None else None


def _has_advice(doc: Document) -> bool:
    return bool(str(doc.content.get("conflict_advice", "")).strip())


def wvp_facts(report: SickReport) -> dict[str, Any]:
    """The signed documents as `sick_report` facts: the date each was frozen is the date it was done."""
    signed = list(
        Document.objects.filter(owner_kind=OWNER_KIND, owner_id=report.pk, locked_at__isnull=False).order_by(
            "locked_at", "pk"
        )
    )
    by_kind: dict[str, list[Document]] = {}
    for doc in signed:
        by_kind.setdefault(doc.kind, []).append(doc)

    def first(kind: str) -> Document | None:
        return by_kind.get(kind, [None])[0]

    def on(doc: Document | None) -> str | None:
        day = signed_on(doc) if doc is not None else None
        return day.isoformat() if day else None

    facts: dict[str, Any] = {}
    pa = first(K.PROBLEM_ANALYSIS)
    if pa is not None:
        facts["problem_analysis"] = {
            "on": on(pa),
            "author_role": "BA",
            "personal_contact": bool(pa.content.get("personal_contact")),
            "contains_conflict_advice": _has_advice(pa),
            "updates": [
                {"on": on(u), "contains_conflict_advice": _has_advice(u)}
                for u in by_kind.get(K.PROBLEM_ANALYSIS_UPDATE, [])
            ],
        }
        # where the conflict advice is recorded (never "notes only" when a document holds it).
        updates = by_kind.get(K.PROBLEM_ANALYSIS_UPDATE, [])
        if _has_advice(pa):
            facts["conflict_advice_recorded_in"] = "PA"
        elif any(_has_advice(u) for u in updates):
            facts["conflict_advice_recorded_in"] = "PA_UPDATE"
    plan = first(K.ACTION_PLAN)
    if plan is not None:
        # Frozen only when the employer and the employee have both signed.
        facts["action_plan"] = {"on": on(plan), "signed_by_employer": True, "signed_by_employee": True}
    for kind, key in (
        (K.UWV_SICKNESS_NOTICE, "uwv_notified_on"),
        (K.FIRST_YEAR_EVALUATION, "first_year_evaluation_on"),
        (K.FINAL_EVALUATION, "final_evaluation_on"),
    ):
        if (found := first(kind)) is not None:
            facts[key] = on(found)
    if (assessment := first(K.CURRENT_ASSESSMENT)) is not None:
        facts["current_assessment_on"] = on(assessment)
        facts["current_assessment_author"] = "BA"
    if reports := by_kind.get(K.REINTEGRATION_REPORT):
        # the copies count from the newest bundle, the one that holds everything signed so far.
        facts["riv_copies_on"] = on(reports[-1])
    return facts
