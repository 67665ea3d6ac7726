"""The case's Ziekmelding pages. Thin: forms validate, selectors read, services write and judge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.cases.policies import CaseAccess
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.gate import BLOCKING
from werkvrede.core.memo import reading
from werkvrede.core.policy import allowed, authorize, hidden
from werkvrede.core.refusals import (
    Blocked,
    Invalid,
    MedicalTermsFound,
    NeedsAttention,
    Refusal,
    add_to_form,
    refusal_context,
)
from werkvrede.documents import services as documents_services
from werkvrede.guideline import Finding, Severity
from werkvrede.guideline.textscan import highlight
from werkvrede.sickness import feedback, selectors, services
from werkvrede.sickness import forms as sickness_forms
from werkvrede.sickness import wvp as wvp_services
from werkvrede.sickness.models import EMPLOYER_DATE_FIELDS, R130_FIELDS, SentAdvice
from werkvrede.sickness.policies import Level, category_level, category_readers, readers
from werkvrede.sickness.presentation import rows
from werkvrede.sickness.selectors import SECTION

REPORT_ORDER = ("state", *EMPLOYER_DATE_FIELDS, *R130_FIELDS, "consult_on", "consult_by_role")
VERDICT_ORDER = (
    "value",
    "degree_pct",
    "expected_duration",
    "no_work_capacity",
    "limitations",
    "possibilities",
    "recorded_on",
)
FINDING_ORDER = ("conflict", "prolongs_incapacity", "variant", "recorded_on")
DIAGNOSIS_ORDER = (
    "conflict_type",
    "glasl_stage",
    "style_employee",
    "style_other",
    "occupational_disease_assessed",
    "author_role",
)
CAPACITY_ORDER = (
    "resilience",
    "problem_solving",
    "able_to_converse",
    "review_date",
    "strengthening_advice",
)
ADVICE_ORDER = (
    "kind",
    "sent_on",
    "recipients",
    "content",
    "resumption_condition",
    "reintegration_condition",
    "recommends_termination",
    "recommends_resignation",
    "not_able_to_converse",
    "not_able_medical_grounds",
    "review_date",
    "ip_form",
    "ip_start_on",
    "ip_days",
    "ip_contact_person",
    "solution_direction",
    "text",
    "acknowledged",
    "justifications",
)


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


# The form fields a finding's subject names (its last part), to mark its words there: the advice's
# free text is its solution direction and its explanation (facts.advice_facts).
_FIELDS_OF_SUBJECT = {
    "limitations": ("limitations",),
    "possibilities": ("possibilities",),
    "free_text": ("solution_direction", "text"),
}


@dataclass(frozen=True)
class Marked:
    """A field's text cut into pieces, the ones a finding refuses marked (R-030, R-033, R-133)."""

    field: str
    pieces: list[tuple[str, bool]]


def _mark(form: forms.Form, findings: tuple[Finding, ...]) -> list[Marked]:
    """Put each refusing finding with words (`matches`) on the fields that hold them, and mark the words.

    The form keeps what was typed; the error says which rule and the marked copy shows where."""
    marked: dict[str, list[tuple[str, bool]]] = {}
    for f in findings:
        if not f.matches or f.severity not in (Severity.BLOCK, Severity.BLOCK_STAR, Severity.WARN_J):
            continue
        last = (f.subject or "").rsplit(".", 1)[-1]
        for name in _FIELDS_OF_SUBJECT.get(last, ()):
            if name not in form.fields:
                continue
            text = str(form.data.get(name, ""))
            pieces = highlight(text, f.matches)
            if not any(hit for _text, hit in pieces):
                continue
            message = f.message.en if get_language() == "en" else f.message.nl
            form.add_error(name, f"{f.code}: {message}")
            # A field two findings mark shows the words of both.
            earlier = {t for t, hit in marked.get(name, []) if hit}
            marked[name] = highlight(text, (*earlier, *f.matches))
    return [Marked(name, pieces) for name, pieces in marked.items()]


