""" "Wat nu?" from the sick report: Poortwachter documents waiting for this person's signature (R-151)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from werkvrede.cases.next_steps import CasePage
from werkvrede.cases.selectors import case_get_for
from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep
from werkvrede.core.policy import NotVisible
from werkvrede.documents.models import Document, Signature
from werkvrede.sickness.models import SickReport
from werkvrede.sickness.tracker import sick_reports_of_case
from werkvrede.sickness.wvp import ORDER, may_read
from werkvrede.sickness.wvp_facts import OWNER_KIND


def wvp_signature_steps(
    actor: Actor, *, today: date, case_id: int | None = None, case_page: CasePage | None = None
) -> list[NextStep]:
    uid = actor.user_id
    if uid is None or actor.organisation_id is None:
        return []
    # Open drafts only (few); JSON containment is not portable, so the signer is checked here.
    drafts = Document.objects.filter(
        organisation_id=actor.organisation_id,
        owner_kind=OWNER_KIND,
        kind__in=ORDER,
        locked_at__isnull=True,
        superseded_by__isnull=True,
    ).order_by("created_at", "pk")
    if case_page is not None:
        # On a case page only that case's drafts, found from its sick reports, which the page's tracker
        # has read already (ADR 0201); most cases have none.
        reports = {r.pk: r.case_id for r in sick_reports_of_case(case_page.access.case)}
        if not reports:
            return []
        drafts = drafts.filter(owner_id__in=reports)
    waiting = [d for d in drafts if uid in d.signers]
    if not waiting:
        return []
    signed = set(
        Signature.objects.filter(document__in=waiting, user_id=uid).values_list("document_id", flat=True)
    )
    if case_page is None:
        reports = dict(
            SickReport.objects.filter(pk__in=[d.owner_id for d in waiting]).values_list("pk", "case_id")
        )
    out: list[NextStep] = []
    for doc in waiting:
        report_case = reports.get(doc.owner_id)
        if doc.pk in signed or report_case is None or (case_id is not None and report_case != case_id):
            continue
        if case_page is not None:
            access = case_page.access
        else:
            try:
                access = case_get_for(actor, report_case)
            except NotVisible:
                continue
        if not may_read(actor, access, doc):
            continue
        out.append(
            NextStep(
                kind="sickness.wvp_sign",
                text=_("Lees en onderteken: %(title)s (zaak %(reference)s).")
                % {"title": doc.display_title, "reference": access.case.reference},
                url=reverse("sickness:wvp", args=[report_case, doc.kind]),
                button=_("Lezen en ondertekenen"),
                case_id=report_case,
                today=today,
            )
        )
    return out
