"""JSON API of the sickness context, mounted under /api/v1 by werkvrede.api.

Output schemas list every field a reader could see; each response holds only the fields this actor
may see (`policies.visible_fields`, the rule the pages use too) — the others are left out, not null.
Errors: 403 and 404 like the pages; 422 with the path of the field that is wrong, and the guideline's
findings when it refuses.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Field, Router, Status
from pydantic import ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from werkvrede.cases.policies import CaseAccess
from werkvrede.core.access import api_requires
from werkvrede.core.actor import Actor
from werkvrede.core.api_findings import GuidelineFindingOut, findings_out
from werkvrede.core.refusals import Invalid
from werkvrede.core.types import (
    Choice,
    Code,
    Date,
    GuidelineCount,
    Id,
    Input,
    Line,
    LongText,
    Name,
    Out,
    Percentage,
    Text,
)
from werkvrede.core.versioning import Version
from werkvrede.documents.models import DocumentKind
from werkvrede.guideline.textscan import scan_field_name
from werkvrede.sickness import feedback, selectors, services, wvp
from werkvrede.sickness.models import (
    EMPLOYER_DATE_FIELDS,
    R130_FIELDS,
    AdviceContent,
    AdviceKind,
    Condition,
    InterventionForm,
)
from werkvrede.sickness.policies import presented_fields
from werkvrede.sickness.selectors import SECTION

router = Router(tags=["sickness"])


class _In(Input):
    model_config = ConfigDict(extra="forbid")


class SickReportIn(_In):
    """The employer part: the dates and exactly R-130's fields (no field for anything medical)."""

    version: Version
    first_sick_day: Date
    notified_to_ba_on: Date | None = None
    recovery_date: Date | None = None
    phone: Annotated[Name, Field(max_length=40)] = ""
    address: Line = ""
    expected_duration: Annotated[Name, Field(max_length=100)] = ""
    ongoing_appointments: Line = ""
    ongoing_work: Line = ""
    safety_net_applies: bool | None = None
    work_accident: bool | None = None
    traffic_accident_liable_third_party: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_health_fields(cls, data: Any) -> Any:
        """R-131 (ADR 0110): a field that names health data is refused as such, whatever it is called,
        so the sender learns that consent does not make it lawful — not only that the field is unknown."""
        if isinstance(data, dict):
            for key in data:
                named = () if key in cls.model_fields else scan_field_name(str(key))
                if named:
                    raise PydanticCustomError(
                        "R-131",
                        "R-131: '{key}' is health data ({terms}); the employer may not register it, "
                        "not even with the employee's consent",
                        {"key": str(key), "terms": ", ".join(named)},
                    )
        return data


class SickReportOut(Out):
    id: int
    version: int
    state: str | None = None
    first_sick_day: date | None = None
    notified_to_ba_on: date | None = None
    recovery_date: date | None = None
    phone: str | None = None
    address: str | None = None
    expected_duration: str | None = None
    ongoing_appointments: str | None = None
    ongoing_work: str | None = None
    safety_net_applies: bool | None = None
    work_accident: bool | None = None
    traffic_accident_liable_third_party: bool | None = None
    consult_on: date | None = None
    consult_by_role: str | None = None


class ConsultIn(_In):
    consult_on: Date
    note: LongText = ""


class VerdictIn(_In):
    value: Literal["AO", "NOT_AO"]
    degree_pct: Percentage | None = None
    expected_duration: Annotated[Name, Field(max_length=100)] = ""
    no_work_capacity: bool = False
    limitations: Text = ""
    possibilities: Text = ""
    recorded_on: Date


class VerdictOut(Out):
    id: int
    value: str | None = None
    degree_pct: int | None = None
    expected_duration: str | None = None
    no_work_capacity: bool | None = None
    limitations: str | None = None
    possibilities: str | None = None
    recorded_on: date | None = None


class FindingIn(_In):
    """Step 3: only whether there is a conflict. The variant is derived (R-014): there is no input for it."""

    conflict: bool
    prolongs_incapacity: bool = False
    recorded_on: Date


class ConflictFindingOut(Out):
    id: int
    conflict: bool | None = None
    prolongs_incapacity: bool | None = None
    variant: str | None = None
    recorded_on: date | None = None