def advice_rows(actor: Actor, access: CaseAccess, advice: SentAdvice) -> list[Any]:
    return rows(actor, access, advice, ADVICE_ORDER)


@dataclass(frozen=True)
class AdviceItem:
    id: int
    rows: list[Any]
    has_feedback: bool


def _advices(actor: Actor, access: CaseAccess) -> list[AdviceItem]:
    """The sent advices the actor may read, each with whether its written feedback can be downloaded."""
    sent = selectors.advices_of(access.case)
    with_feedback = feedback.advices_with_feedback([a.pk for a in sent])
    items = [AdviceItem(a.pk, advice_rows(actor, access, a), a.pk in with_feedback) for a in sent]
    return [item for item in items if item.rows]


@requires("sickness.section.view", on=SECTION)
@reading()  # the page only reads: what it shows and what the guideline's facts read of it, once
def section(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    actor = _actor(request)
    report = selectors.current_report(access.case)
    context: dict[str, Any] = {
        "case": access.case,
        "report": report,
        "report_rows": rows(actor, access, report, REPORT_ORDER),
        "can_write_report": allowed(actor, "sickness.report.write", access),
        "can_consult": allowed(actor, "sickness.consult.record", access),
        "can_note": allowed(actor, "sickness.medical_note.write", access),
        "can_verdict": allowed(actor, "sickness.verdict.record", access),
        "can_finding": allowed(actor, "sickness.finding.record", access),
        "can_diagnosis": allowed(actor, "sickness.diagnosis.record", access),
        "can_capacity": allowed(actor, "sickness.capacity.record", access),
        "can_advise": allowed(actor, "sickness.advice.send", access),
        "advices": _advices(actor, access),
        "wvp_items": wvp_services.overview(actor, access),
        "notes": [],
        "reads_medical": False,
    }
    if report is not None:
        capacity = selectors.latest_capacity(report)
        context.update(
            verdict_rows=rows(actor, access, selectors.latest_verdict(report), VERDICT_ORDER),
            finding_rows=rows(actor, access, selectors.latest_finding(report), FINDING_ORDER),
            diagnosis_rows=rows(actor, access, selectors.latest_diagnosis(report), DIAGNOSIS_ORDER),
            capacity_rows=rows(actor, access, capacity, CAPACITY_ORDER),
            capacity_grounds=selectors.capacity_grounds_for(actor, access, capacity),
        )
        if category_level(actor, access, "D01", report) >= Level.READ:
            context["reads_medical"] = True
            context["notes"] = selectors.medical_notes_for(actor, access, report)
        if selectors.reads_sick_report_findings(actor, access):
            context["guideline_findings"] = selectors.sick_report_findings(access, today=timezone.localdate())
    return render(request, "sickness/section.html", context)


Handler = Callable[[Actor, int, dict[str, Any]], Any]


def _form_page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    form_class: type[forms.Form],
    title: str | Promise,
    submit: str | Promise,
    visible_to: list[str],
    handle: Handler,
    done: str | Promise,
    initial: dict[str, Any] | None = None,
    sealed: bool = False,
) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    form = form_class(request.POST or None, initial=initial)
    refused: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        try:
            handle(actor, case_id, form.cleaned_data)
        except MedicalTermsFound as exc:
            # Shown beside each field (and in the form's error summary), not a second time above it.
            for name, terms in exc.terms.items():
                form.add_error(
                    name,
                    _(
                        "R-131: geen gezondheidsgegevens, ook niet met toestemming. Haal deze woorden weg: "
                        "%(terms)s."
                    )
                    % {"terms": ", ".join(terms)},
                )
        except Refusal as exc:
            refused = refusal_context(exc, form)
            refused["marked"] = _mark(form, exc.findings)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, str(done))
            return redirect("sickness:section", case_id=case_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "sickness/form.html",
        {
            "case": access.case,
            "form": form,
            "title": title,
            "submit": submit,
            **refused,
            "visible_to": visible_to,
            "sealed": sealed,
        },
        status=status,
    )


