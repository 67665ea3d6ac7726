"""Pages of the Interventies section of a case. Thin: forms validate, selectors read, services write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.core.refusals import Invalid, Refusal, refusal_context
from werkvrede.interventions import selectors, services
from werkvrede.interventions.facts import ENGINE_KINDS
from werkvrede.interventions.forms import (
    AppointmentForm,
    EvaluationForm,
    ExtensionForm,
    InterventionRecordForm,
    InterventionUpdateForm,
    LeaveRequestForm,
    PeriodProposalForm,
)
from werkvrede.interventions.models import InterventionStatus, LeaveState, PeriodState
from werkvrede.interventions.policies import Level, level
from werkvrede.interventions.visibility import d09_preview


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("interventions.section.view", on=CASE)
def section(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    actor = _actor(request)
    today = timezone.localdate()
    seen = level(actor, access)
    context: dict[str, Any] = {"case": access.case, "level": seen, "preview": d09_preview()}
    if seen is Level.FULL:
        advice = selectors.advice_for(access, today=today)
        context.update(
            periods=selectors.periods_of(access),
            leaves=selectors.leaves_of(access),
            advice=advice,
            advice_findings=selectors.tab_findings(advice),
            can_write=allowed(actor, "interventions.period.write", access),
            can_request_leave=allowed(actor, "interventions.leave.request", access),
        )
    elif seen is Level.NEUTRAL:
        context.update(neutral=selectors.neutral_status_of(access))
    else:
        context.update(appointments=selectors.appointments_for(actor, case=access.case))
    context["interventions"] = selectors.interventions_of(actor, access)
    context["can_record_intervention"] = allowed(actor, "interventions.intervention.write", access)
    context["engine_kinds"] = ENGINE_KINDS
    return render(request, "interventions/section.html", context)


@requires("interventions.period.write", on=CASE)
def period_new(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    form = PeriodProposalForm(request.POST or None)
    outcome: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.period_propose(
                actor=actor,
                case_id=case_id,
                data=services.PeriodInput(
                    initiated_by=data["initiated_by"],
                    form=data["form"],
                    released_reason=data["released_reason"],
                    start_on=data["start_on"],
                    end_on=data["end_on"],
                    exceptional_reason=data["exceptional_reason"],
                ),
                today=timezone.localdate(),
            )
        except Refusal as exc:
            outcome = refusal_context(exc)
        else:
            messages.success(
                request, _("De interventieperiode is voorgesteld. De werkgever moet haar nog goedkeuren.")
            )
            return redirect("interventions:period", case_id=case_id, period_id=period.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "interventions/period_new.html",
        {"case": access.case, "form": form, "preview": d09_preview(), **outcome},
        status=status,
    )


STEP_FORMS = {"appointment": AppointmentForm, "extend": ExtensionForm, "evaluate": EvaluationForm}


@requires("interventions.record.view", on=CASE)
def period_detail(request: HttpRequest, access: CaseAccess, period_id: int) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    period = selectors.period_get(access, period_id)
    if period is None:
        raise hidden(actor, "interventions.record.view")
    today = timezone.localdate()
    forms: dict[str, Any] = {
        "appointment": AppointmentForm(organisation_id=actor.organisation_id),
        "extend": ExtensionForm(),
        "evaluate": EvaluationForm(),
    }
    outcome: dict[str, Any] = {}
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step:
        acknowledged = request.POST.getlist("acknowledged")
        bound: Any = None
        if step == "appointment":
            bound = forms["appointment"] = AppointmentForm(
                request.POST, organisation_id=actor.organisation_id
            )
        elif step in STEP_FORMS:
            bound = forms[step] = STEP_FORMS[step](request.POST)
        if bound is None or bound.is_valid():
            try:
                _run_period_step(actor, case_id, period_id, step, bound, acknowledged, today)
            except Refusal as exc:
                outcome = {**refusal_context(exc), "step": step}
            else:
                messages.success(request, _("Opgeslagen."))
                return redirect("interventions:period", case_id=case_id, period_id=period_id)
        period = selectors.period_get(access, period_id) or period
    context = {
        "case": access.case,
        "period": period,
        "forms": forms,
        "can_write": allowed(actor, "interventions.period.write", access),
        "can_approve": allowed(actor, "interventions.period.approve", access),
        "states": PeriodState,
        "preview": d09_preview(),
        "today": today,
        **outcome,
    }
    return render(request, "interventions/period_detail.html", context, status=400 if step else 200)


def _run_period_step(
    actor: Actor, case_id: int, period_id: int, step: str, form: Any, acknowledged: list[str], today: Any
) -> None:
    common = {"actor": actor, "case_id": case_id, "period_id": period_id, "today": today}
    if step in ("approve", "refuse"):
        services.period_decide(**common, approve=step == "approve")
    elif step == "appointment":
        data = form.cleaned_data
        member = data.get("with_member")
        services.period_record_appointment(
            **common,
            data=services.AppointmentInput(
                with_role=data["with_role"],
                with_person=data["with_person"],
                with_membership_id=member.pk if member else None,
                chaired_by=data["chaired_by"],
                meeting_on=data["meeting_on"],
            ),
            acknowledged=acknowledged,
        )
    elif step == "extend":
        services.period_extend(
            **common,
            extension_end_on=form.cleaned_data["extension_end_on"],
            extension_reason=form.cleaned_data["extension_reason"],
        )
    elif step == "evaluate":
        services.period_evaluate(**common, outcome=form.cleaned_data["outcome"])
    else:
        raise Invalid.of("step", _("Onbekende stap."))


@requires("interventions.leave.request", on=CASE)
def leave_new(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    form = LeaveRequestForm(request.POST or None)
    outcome: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        try:
            leave = services.leave_request(
                actor=actor,
                case_id=case_id,
                start_on=form.cleaned_data["start_on"],
                end_on=form.cleaned_data["end_on"],
                today=timezone.localdate(),
            )
        except Refusal as exc:
            outcome = refusal_context(exc)
        else:
            messages.success(request, _("Je aanvraag is binnen. Je leidinggevende of HR keurt haar goed."))
            return redirect("interventions:leave", case_id=case_id, leave_id=leave.pk)
    return render(
        request,
        "interventions/leave_new.html",
        {"case": access.case, "form": form, "preview": d09_preview(), **outcome},
        status=400 if request.method == "POST" else 200,
    )


# First and last leave day follow the calendar (`run_due_transitions`, SM-4 rows 4 and 6).
LEAVE_EVENTS = ("conversation_held", "close")


@requires("interventions.record.view", on=CASE)
def leave_detail(request: HttpRequest, access: CaseAccess, leave_id: int) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    leave = selectors.leave_get(access, leave_id)
    if leave is None:
        raise hidden(actor, "interventions.record.view")
    today = timezone.localdate()
    form = AppointmentForm(request.POST or None, organisation_id=actor.organisation_id)
    outcome: dict[str, Any] = {}
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step == "approve" and form.is_valid():
        data = form.cleaned_data
        member = data.get("with_member")
        try:
            _approved, info = services.leave_approve(
                actor=actor,
                case_id=case_id,
                leave_id=leave_id,
                appointment=services.AppointmentInput(
                    with_role=data["with_role"],
                    with_person=data["with_person"],
                    with_membership_id=member.pk if member else None,
                    chaired_by=data["chaired_by"],
                    meeting_on=data["meeting_on"],
                ),
                today=today,
                acknowledged=request.POST.getlist("acknowledged"),
            )
        except Refusal as exc:
            outcome = refusal_context(exc)
        else:
            messages.success(
                request, _("Het verlof is goedgekeurd. Het is betaald verlof, geen ziekmelding (R-053).")
            )
            for finding in info:
                if finding.code == "R-055":
                    messages.info(
                        request, finding.message.en if request.LANGUAGE_CODE == "en" else finding.message.nl
                    )
            return redirect("interventions:leave", case_id=case_id, leave_id=leave_id)
    elif step in LEAVE_EVENTS:
        try:
            services.leave_step(actor=actor, case_id=case_id, leave_id=leave_id, event=step, today=today)
        except Refusal as exc:
            outcome = refusal_context(exc)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("interventions:leave", case_id=case_id, leave_id=leave_id)
    return render(
        request,
        "interventions/leave_detail.html",
        {
            "case": access.case,
            "leave": leave,
            "form": form,
            "states": LeaveState,
            "can_approve": allowed(actor, "interventions.leave.approve", access),
            "preview": d09_preview(),
            **outcome,
        },
        status=400 if step else 200,
    )


@requires("interventions.intervention.write", on=CASE)
def intervention_new(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    form = InterventionRecordForm(request.POST or None)
    outcome: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.intervention_record(
                actor=actor,
                case_id=case_id,
                data=services.InterventionInput(
                    kind=data["kind"],
                    chair_role=data["chair_role"],
                    hr_attends=data["hr_attends"],
                    support_employee=data["support_employee"],
                    support_other=data["support_other"],
                    planned_on=data["planned_on"],
                    note=data["note"],
                ),
                today=timezone.localdate(),
                acknowledged=request.POST.getlist("acknowledged"),
            )
        except Refusal as exc:
            outcome = refusal_context(exc)
        else:
            messages.success(request, _("De interventie is vastgelegd."))
            return redirect("interventions:section", case_id=case_id)
    return render(
        request,
        "interventions/intervention_new.html",
        {"case": access.case, "form": form, **outcome},
        status=400 if request.method == "POST" else 200,
    )


# How an intervention runs and ends; "resolved" moves the case once both parties confirm (ADR 0107).
INTERVENTION_STEPS = ("start", "end_resolved", "end_not_resolved", "confirm_resolved")


def _run_intervention_step(actor: Actor, case_id: int, intervention_id: int, step: str, today: Any) -> None:
    common = {"actor": actor, "case_id": case_id, "intervention_id": intervention_id, "today": today}
    if step == "start":
        services.intervention_start(**common)
    elif step in ("end_resolved", "end_not_resolved"):
        services.intervention_end(**common, resolved=step == "end_resolved")
    elif step == "confirm_resolved":
        services.intervention_confirm_resolved(**common)
    else:
        raise Invalid.of("step", _("Onbekende stap."))


def _update_intervention(
    request: HttpRequest,
    actor: Actor,
    access: CaseAccess,
    intervention: Any,
    form: InterventionUpdateForm | None,
) -> dict[str, Any]:
    """Change the plan; an empty result means saved, otherwise what the page shows (form kept)."""
    if form is None:  # started meanwhile, or not allowed: the service says which
        form = InterventionUpdateForm(request.POST)
    if not form.is_valid():
        return {"invalid": True}
    data = form.cleaned_data
    try:
        services.intervention_update(
            actor=actor,
            case_id=access.case.pk,
            intervention_id=intervention.pk,
            data=services.InterventionInput(
                kind=intervention.kind,
                chair_role=data["chair_role"],
                hr_attends=data["hr_attends"],
                support_employee=data["support_employee"],
                support_other=data["support_other"],
                planned_on=data["planned_on"],
                note=data["note"],
            ),
            today=timezone.localdate(),
            expected_version=data["version"],
            acknowledged=request.POST.getlist("acknowledged"),
        )
    except Refusal as exc:
        return refusal_context(exc, form) or {"invalid": True}
    return {}


@requires("interventions.section.view", on=CASE)
def intervention_detail(request: HttpRequest, access: CaseAccess, intervention_id: int) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    intervention = selectors.intervention_get(access, intervention_id)
    if intervention is None:
        raise hidden(actor, "interventions.section.view")
    outcome: dict[str, Any] = {}
    step = request.POST.get("step", "") if request.method == "POST" else ""
    can_write = allowed(actor, "interventions.intervention.write", access)
    update_form = None
    if can_write and intervention.status == InterventionStatus.PROPOSED:
        update_form = InterventionUpdateForm(
            request.POST if step == "update" else None,
            initial={
                "version": intervention.version,
                **{f: getattr(intervention, f) for f in services.CHANGEABLE_FIELDS},
            },
        )
    if step == "update":
        outcome = _update_intervention(request, actor, access, intervention, update_form)
        if not outcome:
            messages.success(request, _("De interventie is bijgewerkt."))
            return redirect("interventions:intervention", case_id=case_id, intervention_id=intervention_id)
    elif step:
        try:
            _run_intervention_step(actor, case_id, intervention_id, step, timezone.localdate())
        except Refusal as exc:
            outcome = refusal_context(exc)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("interventions:intervention", case_id=case_id, intervention_id=intervention_id)
    context = {
        "case": access.case,
        "update_form": update_form,
        "ack_form": "wijzigen" if step == "update" else "stap",
        "intervention": intervention,
        "statuses": InterventionStatus,
        "can_write": can_write,
        "can_confirm": allowed(actor, "interventions.intervention.confirm", access)
        and not selectors.confirmed_by(actor, access, intervention),
        **outcome,
    }
    return render(request, "interventions/intervention_detail.html", context, status=400 if step else 200)


@requires("interventions.appointment.list")
def appointments(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    return render(
        request, "interventions/appointments.html", {"appointments": selectors.appointments_for(actor)}
    )