class DiagnosisOut(Out):
    id: int
    conflict_type: str | None = None
    glasl_stage: int | None = None
    style_employee: str | None = None
    style_other: str | None = None
    occupational_disease_assessed: bool | None = None
    author_role: str | None = None
    recorded_at: datetime | None = None


class CapacityOut(Out):
    id: int
    resilience: str | None = None
    problem_solving: str | None = None
    able_to_converse: str | None = None
    medical_grounds: str | None = None
    review_date: date | None = None
    strengthening_advice: str | None = None
    recorded_at: datetime | None = None


class SicknessOut(Out):
    sick_report: SickReportOut | None = None
    verdict: VerdictOut | None = None
    conflict_finding: ConflictFindingOut | None = None
    diagnosis: DiagnosisOut | None = None
    capacity: CapacityOut | None = None
    guideline_findings: list[GuidelineFindingOut] | None = Field(
        None, description="BA and TD only: what the guideline says about the sick report now (e.g. R-011)"
    )


class AdviceIn(_In):
    kind: Choice[AdviceKind]
    content: list[Choice[AdviceContent]] = []
    resumption_condition: Choice[Condition] = Condition.NONE
    reintegration_condition: Choice[Condition] = Condition.NONE
    recommends_termination: bool = False
    recommends_resignation: bool = False
    not_able_to_converse: bool = False
    not_able_medical_grounds: bool = False
    review_date: Date | None = None
    solution_direction: Text = ""
    text: LongText = ""
    employer_recipients: list[Literal["LG", "HR", "CM"]]
    ip_form: Choice[InterventionForm] | Literal[""] = ""
    ip_start_on: Date | None = None
    ip_days: GuidelineCount | None = None
    ip_contact_person: Name = ""
    acknowledged: list[Code] = []
    justifications: dict[Code, Text] = Field({}, json_schema_extra={"additionalProperties": False})


class SicknessAdviceOut(Out):
    id: int
    kind: str | None = None
    content: list[str] | None = None
    resumption_condition: str | None = None
    reintegration_condition: str | None = None
    recommends_termination: bool | None = None
    recommends_resignation: bool | None = None
    not_able_to_converse: bool | None = None
    not_able_medical_grounds: bool | None = None
    review_date: date | None = None
    ip_form: str | None = None
    ip_start_on: date | None = None
    ip_days: int | None = None
    ip_contact_person: str | None = None
    solution_direction: str | None = None
    text: str | None = None
    recipients: list[str] | None = None
    acknowledged: list[str] | None = None
    justifications: dict[str, str] | None = None
    sent_on: date | None = None
    sent_at: datetime | None = None


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def visible_dict(actor: Actor, access: CaseAccess, obj: models.Model | None, schema: type[Out]) -> Any:
    """The schema's fields of `obj` the actor may see; None when they see nothing of it."""
    if obj is None:
        return None
    visible = presented_fields(actor, access, obj)
    if not visible:
        return None
    return {
        name: getattr(obj, name)
        for name in schema.model_fields
        if name in visible or name in ("id", "version")
    }


@router.get(
    "/cases/{case_id}/sick-report", response=SicknessOut, url_name="sickness-report", exclude_unset=True
)
@api_requires("sickness.section.view", on=SECTION)
def sick_report_get(request: HttpRequest, access: CaseAccess) -> dict[str, Any]:
    """The case's current sick report and the bedrijfsarts' steps, as far as you may see them."""
    actor = _actor(request)
    report = selectors.current_report(access.case)
    if report is None:
        return {"sick_report": None}
    capacity = selectors.latest_capacity(report)
    out: dict[str, Any] = {
        "sick_report": visible_dict(actor, access, report, SickReportOut),
        "verdict": visible_dict(actor, access, selectors.latest_verdict(report), VerdictOut),
        "conflict_finding": visible_dict(actor, access, selectors.latest_finding(report), ConflictFindingOut),
        "diagnosis": visible_dict(actor, access, selectors.latest_diagnosis(report), DiagnosisOut),
        "capacity": visible_dict(actor, access, capacity, CapacityOut),
    }
    grounds = selectors.capacity_grounds_for(actor, access, capacity)
    if grounds is not None and out["capacity"] is not None:
        out["capacity"]["medical_grounds"] = grounds
    if selectors.reads_sick_report_findings(actor, access):
        found = selectors.sick_report_findings(access, today=timezone.localdate())
        out["guideline_findings"] = findings_out(tuple(found))
    return out


