"""The Poortwachter documents (D10, R-150…R-158 in docs/rules.md): drafted from the case, signed,
frozen, fed to the guideline.

Each document is a `documents.Document` owned by the sick report (`sickness.sickreport`). A draft is
edited by storing a new version (the documents app never changes a stored row); the people R-150…R-158 name
sign it by typing their name and the last signature freezes it. The date it was frozen is the date the
guideline counts (`wvp_facts` → T-03, T-04, T-06, T-07, T-09, T-10). See ADR 0103.

Nothing medical enters a document the employer reads: the probleemanalyse's medical part is sealed
as a medical note (D01), and every free-text field is scanned for medical terms first (R-131, R-133).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Organisation
from werkvrede.audit import services as audit
from werkvrede.cases.deadlines import case_deadlines_refresh_on_commit
from werkvrede.cases.guideline_bridge import stored_case_advice
from werkvrede.cases.models import Case, CaseDeadline, CaseParticipant
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.services import timeline_record
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import Invalid, MedicalTermsFound, NotPossible, StaleVersion
from werkvrede.documents import services as documents
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.guideline.rules.privacy import scan_medical_terms
from werkvrede.sickness import selectors
from werkvrede.sickness.models import MedicalNote, SickReport
from werkvrede.sickness.policies import EMPLOYER_COLUMNS, Level, category_level, columns
from werkvrede.sickness.wvp_facts import OWNER_KIND, signed_on, wvp_facts
from werkvrede.vault.services import seal

K = DocumentKind


@dataclass(frozen=True)
class KindSpec:
    kind: str
    writers: frozenset[str]  # permission-matrix columns that write it (D10 fn 16, fn 17 in docs/rules.md)
    timer: str | None  # the T-xx deadline it completes
    fields: tuple[str, ...]  # what the writer fills in; the rest is pre-filled from the case
    employee_signs: bool = False  # employer and employee both sign
    repeatable: bool = False  # bijstellingen and the RIV: a new one after a signed one

    @property
    def write_action(self) -> str:
        return "sickness.wvp.write_physician" if "BA" in self.writers else "sickness.wvp.write_employer"


BA_ONLY = frozenset({"BA"})
PA_FIELDS = (
    "personal_contact",
    "functional_limitations",
    "possibilities",
    "expected_duration",
    "reintegration_advice",
    "conflict_advice",
)
PLAN_FIELDS = ("casemanager", "goal", "activities", "agreements")
SPECS: dict[str, KindSpec] = {
    s.kind: s
    for s in (
        KindSpec(K.PROBLEM_ANALYSIS, BA_ONLY, "T-03", PA_FIELDS),
        KindSpec(K.ACTION_PLAN, EMPLOYER_COLUMNS, "T-04", PLAN_FIELDS, employee_signs=True),
        KindSpec(K.PROBLEM_ANALYSIS_UPDATE, BA_ONLY, None, ("reason", *PA_FIELDS), repeatable=True),
        KindSpec(
            K.ACTION_PLAN_UPDATE,
            EMPLOYER_COLUMNS,
            None,
            ("reason", *PLAN_FIELDS),
            employee_signs=True,
            repeatable=True,
        ),
        KindSpec(
            K.UWV_SICKNESS_NOTICE,
            EMPLOYER_COLUMNS,
            "T-06",
            ("expected_duration", "expected_return_on", "work_accident", "safety_net"),
        ),
        KindSpec(
            K.FIRST_YEAR_EVALUATION,
            EMPLOYER_COLUMNS,
            "T-07",
            ("look_back", "look_forward", "track_two"),
            employee_signs=True,
        ),
        KindSpec(
            K.CURRENT_ASSESSMENT, BA_ONLY, "T-10", ("functional_limitations", "possibilities", "prognosis")
        ),
        KindSpec(K.FINAL_EVALUATION, EMPLOYER_COLUMNS, "T-10", ("summary", "results", "employee_cosigns")),
        KindSpec(K.REINTEGRATION_REPORT, EMPLOYER_COLUMNS, "T-09", (), repeatable=True),
    )
}
ORDER = tuple(SPECS)
BOOLEAN_FIELDS = frozenset({"personal_contact", "work_accident", "safety_net", "employee_cosigns"})
NULLABLE_BOOLEANS = frozenset({"work_accident", "safety_net"})
DATE_FIELDS = frozenset({"expected_return_on"})
# The probleemanalyse's medical part: sealed in the BA-only store (D01), never in the document.
MEDICAL_PART = "medical_part"


class Status:
    DRAFT = "DRAFT"
    AWAITING_SIGNATURE = "AWAITING_SIGNATURE"
    SIGNED = "SIGNED"


def status_of(document: Document, signed: set[int] | None = None) -> str:
    if document.locked_at is not None:
        return Status.SIGNED
    found = signed if signed is not None else set(document.signatures.values_list("user_id", flat=True))
    return Status.AWAITING_SIGNATURE if found else Status.DRAFT


# --- Reads -----------------------------------------------------------------------------------------


def _report_ids(case: Case) -> list[int]:
    return list(SickReport.objects.filter(case=case).values_list("pk", flat=True))


def may_read(actor: Actor, access: CaseAccess, document: Document) -> bool:
    """W6: every D10 reader of the case sees a signed document; a draft only its writers and signers."""
    if category_level(actor, access, "D10") < Level.READ:
        return False
    if document.locked_at is not None:
        return True
    spec = SPECS.get(document.kind)
    writes = spec is not None and bool(columns(actor, access) & spec.writers)
    return writes or (actor.user_id is not None and actor.user_id in document.signers)


def document_get_for(actor: Actor, access: CaseAccess, document_id: int) -> Document:
    """One Poortwachter document of the case that the actor may read; else a 404."""
    document = Document.objects.filter(
        pk=document_id,
        organisation_id=access.organisation_id,
        owner_kind=OWNER_KIND,
        owner_id__in=_report_ids(access.case),
        kind__in=ORDER,
    ).first()
    if document is None or not may_read(actor, access, document):
        raise hidden(actor, "sickness.section.view", access.case)
    return document


def documents_for(actor: Actor, access: CaseAccess) -> list[Document]:
    """The case's Poortwachter documents the actor may read: every signed one, and the open drafts."""
    found = Document.objects.filter(
        organisation_id=access.organisation_id, owner_kind=OWNER_KIND, owner_id__in=_report_ids(access.case)
    ).order_by("created_at", "pk")
    shown = [d for d in found if d.locked_at is not None or d.superseded_by_id is None]
    return [d for d in shown if may_read(actor, access, d)]


