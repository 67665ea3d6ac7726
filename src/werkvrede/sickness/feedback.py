"""The bedrijfsarts' written feedback (D08, R-021): one signed-off document per sent advice.

Employer and employee receive the same document: it holds the advice exactly as sent, never the
bedrijfsarts' own record of how the guideline's warnings were handled (writer-only fields). Who may
download it is the sickness context's read rule for sent advice (`policies.visible_fields`).
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpResponse
from django.utils import translation

from werkvrede.audit.reads import record_read
from werkvrede.cases.models import Case
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.core.policy import hidden
from werkvrede.documents import services as documents
from werkvrede.documents.content import BaFeedbackContent
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.sickness import selectors
from werkvrede.sickness.models import AdviceKind, SentAdvice
from werkvrede.sickness.policies import read_basis, subject_of

OWNER_KIND = "sickness.advice"


def feedback_content(advice: SentAdvice, case: Case, physician: str) -> BaFeedbackContent:
    period = None
    if advice.ip_form or advice.ip_start_on or advice.ip_days or advice.ip_contact_person:
        period = {
            "form": advice.ip_form,
            "start_on": advice.ip_start_on.isoformat() if advice.ip_start_on else None,
            "days": advice.ip_days,
            "contact_person": advice.ip_contact_person,
        }
    return {
        "case_reference": case.reference,
        "physician": physician,
        "advice_kind": advice.kind,
        "sent_on": advice.sent_on.isoformat(),
        "recipients": list(advice.recipients),
        "content": list(advice.content),
        "resumption_condition": advice.resumption_condition,
        "reintegration_condition": advice.reintegration_condition,
        "recommends_termination": advice.recommends_termination,
        "recommends_resignation": advice.recommends_resignation,
        "not_able_to_converse": advice.not_able_to_converse,
        "not_able_medical_grounds": advice.not_able_medical_grounds,
        "review_date": advice.review_date.isoformat() if advice.review_date else None,
        "intervention_period": period,  # type: ignore[typeddict-item]
        "solution_direction": advice.solution_direction,
        "text": advice.text,
    }


def feedback_create(*, actor: Actor, case: Case, advice: SentAdvice) -> Document:
    """Store the written feedback of a just-sent advice; it needs no signature (it is sent, not agreed)."""
    with translation.override("nl"):
        title = str(AdviceKind(advice.kind).label)
    return documents.document_create(
        actor=actor,
        organisation_id=case.organisation_id,
        owner_kind=OWNER_KIND,
        owner_id=advice.pk,
        kind=DocumentKind.BA_FEEDBACK,
        title=title,
        content=feedback_content(advice, case, advice.author.full_name),
        signers=[],
    )


def feedback_document(advice: SentAdvice) -> Document | None:
    return documents.latest(OWNER_KIND, advice.pk, DocumentKind.BA_FEEDBACK)


def advices_with_feedback(advice_ids: list[int]) -> set[int]:
    """Which of these advices have a written-feedback document (those sent before it existed do not)."""
    found = Document.objects.filter(
        owner_kind=OWNER_KIND, owner_id__in=advice_ids, kind=DocumentKind.BA_FEEDBACK
    ).values_list("owner_id", flat=True)
    return set(found)


def feedback_download(
    *, actor: Actor, access: CaseAccess, advice_id: int, fmt: Literal["pdf", "html"], language: str
) -> HttpResponse:
    """The written feedback of one sent advice, for exactly those who may read that advice; else 404.

    A document whose hash no longer matches is not handed out (409, naming the document).
    """
    advice = selectors.advice_get_for(actor, access, advice_id)
    document = feedback_document(advice)
    if document is None:
        raise hidden(actor, "sickness.section.view", access.case)
    try:
        documents.document_verify(document)
    except documents.DocumentTampered as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    record_read(
        actor,
        category="D08",
        organisation_id=access.organisation_id,
        case_id=access.case.pk,
        subject_id=subject_of(advice),
        basis=read_basis(actor, access, "D08"),
        object_type="sickness.sentadvice",
        object_id=str(advice.pk),
    )
    return documents.download_response(document, fmt=fmt, language=language, actor=actor)