@router.post(
    "/cases/{case_id}/sick-report",
    response={201: SickReportOut},
    url_name="sickness-report",
    exclude_unset=True,
)
@api_requires("sickness.report.write", on=SECTION)
def sick_report_save(request: HttpRequest, access: CaseAccess, payload: SickReportIn) -> Status[Any]:
    """Record the employer part of the sick report, or update the open one (LG, HR, CM). `version` is the
    report's version you edit (0 when there is none); a stale one is refused (409 `stale_version`)."""
    actor = _actor(request)
    data = services.ReportInput(**{k: getattr(payload, k) for k in (*EMPLOYER_DATE_FIELDS, *R130_FIELDS)})
    report = services.report_save(
        actor=actor,
        case_id=access.case.pk,
        data=data,
        today=timezone.localdate(),
        expected_version=payload.version,
    )
    return Status(201, visible_dict(actor, access, report, SickReportOut))


@router.post(
    "/cases/{case_id}/sick-report/consult",
    response={200: SickReportOut},
    url_name="sickness-consult",
    exclude_unset=True,
)
@api_requires("sickness.consult.record", on=SECTION)
def consult_record(request: HttpRequest, access: CaseAccess, payload: ConsultIn) -> Status[Any]:
    """Step 1: the consult was held (BA, or TD where allowed); an optional medical note is sealed."""
    actor = _actor(request)
    report = services.consult_record(
        actor=actor, case_id=access.case.pk, consult_on=payload.consult_on, note=payload.note,
        today=timezone.localdate(),
    )  # fmt: skip
    return Status(200, visible_dict(actor, access, report, SickReportOut))


@router.post(
    "/cases/{case_id}/sick-report/verdict",
    response={201: VerdictOut},
    url_name="sickness-verdict",
    exclude_unset=True,
)
@api_requires("sickness.verdict.record", on=SECTION)
def verdict_record(request: HttpRequest, access: CaseAccess, payload: VerdictIn) -> Status[Any]:
    """Step 2: the AO verdict with limitations and possibilities. Only the bedrijfsarts (R-017)."""
    actor = _actor(request)
    if payload.value not in ("AO", "NOT_AO"):
        raise Invalid.of("value", "must be AO or NOT_AO (R-013)")
    verdict = services.verdict_record(
        actor=actor,
        case_id=access.case.pk,
        data=services.VerdictInput(**payload.model_dump()),
        today=timezone.localdate(),
    )
    return Status(201, visible_dict(actor, access, verdict, VerdictOut))


@router.post(
    "/cases/{case_id}/sick-report/conflict-finding",
    response={201: ConflictFindingOut},
    url_name="sickness-finding",
    exclude_unset=True,
)
@api_requires("sickness.finding.record", on=SECTION)
def finding_record(request: HttpRequest, access: CaseAccess, payload: FindingIn) -> Status[Any]:
    """Step 3 after the verdict (R-012); the answer carries the variant the guideline derived."""
    actor = _actor(request)
    finding = services.finding_record(
        actor=actor, case_id=access.case.pk, conflict=payload.conflict, recorded_on=payload.recorded_on,
        prolongs_incapacity=payload.prolongs_incapacity, today=timezone.localdate(),
    )  # fmt: skip
    return Status(201, visible_dict(actor, access, finding, ConflictFindingOut))


@router.get(
    "/cases/{case_id}/advices",
    response=list[SicknessAdviceOut],
    url_name="sickness-advices",
    exclude_unset=True,
)
@api_requires("sickness.section.view", on=SECTION)
def advices_list(request: HttpRequest, access: CaseAccess) -> list[Any]:
    """The bedrijfsarts' sent advices: employer roles and the employee receive the same (R-021)."""
    actor = _actor(request)
    found = (visible_dict(actor, access, a, SicknessAdviceOut) for a in selectors.advices_of(access.case))
    return [a for a in found if a is not None]