def _report_initial(access: CaseAccess) -> dict[str, Any]:
    report = selectors.current_report(access.case)
    if report is None or report.recovery_date is not None:
        return {"version": report.version if report else 0}
    return {
        "version": report.version,
        **{name: getattr(report, name) for name in (*EMPLOYER_DATE_FIELDS, *R130_FIELDS)},
    }


@requires("sickness.report.write", on=SECTION)
def report(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.report_save(
            actor=actor,
            case_id=case_id,
            data=services.ReportInput(**{k: data[k] for k in (*EMPLOYER_DATE_FIELDS, *R130_FIELDS)}),
            today=timezone.localdate(),
            expected_version=data["version"],
        )

    return _form_page(
        request,
        access,
        form_class=sickness_forms.SickReportForm,
        title=gettext_lazy("Ziekmelding vastleggen"),
        submit=gettext_lazy("Ziekmelding opslaan"),
        visible_to=readers("sickness.sickreport", (*EMPLOYER_DATE_FIELDS, *R130_FIELDS)),
        handle=handle,
        done=gettext_lazy("De ziekmelding is opgeslagen."),
        initial=_report_initial(access),
    )


@requires("sickness.consult.record", on=SECTION)
def consult(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.consult_record(
            actor=actor, case_id=case_id, consult_on=data["consult_on"], note=data["note"],
            today=timezone.localdate(),
        )  # fmt: skip

    return _form_page(
        request,
        access,
        form_class=sickness_forms.ConsultForm,
        title=gettext_lazy("Spreekuur vastleggen (stap 1)"),
        submit=gettext_lazy("Spreekuur opslaan"),
        visible_to=readers("sickness.medicalnote"),
        handle=handle,
        done=gettext_lazy("Het spreekuur is vastgelegd."),
        sealed=True,
    )


@requires("sickness.medical_note.write", on=SECTION)
def note(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.medical_note_add(actor=actor, case_id=case_id, text=data["text"])

    return _form_page(
        request,
        access,
        form_class=sickness_forms.MedicalNoteForm,
        title=gettext_lazy("Medische aantekening"),
        submit=gettext_lazy("Aantekening opslaan"),
        visible_to=readers("sickness.medicalnote"),
        handle=handle,
        done=gettext_lazy("De aantekening is versleuteld opgeslagen."),
        sealed=True,
    )


@requires("sickness.verdict.record", on=SECTION)
def verdict(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.verdict_record(
            actor=actor, case_id=case_id, data=services.VerdictInput(**data), today=timezone.localdate()
        )

    return _form_page(
        request,
        access,
        form_class=sickness_forms.VerdictForm,
        title=gettext_lazy("Oordeel over arbeidsongeschiktheid (stap 2)"),
        submit=gettext_lazy("Oordeel opslaan"),
        visible_to=readers("sickness.workcapacityverdict"),
        handle=handle,
        done=gettext_lazy("Het oordeel is opgeslagen."),
    )


@requires("sickness.finding.record", on=SECTION)
def finding(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.finding_record(
            actor=actor, case_id=case_id, conflict=data["conflict"], recorded_on=data["recorded_on"],
            prolongs_incapacity=data["prolongs_incapacity"], today=timezone.localdate(),
        )  # fmt: skip

    return _form_page(
        request,
        access,
        form_class=sickness_forms.FindingForm,
        title=gettext_lazy("Is er een conflict? (stap 3)"),
        submit=gettext_lazy("Vaststelling opslaan"),
        visible_to=readers("sickness.conflictfinding"),
        handle=handle,
        done=gettext_lazy("De vaststelling is opgeslagen; de variant is afgeleid."),
    )


@requires("sickness.diagnosis.record", on=SECTION)
def diagnosis(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.diagnosis_record(actor=actor, case_id=case_id, data=services.DiagnosisInput(**data))

    return _form_page(
        request,
        access,
        form_class=sickness_forms.DiagnosisForm,
        title=gettext_lazy("Conflictdiagnose"),
        submit=gettext_lazy("Diagnose opslaan"),
        visible_to=readers("sickness.conflictdiagnosis"),
        handle=handle,
        done=gettext_lazy("De conflictdiagnose is opgeslagen."),
    )


@requires("sickness.capacity.record", on=SECTION)
def capacity(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    def handle(actor: Actor, case_id: int, data: dict[str, Any]) -> Any:
        return services.capacity_record(actor=actor, case_id=case_id, data=services.CapacityInput(**data))

    return _form_page(
        request,
        access,
        form_class=sickness_forms.CapacityForm,
        title=gettext_lazy("Belastbaarheid"),
        submit=gettext_lazy("Belastbaarheid opslaan"),
        visible_to=readers("sickness.capacityassessment"),
        handle=handle,
        done=gettext_lazy("De beoordeling van de belastbaarheid is opgeslagen."),
    )


def advice_input(data: dict[str, Any], acknowledged: tuple[str, ...], justifications: dict[str, str]) -> Any:
    return services.AdviceInput(
        kind=data["kind"],
        content=tuple(data["content"]),
        resumption_condition=data["resumption_condition"],
        reintegration_condition=data["reintegration_condition"],
        recommends_termination=data["recommends_termination"],
        recommends_resignation=data["recommends_resignation"],
        not_able_to_converse=data["not_able_to_converse"],
        not_able_medical_grounds=data["not_able_medical_grounds"],
        review_date=data["review_date"],
        solution_direction=data["solution_direction"],
        text=data["text"],
        employer_recipients=tuple(data["employer_recipients"]),
        ip_form=data["ip_form"],
        ip_start_on=data["ip_start_on"],
        ip_days=data["ip_days"],
        ip_contact_person=data["ip_contact_person"],
        acknowledged=acknowledged,
        justifications=justifications,
    )


def _advice_state(request: HttpRequest, access: CaseAccess, *, send: bool) -> dict[str, Any] | None:
    """The advice form and what the guideline says about it; None once the advice is sent."""
    actor = _actor(request)
    case_id = access.case.pk
    form = sickness_forms.AdviceForm(request.POST or None)
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()
    acknowledged = tuple(request.POST.getlist("acknowledge"))
    justifications = {
        key.removeprefix("justification_"): str(value)
        for key, value in request.POST.items()
        if key.startswith("justification_")
    }
    confirmed = request.POST.get("confirmed") == "yes"
    valid = request.method == "POST" and form.is_valid()
    if valid:
        data = advice_input(form.cleaned_data, acknowledged, justifications)
        today = timezone.localdate()
        if not send or not confirmed:
            # Sending is irreversible: without the explicit confirmation only the check runs.
            findings, missing = services.advice_check(actor=actor, case_id=case_id, data=data, today=today)
        else:
            try:
                services.advice_send(actor=actor, case_id=case_id, data=data, today=today)
            except Blocked as exc:
                findings, missing = exc.findings, tuple(f.code for f in exc.findings)
            except NeedsAttention as exc:
                findings, missing = exc.findings, exc.missing
            else:
                return None
    blocked = any(f.severity in (Severity.BLOCK, Severity.BLOCK_STAR) for f in findings)
    # the refused words and sentences marked in the fields that hold them.
    marked = _mark(form, tuple(f for f in findings if f.code in missing or f.severity in BLOCKING))
    return {
        "case": access.case,
        "form": form,
        "findings": findings,
        "missing": missing,
        "blocked": blocked,
        "checked": valid,
        "incomplete": request.method == "POST" and not valid,
        "confirmed": confirmed,
        "unconfirmed": send and valid and not confirmed,
        "marked": marked,
        "acknowledged": acknowledged,
        "justifications": justifications,
        "visible_to": readers("sickness.sentadvice"),
    }


@requires("sickness.advice.send", on=SECTION)
def advice(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    """The advice editor: check with the guideline, then send to employer and employee at once."""
    state = _advice_state(request, access, send=request.POST.get("send") == "1")
    if state is None:
        messages.success(request, _("Het advies is tegelijk aan werkgever en werknemer verstuurd."))
        return redirect("sickness:section", case_id=access.case.pk)
    ok = request.method == "GET" or (state["checked"] and not state["blocked"] and not state["unconfirmed"])
    return render(request, "sickness/advice_form.html", state, status=200 if ok else 400)


@require_POST
@requires("sickness.advice.send", on=SECTION, writes=False)
def advice_check(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    """The same check as "Controleren", while typing: only the findings panel (htmx). Nothing is
    stored or sent; 200 also when a BLOCK stands, so the panel is always replaced."""
    state = _advice_state(request, access, send=False)
    if state is None:  # pragma: no cover - send=False never sends
        raise RuntimeError("the advice check sent an advice")
    return render(request, "sickness/_advice_check.html", state)


@requires("sickness.section.view", on=SECTION)
def advice_pdf(request: HttpRequest, access: CaseAccess, advice_id: int) -> HttpResponseBase:
    """D08 / R-021: the written feedback as PDF, for exactly those who may read the sent advice."""
    return feedback.feedback_download(
        actor=_actor(request), access=access, advice_id=advice_id, fmt="pdf", language=get_language()
    )


@requires("sickness.section.view", on=SECTION)
def advice_html(request: HttpRequest, access: CaseAccess, advice_id: int) -> HttpResponseBase:
    """The same written feedback as a standalone HTML page."""
    return feedback.feedback_download(
        actor=_actor(request), access=access, advice_id=advice_id, fmt="html", language=get_language()
    )


@requires("sickness.open_consult.view")
def open_consults(request: HttpRequest) -> HttpResponseBase:
    """The open spreekuur: the BA records visits; the employee sees their own. Never the employer."""
    actor = _actor(request)
    can_record = allowed(actor, "sickness.open_consult.record")
    form = sickness_forms.OpenConsultForm(request.POST or None, organisation_id=actor.organisation_id)
    if request.method == "POST":
        authorize(actor, "sickness.open_consult.record")  # recording is the BA's (403, audited)
    if request.method == "POST" and form.is_valid():
        try:
            services.open_consult_record(
                actor=actor,
                employee_membership_id=form.cleaned_data["employee"].pk,
                held_on=form.cleaned_data["held_on"],
                note=form.cleaned_data["note"],
                employer_consulted_role=form.cleaned_data["employer_consulted_role"],
            )
        except Invalid as exc:
            add_to_form(form, exc)  # CC-1 / R-038 beside the field; what was typed stays
        else:
            messages.success(request, _("Het bezoek is vastgelegd. De werkgever ziet er niets van."))
            return redirect("sickness:open-consults")
    return render(
        request,
        "sickness/open_consults.html",
        {"visits": selectors.open_consults_for(actor), "form": form, "can_record": can_record},
        status=400 if request.method == "POST" else 200,
    )


# --- The Poortwachter documents (D10; R-150…R-158 in docs/rules.md) ------------------------------


def _wvp_terms_message(rule: str, terms: tuple[str, ...]) -> str:
    """The field error for medical words in a Poortwachter document (R-131 employer, R-133 BA)."""
    words = ", ".join(terms)
    if rule == "R-133":
        return _("R-133: de werkgever krijgt alleen functionele termen; beschrijf wat wel en niet kan in "
                 "plaats van: %(terms)s.") % {"terms": words}  # fmt: skip
    return _("R-131: haal deze woorden weg: %(terms)s (gezondheidsgegevens, ook niet met toestemming).") % {
        "terms": words
    }


def _wvp_initial(document: Any) -> dict[str, Any] | None:
    if document is None or document.locked_at is not None:
        return None
    initial = dict(document.content)
    if isinstance(initial.get("casemanager"), dict):
        initial["casemanager"] = initial["casemanager"].get("name", "")
    return initial


@requires("sickness.section.view", on=SECTION)
def wvp(request: HttpRequest, access: CaseAccess, kind: str) -> HttpResponseBase:
    """One kind of Poortwachter document: its versions you may read, the draft form for its writers,
    the signature form for a signer who has not signed yet."""
    actor = _actor(request)
    spec = wvp_services.SPECS.get(kind)
    if spec is None:
        raise hidden(actor, "sickness.section.view", access.case)
    visible = [d for d in wvp_services.documents_for(actor, access) if d.kind == kind]
    open_draft = next((d for d in reversed(visible) if d.locked_at is None), None)
    writes = allowed(actor, spec.write_action, access)
    may_draft = writes and (open_draft is not None or spec.repeatable or not visible)
    form_class = sickness_forms.wvp_form_class(kind)
    posted = request.method == "POST"
    action = request.POST.get("action", "") if posted else ""
    form = form_class(
        request.POST if action == "save" else None, initial=_wvp_initial(open_draft), prefix="doc"
    )
    sign_form = sickness_forms.WvpSignForm(request.POST if action == "sign" else None, prefix="sign")
    refused: dict[str, Any] = {}
    if action == "save":
        authorize(actor, spec.write_action, access)
        if form.is_valid():
            try:
                wvp_services.draft_save(
                    actor=actor,
                    case_id=access.case.pk,
                    kind=kind,
                    document_id=open_draft.pk if open_draft is not None else None,
                    values=form.cleaned_data,
                    today=timezone.localdate(),
                )
            except MedicalTermsFound as exc:
                for name, terms in exc.terms.items():
                    form.add_error(name, _wvp_terms_message(exc.rule, terms))
            except Refusal as exc:
                refused = refusal_context(exc)
            else:
                messages.success(request, _("Het concept is opgeslagen."))
                return redirect("sickness:wvp", case_id=access.case.pk, kind=kind)
    elif action == "sign":
        authorize(actor, "sickness.wvp.sign", open_draft)
        if open_draft is not None and sign_form.is_valid():
            try:
                wvp_services.sign(
                    actor=actor,
                    case_id=access.case.pk,
                    document_id=open_draft.pk,
                    typed_name=sign_form.cleaned_data["typed_name"],
                )
            except Refusal as exc:
                refused = refusal_context(exc)
            else:
                messages.success(request, _("Uw handtekening is vastgelegd."))
                return redirect("sickness:wvp", case_id=access.case.pk, kind=kind)
    elif posted:
        authorize(actor, spec.write_action, access)
    pending = set(documents_services.pending_signers(open_draft)) if open_draft is not None else set()
    item = next(i for i in wvp_services.overview(actor, access) if i.kind == kind)
    return render(
        request,
        "sickness/wvp.html",
        {
            "case": access.case,
            "item": item,
            "form": form if may_draft else None,
            "sign_form": sign_form if actor.user_id in pending else None,
            "open_draft": open_draft,
            **refused,
            "visible_to": category_readers("D10"),
        },
        status=400 if posted else 200,
    )


@requires("sickness.section.view", on=SECTION)
def wvp_pdf(request: HttpRequest, access: CaseAccess, document_id: int) -> HttpResponseBase:
    """A Poortwachter document as PDF (the RIV: one bundle of its signed documents)."""
    return wvp_services.download(
        actor=_actor(request), access=access, document_id=document_id, fmt="pdf", language=get_language()
    )