def due_dates(case: Case) -> dict[str, CaseDeadline]:
    """The case's stored deadlines by T-code (the first of each code)."""
    rows: dict[str, CaseDeadline] = {}
    for row in CaseDeadline.objects.filter(case=case).order_by("due", "pk"):
        rows.setdefault(row.code, row)
    return rows


@dataclass(frozen=True)
class Item:
    """One line of the Poortwachter overview: a kind, its deadline, and its documents."""

    kind: str
    label: str
    timer: str | None
    deadline: CaseDeadline | None
    documents: list[tuple[Document, str]]
    can_write: bool


def overview(actor: Actor, access: CaseAccess) -> list[Item]:
    visible = documents_for(actor, access)
    deadlines = due_dates(access.case)
    signatures = _signed_by(visible)
    items = []
    for kind in ORDER:
        spec = SPECS[kind]
        docs = [(d, status_of(d, signatures.get(d.pk, set()))) for d in visible if d.kind == kind]
        items.append(
            Item(
                kind=kind,
                label=str(DocumentKind(kind).label),
                timer=spec.timer,
                deadline=deadlines.get(spec.timer) if spec.timer else None,
                documents=docs,
                can_write=bool(columns(actor, access) & spec.writers),
            )
        )
    return items


def _signed_by(found: list[Document]) -> dict[int, set[int]]:
    from werkvrede.documents.models import Signature

    result: dict[int, set[int]] = {}
    for doc_id, user_id in Signature.objects.filter(document__in=found).values_list("document_id", "user_id"):
        result.setdefault(doc_id, set()).add(user_id)
    return result