@router.get(
    "/cases/{case_id}/advices/{advice_id}/feedback",
    url_name="sickness-advice-feedback",
    response={200: None},
    openapi_extra={
        "responses": {
            "200": {
                "description": "The written feedback (D08) as an attachment",
                "content": {
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                    "text/html": {"schema": {"type": "string"}},
                },
            }
        }
    },
)
@api_requires("sickness.section.view", on=SECTION)
def advice_feedback(
    request: HttpRequest, access: CaseAccess, advice_id: Id, format: Literal["pdf", "html"] = "pdf"
) -> HttpResponse:
    """The bedrijfsarts' written feedback of one advice (D08, R-021): the same document for everyone
    who may read the advice; in the request's language (Accept-Language: nl or en)."""
    actor = _actor(request)
    return feedback.feedback_download(
        actor=actor,
        access=access,
        advice_id=advice_id,
        fmt=format,
        language=get_language(),
    )


@router.post(
    "/cases/{case_id}/advices",
    response={201: SicknessAdviceOut},
    url_name="sickness-advices",
    exclude_unset=True,
)
@api_requires("sickness.advice.send", on=SECTION)
def advice_send(request: HttpRequest, access: CaseAccess, payload: AdviceIn) -> Status[Any]:
    """Send an advice to employer and employee at once, after the guideline's check (R-030…R-039).

    BLOCK refuses; WARN needs its code in `acknowledged`, WARN+J a text in `justifications[code]`.
    """
    actor = _actor(request)
    values = payload.model_dump()
    values["content"] = tuple(values["content"])
    values["employer_recipients"] = tuple(r for r in values["employer_recipients"] if r in ("LG", "HR", "CM"))
    values["acknowledged"] = tuple(values["acknowledged"])
    advice = services.advice_send(
        actor=actor, case_id=access.case.pk, data=services.AdviceInput(**values), today=timezone.localdate()
    )
    return Status(201, visible_dict(actor, access, advice, SicknessAdviceOut))


# --- The Poortwachter documents (D10; R-150…R-158 in docs/rules.md) ------------------------------


class WvpFieldsIn(_In):
    """The fields the writer fills in; each kind takes only its own (documents.content, ADR 0103)."""

    reason: Text | None = None
    personal_contact: bool | None = None
    functional_limitations: Text | None = None
    possibilities: Text | None = None
    expected_duration: Annotated[Name, Field(max_length=100)] | None = None
    reintegration_advice: Text | None = None
    conflict_advice: Text | None = None
    medical_part: LongText | None = Field(
        None, description="Probleemanalyse only: sealed as a medical note (D01), never in the document"
    )
    prognosis: Text | None = None
    casemanager: Name | None = None
    goal: Text | None = None
    activities: Text | None = None
    agreements: Text | None = None
    expected_return_on: Date | None = None
    work_accident: bool | None = None
    safety_net: bool | None = None
    look_back: Text | None = None
    look_forward: Text | None = None
    track_two: Text | None = None
    summary: Text | None = None
    results: Text | None = None
    employee_cosigns: bool | None = None


class WvpDocumentIn(WvpFieldsIn):
    kind: Choice[DocumentKind]


class WvpSignIn(_In):
    typed_name: Name


class WvpSignerOut(Out):
    user_id: int
    signed_at: datetime | None = None


class WvpDocumentOut(Out):
    id: int
    kind: str
    title: str
    version: int
    status: Literal["DRAFT", "AWAITING_SIGNATURE", "SIGNED"]
    content: dict[str, Any]
    content_hash: str
    signers: list[WvpSignerOut]
    locked_at: datetime | None = None
    signed_on: date | None = None
    timer: str | None = None
    due: date | None = None
    deadline_status: str | None = None


def _wvp_out(document: Any, access: CaseAccess) -> dict[str, Any]:
    signatures = {s.user_id: s.signed_at for s in document.signatures.all()}
    spec = wvp.SPECS[document.kind]
    deadline = wvp.due_dates(access.case).get(spec.timer) if spec.timer else None
    return {
        "id": document.pk,
        "kind": document.kind,
        "title": document.title,
        "version": document.version,
        "status": wvp.status_of(document, set(signatures)),
        "content": document.content,
        "content_hash": document.content_hash,
        "signers": [{"user_id": u, "signed_at": signatures.get(u)} for u in document.signers],
        "locked_at": document.locked_at,
        "signed_on": wvp.signed_on(document),
        "timer": spec.timer,
        "due": (deadline.practical_due or deadline.due) if deadline else None,
        "deadline_status": deadline.status if deadline else None,
    }


def _set_fields(payload: WvpFieldsIn) -> dict[str, Any]:
    return {k: v for k, v in payload.model_dump(exclude_unset=True).items() if k != "kind"}


@router.get(
    "/cases/{case_id}/wvp-documents", response=list[WvpDocumentOut], url_name="sickness-wvp-documents"
)
@api_requires("sickness.section.view", on=SECTION)
def wvp_documents_list(request: HttpRequest, access: CaseAccess) -> list[dict[str, Any]]:
    """The case's Poortwachter documents you may read: every signed one (W6) and the open drafts you
    write or sign; each with the due date of its deadline (T-xx)."""
    return [_wvp_out(d, access) for d in wvp.documents_for(_actor(request), access)]


@router.post(
    "/cases/{case_id}/wvp-documents", response={201: WvpDocumentOut}, url_name="sickness-wvp-documents"
)
@api_requires("sickness.section.view", on=SECTION)
def wvp_document_create(request: HttpRequest, access: CaseAccess, payload: WvpDocumentIn) -> Status[Any]:
    """Draft a Poortwachter document, pre-filled from the case (BA: probleemanalyse, bijstelling, actueel
    oordeel; LG/HR/CM: the others). A field of another kind is refused (422)."""
    document = wvp.draft_save(
        actor=_actor(request),
        case_id=access.case.pk,
        kind=payload.kind,
        values=_set_fields(payload),
        today=timezone.localdate(),
    )
    return Status(201, _wvp_out(document, access))


@router.get(
    "/cases/{case_id}/wvp-documents/{document_id}", response=WvpDocumentOut, url_name="sickness-wvp-document"
)
@api_requires("sickness.section.view", on=SECTION)
def wvp_document_get(request: HttpRequest, access: CaseAccess, document_id: Id) -> dict[str, Any]:
    """One Poortwachter document (404 for a draft that is not yours to write or sign)."""
    return _wvp_out(wvp.document_get_for(_actor(request), access, document_id), access)


@router.put(
    "/cases/{case_id}/wvp-documents/{document_id}",
    response={200: WvpDocumentOut},
    url_name="sickness-wvp-document",
)
@api_requires("sickness.section.view", on=SECTION)
def wvp_document_update(
    request: HttpRequest, access: CaseAccess, document_id: Id, payload: WvpFieldsIn
) -> Status[Any]:
    """Change a draft that is not yet frozen: a new version; signatures given before count no more."""
    document = wvp.draft_save(
        actor=_actor(request),
        case_id=access.case.pk,
        kind="",
        document_id=document_id,
        values=_set_fields(payload),
        today=timezone.localdate(),
    )
    return Status(200, _wvp_out(document, access))


@router.post(
    "/cases/{case_id}/wvp-documents/{document_id}/sign",
    response={200: WvpDocumentOut},
    url_name="sickness-wvp-document-sign",
)
@api_requires("sickness.section.view", on=SECTION)
def wvp_document_sign(
    request: HttpRequest, access: CaseAccess, document_id: Id, payload: WvpSignIn
) -> Status[Any]:
    """Sign by typing your name exactly; the last signature freezes the document and completes its
    deadline (403 when you are not a signer)."""
    document = wvp.sign(
        actor=_actor(request), case_id=access.case.pk, document_id=document_id, typed_name=payload.typed_name
    )
    return Status(200, _wvp_out(document, access))


@router.get(
    "/cases/{case_id}/wvp-documents/{document_id}/file",
    url_name="sickness-wvp-document-file",
    response={200: None},
    openapi_extra={
        "responses": {
            "200": {
                "description": "The document (the RIV as one bundle PDF of its signed documents)",
                "content": {
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                    "text/html": {"schema": {"type": "string"}},
                },
            }
        }
    },
)
@api_requires("sickness.section.view", on=SECTION)
def wvp_document_file(
    request: HttpRequest, access: CaseAccess, document_id: Id, format: Literal["pdf", "html"] = "pdf"
) -> HttpResponse:
    """The document as PDF or HTML, in the request's language (Accept-Language: nl or en)."""
    return wvp.download(
        actor=_actor(request), access=access, document_id=document_id, fmt=format, language=get_language()
    )