# --- Writes ----------------------------------------------------------------------------------------


def _person(user: Any) -> dict[str, Any]:
    return {"user_id": user.pk, "name": user.full_name}


def _header(case: Case, report: SickReport, today: date) -> dict[str, Any]:
    advice = stored_case_advice(case, today=today)
    first_day = advice.aggregated_first_sick_day or report.first_sick_day
    employee = report.employee
    return {
        "case_reference": case.reference,
        "employee": _person(employee) if employee is not None else {"user_id": None, "name": ""},
        "employer": Organisation.objects.get(pk=case.organisation_id).name,
        "first_sick_day": first_day.isoformat(),
        "drafted_on": today.isoformat(),
    }


def _casemanager(case: Case) -> dict[str, Any]:
    found = CaseParticipant.objects.filter(case=case, role="CM").select_related("user").first()
    return _person(found.user) if found is not None else {"user_id": None, "name": ""}


def _prefilled(spec: KindSpec, actor: Actor, case: Case, report: SickReport, today: date) -> dict[str, Any]:
    """A new document of this kind, filled in from the case as far as the case knows it."""
    from django.contrib.auth import get_user_model

    content: dict[str, Any] = _header(case, report, today)
    verdict = selectors.latest_verdict(report)
    defaults: dict[str, Any] = {
        "reason": "",
        "personal_contact": True,
        "functional_limitations": verdict.limitations if verdict else "",
        "possibilities": verdict.possibilities if verdict else "",
        "expected_duration": (verdict.expected_duration if verdict else "") or report.expected_duration,
        "reintegration_advice": "",
        "conflict_advice": "",
        "prognosis": "",
        "casemanager": _casemanager(case),
        "goal": "",
        "activities": "",
        "agreements": "",
        "expected_return_on": None,
        "work_accident": report.work_accident,
        "safety_net": report.safety_net_applies,
        "look_back": "",
        "look_forward": "",
        "track_two": "",
        "summary": "",
        "results": "",
        "employee_cosigns": False,
    }
    content.update({name: defaults[name] for name in spec.fields})
    if spec.kind in (K.PROBLEM_ANALYSIS, K.PROBLEM_ANALYSIS_UPDATE, K.CURRENT_ASSESSMENT):
        content["physician"] = _person(get_user_model().objects.get(pk=actor.uid))
    if spec.kind == K.REINTEGRATION_REPORT:
        content["documents"] = _bundled(report)
    return content


def _bundled(report: SickReport) -> list[dict[str, Any]]:
    signed = Document.objects.filter(
        owner_kind=OWNER_KIND, owner_id=report.pk, locked_at__isnull=False, kind__in=ORDER
    ).exclude(kind=K.REINTEGRATION_REPORT)
    return [
        {
            "document_id": d.pk,
            "kind": d.kind,
            "version": d.version,
            "title": d.title,
            "content_hash": d.content_hash,
            "signed_on": (signed_on(d) or date.min).isoformat(),
        }
        for d in sorted(signed, key=lambda d: (ORDER.index(d.kind), d.locked_at, d.pk))
    ]


def _cleaned(spec: KindSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The writer's fields, typed; a field of another kind is refused by name."""
    allowed_names = set(spec.fields) | ({MEDICAL_PART} if spec.kind == K.PROBLEM_ANALYSIS else set())
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name not in allowed_names:
            raise Invalid.of(name, _("Dit veld hoort niet bij dit document."))
        if name in BOOLEAN_FIELDS:
            if value is None and name in NULLABLE_BOOLEANS:
                cleaned[name] = None
            elif isinstance(value, bool):
                cleaned[name] = value
            else:
                raise Invalid.of(name, _("Kies ja of nee."))
        elif name in DATE_FIELDS:
            if value in (None, ""):
                cleaned[name] = None
            else:
                try:
                    cleaned[name] = date.fromisoformat(str(value)).isoformat()
                except ValueError as exc:
                    raise Invalid.of(name, _("Geef een datum.")) from exc
        elif name == "casemanager":
            cleaned[name] = {"user_id": None, "name": str(value or "").strip()}
        else:
            cleaned[name] = str(value or "").strip()
    return cleaned


def _medical_terms(content: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """R-131/R-133: free text the employer reads holds no medical details (the BA's too)."""
    found = {n: scan_medical_terms(content[n]) for n in names if isinstance(content.get(n), str)}
    return {n: t for n, t in found.items() if t}


def _signers(spec: KindSpec, actor: Actor, report: SickReport, content: Mapping[str, Any]) -> list[int]:
    signers = [actor.uid] if spec.kind != K.REINTEGRATION_REPORT else []
    cosigns = spec.kind == K.FINAL_EVALUATION and bool(content.get("employee_cosigns"))
    wants_employee = spec.employee_signs or cosigns
    if wants_employee:
        if report.employee_id is None:
            raise NotPossible(
                _("De werknemer heeft geen account in deze zaak en kan dus niet ondertekenen (R-151, R-155).")
            )
        signers.append(report.employee_id)
    return signers


def _report_of(access: CaseAccess) -> SickReport:
    report = selectors.current_report(access.case)
    if report is None:
        raise NotPossible(_("Er is nog geen ziekmelding in deze zaak."))
    return SickReport.objects.select_for_update(no_key=True).get(pk=report.pk)


def _title(kind: str) -> str:
    with translation.override("nl"):
        return str(DocumentKind(kind).label)


@transaction.atomic
def draft_save(
    *,
    actor: Actor,
    case_id: int,
    kind: str,
    values: Mapping[str, Any],
    today: date,
    document_id: int | None = None,
) -> Document:
    """Create the draft of a Poortwachter document, pre-filled from the case, or change the open draft
    (a new version: signatures already given no longer count, they were for the old text)."""
    access = selectors.section_access(actor, case_id)
    if document_id is not None:
        kind = document_get_for(actor, access, document_id).kind
    spec = SPECS.get(kind)
    if spec is None:
        raise Invalid.of("kind", _("Dit is geen Poortwachterdocument."))
    authorize(actor, spec.write_action, access)
    report = _report_of(access)
    current = documents.latest(OWNER_KIND, report.pk, kind)
    # Each change is a new row, so the document id names the version edited; the report's row lock
    # (`_report_of`) serialises the saves, and a save from a superseded draft is refused (ADR 0146).
    if (
        document_id is not None
        and current is not None
        and current.pk != document_id
        and not current.locked_at
    ):
        raise StaleVersion(
            version=current.version,
            current={"document_id": current.pk, **{f: current.content.get(f) for f in spec.fields}},
        )
    if document_id is not None and (current is None or current.pk != document_id or current.locked_at):
        raise NotPossible(_("Alleen de nieuwste versie van een concept kan worden gewijzigd."))
    if current is not None and current.locked_at is not None and not spec.repeatable:
        raise NotPossible(
            _(
                "Dit document is al ondertekend en verandert niet meer; "
                "leg een wijziging vast in een bijstelling."
            )
        )
    cleaned = _cleaned(spec, values)
    medical = str(cleaned.pop(MEDICAL_PART, "") or "")
    editing = current is not None and current.locked_at is None
    content = (
        dict(current.content)
        if editing and current is not None
        else _prefilled(spec, actor, access.case, report, today)
    )
    content.update(cleaned)
    content["drafted_on"] = today.isoformat()
    if terms := _medical_terms(content, spec.fields):
        # What the BA writes for the employer: R-133 (functional terms only); the employer's own: R-131.
        raise MedicalTermsFound(terms, rule="R-133" if spec.writers == BA_ONLY else "R-131")
    if kind == K.REINTEGRATION_REPORT and not content["documents"]:
        raise NotPossible(_("Er is nog geen ondertekend Poortwachterdocument om te bundelen."))
    document = documents.document_create(
        actor=actor,
        organisation_id=access.organisation_id,
        owner_kind=OWNER_KIND,
        owner_id=report.pk,
        kind=kind,
        title=_title(kind),
        content=content,
        signers=_signers(spec, actor, report, content),
    )
    if medical.strip():
        sealed = seal(
            actor=actor, organisation_id=report.organisation_id, compartment="D01", plaintext=medical
        )
        note = MedicalNote.objects.create(
            sick_report=report, sealed=sealed, author_id=actor.uid, author_role="BA"
        )
        audit.record_for(actor, "sickness.medical_note.created", note, case=access.case)
    case_deadlines_refresh_on_commit(access.case.pk)
    return document


@transaction.atomic
def sign(*, actor: Actor, case_id: int, document_id: int, typed_name: str) -> Document:
    """A signer signs; the last signature freezes the document and completes its deadline."""
    access = selectors.section_access(actor, case_id)
    document = document_get_for(actor, access, document_id)
    authorize(actor, "sickness.wvp.sign", document)
    documents.document_sign(actor=actor, document=document, typed_name=typed_name)
    signed = Document.objects.get(pk=document.pk)
    if signed.locked_at is not None:
        role = next((c for c in ("BA", "CM", "HR", "LG", "WN") if c in columns(actor, access)), "")
        timeline_record(actor, access.case, "sickness.wvp_signed", role, document_kind=signed.kind)
    case_deadlines_refresh_on_commit(access.case.pk)
    return signed


# --- Download ---------------------------------------------------------------------------------------


def _bundle_pdf(riv: Document, language: str) -> bytes:
    """The RIV as ONE PDF (W6): its cover, then every signed document it names, in that order."""
    from weasyprint import HTML

    order = {i["document_id"]: n for n, i in enumerate(riv.content["documents"])}
    bundled = Document.objects.filter(pk__in=list(order))
    parts = [riv, *sorted(bundled, key=lambda d: order[d.pk])]
    for part in parts[1:]:
        documents.document_verify(part)
    rendered = [HTML(string=documents.render_html(p, language=language)).render() for p in parts]
    pages = [page for r in rendered for page in r.pages]
    pdf: bytes = rendered[0].copy(pages).write_pdf()
    return pdf


def download(
    *, actor: Actor, access: CaseAccess, document_id: int, fmt: Literal["pdf", "html"], language: str
) -> HttpResponse:
    """A Poortwachter document for those who may read it (else 404); a tampered one is not handed out."""
    document = document_get_for(actor, access, document_id)
    try:
        documents.document_verify(document)
        response = documents.download_response(document, fmt=fmt, language=language, actor=actor)
        code = (language or "nl").split("-")[0].lower()
        code = code if code in ("nl", "en") else "nl"
        # The signed bundle was frozen at lock (docs/adr/0149-signed-documents-are-frozen.md); a
        # translation bundles fresh renderings, each labelled unsigned.
        if (
            fmt == "pdf"
            and document.kind == K.REINTEGRATION_REPORT
            and response.status_code == 200
            and not documents.is_signed_rendering(document, code)
        ):
            response.content = _bundle_pdf(document, code)
    except documents.DocumentTampered as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    return response


__all__ = ["OWNER_KIND", "download", "draft_save", "overview", "sign", "signed_on", "wvp_facts"]
