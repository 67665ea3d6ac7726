"""Case pages. Thin: forms validate input, selectors read, services write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from werkvrede.cases import selectors, services
from werkvrede.cases.extensions import case_sections
from werkvrede.cases.forms import (
    IntakeForm,
    LegalHoldForm,
    LegalHoldLiftForm,
    MelderChoiceForm,
    NoteForm,
    ParticipantForm,
    SignalForm,
)
from werkvrede.cases.models import CaseParty, CaseState
from werkvrede.cases.next_steps import CasePage
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.cases.tracker import tracker_for
from werkvrede.cases.visibility import note_visibility_preview
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import advisers_of
from werkvrede.core.next_steps import next_steps_for
from werkvrede.core.pagination import window_page
from werkvrede.core.person_notices import person_notices
from werkvrede.core.policy import allowed
from werkvrede.core.refusals import Blocked, Invalid, MedicalTermsFound, add_to_form, refusal_context
from werkvrede.core.roles import Role


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("cases.case.list")
def case_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    # `to_attr`: a list per case, not a queryset cloned for every row of the page.
    cases = selectors.case_list_for(actor).prefetch_related(Prefetch("parties", to_attr="party_list"))
    page = window_page(cases, request.GET.get("pagina"))
    return render(
        request,
        "cases/case_list.html",
        {"page": page, "can_signal": allowed(actor, "cases.case.signal")},
    )


def _signals_as_employee(actor: Actor) -> bool:
    return Role.EMPLOYEE in actor.roles and not actor.roles & services.SIGNALLER_CASE_ROLE.keys() - {
        Role.EMPLOYEE
    }


@requires("cases.case.signal")
def case_signal(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    is_employee = _signals_as_employee(actor)
    form = SignalForm(request.POST or None, organisation_id=actor.organisation_id, is_employee=is_employee)
    medical_terms: tuple[str, ...] = ()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_signal(
                actor=actor,
                data=services.SignalInput(
                    signalled_on=data["signalled_on"],
                    employee_membership_id=data["employee"].pk if data.get("employee") else None,
                    employee_name=data.get("employee_name", ""),
                    other_party_name=data.get("other_party_name", ""),
                    other_party_membership_id=data["other_party"].pk if data.get("other_party") else None,
                    description=data.get("description", ""),
                    description_visibility=data["description_visibility"],
                ),
            )
        except MedicalTermsFound as exc:
            medical_terms = exc.all_terms
        else:
            messages.success(
                request,
                _("Het signaal is vastgelegd als zaak %(reference)s.") % {"reference": case.reference},
            )
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "cases/case_signal.html",
        {"form": form, "medical_terms": medical_terms, "preview": note_visibility_preview()},
    )


@csrf_exempt
@require_POST
@requires("cases.case.signal", writes=False)
def case_signal_prefill(request: HttpRequest) -> HttpResponse:
    """The signal form filled in with what the self-help guide passed on; nothing is saved here.

    The guide's page carries no CSRF token (it sets no cookie, ADR 0086) and this view has no side
    effect; the form it renders posts to `cases:signal`, which keeps its CSRF protection.
    """
    actor = _actor(request)
    form = SignalForm(
        initial={"description": request.POST.get("description", "")},
        organisation_id=actor.organisation_id,
        is_employee=_signals_as_employee(actor),
    )
    return render(
        request,
        "cases/case_signal.html",
        {"form": form, "medical_terms": (), "preview": note_visibility_preview(), "prefilled": True},
    )


def _detail_context(actor: Actor, access: CaseAccess) -> dict[str, Any]:
    parties = selectors.parties_of(access)
    tracker = tracker_for(actor, access)
    deadlines = selectors.deadlines_for(actor, access, today=timezone.localdate())
    return {
        "case": access.case,
        "case_roles": sorted(access.case_roles),
        "employee_parties": [p for p in parties if p.side == CaseParty.Side.EMPLOYEE],
        "other_parties": [p for p in parties if p.side == CaseParty.Side.OTHER],
        "participants": selectors.participants_for(actor, access),
        "timeline": selectors.timeline_for(actor, access),
        # The employee reads their own Poortwachter steps on the tracker, not the handlers' table.
        "deadlines": [d for d in deadlines if d.deadline.code not in tracker.explained_codes],
        "next_steps": next_steps_for(
            actor,
            today=timezone.localdate(),
            case_id=access.case.pk,
            case_page=CasePage(access=access, deadlines=deadlines),
        ),
        "notes": selectors.notes_for(actor, access),
        "can_intake": allowed(actor, "cases.case.intake", access) and access.case.state == "SIGNALLED",
        "can_write_note": allowed(actor, "cases.note.write", access),
        "can_add_participant": allowed(actor, "cases.participant.add", access),
        "r100_hold": allowed(actor, "cases.undesirable_behaviour.view", access)
        and selectors.r100_hold(access.case),
        "melder_choice_form": (
            MelderChoiceForm(
                initial={
                    "choice": access.case.melder_choice or None,
                    "consents_to_mediation": access.case.melder_consents_to_mediation,
                }
            )
            if selectors.melder_may_choose(actor, access)
            else None
        ),
        # the melder sees who the vertrouwenspersoon is at the moment of choosing.
        "advisers": advisers_of(access.case.organisation_id)
        if selectors.melder_may_choose(actor, access)
        else [],
        "preview": note_visibility_preview(),
        "sections": [s for s in case_sections() if allowed(actor, s.action, access)],
        "tracker": tracker,
        **_legal_hold_context(actor, access, parties),
    }


def _legal_hold_context(actor: Actor, access: CaseAccess, parties: list[CaseParty]) -> dict[str, Any]:
    """R-140: the active hold and its history for those who may see it; the forms for HR and CM."""
    if not allowed(actor, "cases.legal_hold.view", access):
        return {}
    manage = allowed(actor, "cases.legal_hold.manage", access)
    holds = selectors.legal_holds_of(access)
    active = next((h for h in holds if h.active), None)
    return {
        "legal_hold_visible": True,
        "legal_hold": active,
        "legal_hold_history": [h for h in holds if not h.active] if manage else [],
        "legal_hold_manage": manage,
        "legal_hold_form": LegalHoldForm() if manage and active is None else None,
        "legal_hold_lift_form": LegalHoldLiftForm() if manage and active is not None else None,
        # Holds on a party as a person cover this case too (R-140, core.person_notices); the
        # employee sees only a hold on themself, never one on the other party.
        "legal_hold_people": [
            n
            for n in person_notices(actor, access.organisation_id, [p.user_id for p in parties if p.user_id])
            if n.text and (manage or n.user_id == actor.user_id)
        ],
    }


def _rerender(request: HttpRequest, actor: Actor, access: CaseAccess, **forms: Any) -> HttpResponse:
    """The case page again with the submitted form and its errors (nothing typed is lost)."""
    context = _detail_context(actor, access)
    context.update(
        note_form=NoteForm(),
        participant_form=ParticipantForm(organisation_id=actor.organisation_id),
        **forms,
    )
    return render(request, "cases/case_detail.html", context, status=400)


@requires("cases.case.view", on=CASE)
def case_detail(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    actor = _actor(request)
    context = _detail_context(actor, access)
    context["note_form"] = NoteForm()
    context["participant_form"] = ParticipantForm(organisation_id=actor.organisation_id)
    return render(request, "cases/case_detail.html", context)


@requires("cases.case.intake", on=CASE)
def case_intake(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case = access.case
    initial = {
        "configuration": case.configuration,
        "domains": case.domains,
        "acknowledged_by_other": case.acknowledged_by_other,
    }
    form = IntakeForm(request.POST or None, initial=initial)
    refused: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_complete_intake(
                actor=actor,
                case_id=case.pk,
                data=services.IntakeInput(
                    configuration=data["configuration"],
                    domains=tuple(data["domains"]),
                    acknowledged_by_other=data["acknowledged_by_other"],
                    employee_feels_obstructed=data["employee_feels_obstructed"],
                    other_feels_obstructed=data["other_feels_obstructed"],
                    undesirable_behaviour_suspected=data["undesirable_behaviour_suspected"],
                    undesirable_behaviour_categories=tuple(data["undesirable_behaviour_categories"]),
                    glasl_stage=data["glasl_stage"],
                    conflict_type=data["conflict_type"],
                ),
                today=timezone.localdate(),
            )
        except Blocked as exc:
            refused = refusal_context(exc)
        else:
            messages.success(request, _("De intake is afgerond."))
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/case_intake.html", {"case": case, "form": form, **refused})


@require_POST
@requires("cases.note.write", on=CASE)
def note_add(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    form = NoteForm(request.POST)
    medical_terms: tuple[str, ...] = ()
    if form.is_valid():
        try:
            services.note_add(
                actor=actor,
                case_id=case_id,
                text=form.cleaned_data["text"],
                visibility=form.cleaned_data["visibility"],
            )
        except MedicalTermsFound as exc:
            medical_terms = exc.all_terms
        else:
            messages.success(request, _("Je verslag is opgeslagen."))
            return redirect("cases:detail", case_id=case_id)
    context = _detail_context(actor, access)
    context.update(
        note_form=form,
        medical_terms=medical_terms,
        participant_form=ParticipantForm(organisation_id=actor.organisation_id),
    )
    return render(request, "cases/case_detail.html", context, status=400)


@require_POST
@requires("cases.melder_choice.record", on=CASE)
def melder_choice(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    """The melder's own choice after the vertrouwenspersoon was offered (R-100)."""
    actor = _actor(request)
    case_id = access.case.pk
    form = MelderChoiceForm(request.POST)
    if form.is_valid():
        services.melder_choice_record(
            actor=actor,
            case_id=case_id,
            choice=form.cleaned_data["choice"],
            consents_to_mediation=form.cleaned_data["consents_to_mediation"],
            today=timezone.localdate(),
        )
        messages.success(request, _("Je keuze is vastgelegd. Alleen jij ziet wat je koos."))
        return redirect("cases:detail", case_id=case_id)
    context = _detail_context(actor, access)
    context.update(
        melder_choice_form=form,
        note_form=NoteForm(),
        participant_form=ParticipantForm(organisation_id=actor.organisation_id),
    )
    return render(request, "cases/case_detail.html", context, status=400)


@require_POST
@requires("cases.participant.add", on=CASE)
def participant_add(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    form = ParticipantForm(request.POST, organisation_id=actor.organisation_id)
    if form.is_valid():
        try:
            services.participant_add(
                actor=actor,
                case_id=case_id,
                membership_id=form.cleaned_data["member"].pk,
                role=form.cleaned_data["role"],
                question=form.cleaned_data["question"],
            )
        except ValueError as exc:
            form.add_error("role", str(exc))
        except Invalid as exc:
            add_to_form(form, exc)
        except Blocked as exc:
            # RT-13: the rule code and its message beside the question; what was typed stays.
            for f in exc.findings:
                message = f.message.en if get_language() == "en" else f.message.nl
                form.add_error("question", f"{f.code}: {message}")
        else:
            messages.success(request, _("De persoon heeft een rol in de zaak gekregen."))
            return redirect("cases:detail", case_id=case_id)
    context = _detail_context(actor, access)
    context.update(note_form=NoteForm(), participant_form=form)
    return render(request, "cases/case_detail.html", context, status=400)


@require_POST
@requires("cases.legal_hold.manage", on=CASE)
def legal_hold_set(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    """R-140: put the case's records under a legal hold, with its reason."""
    actor = _actor(request)
    form = LegalHoldForm(request.POST)
    if form.is_valid():
        try:
            services.legal_hold_set(
                actor=actor,
                case_id=access.case.pk,
                category=form.cleaned_data["category"],
                reason=form.cleaned_data["reason"],
            )
        except MedicalTermsFound as exc:
            form.add_error(
                "reason", _("Geen medische gegevens: %(terms)s") % {"terms": ", ".join(exc.all_terms)}
            )
        except services.LegalHoldError:
            form.add_error(None, _("Op deze zaak staat al een bewaarplicht."))
        else:
            messages.success(request, _("De bewaarplicht is ingesteld. De gegevens worden niet verwijderd."))
            return redirect("cases:detail", case_id=access.case.pk)
    return _rerender(request, actor, access, legal_hold_form=form)


@require_POST
@requires("cases.legal_hold.manage", on=CASE)
def legal_hold_lift(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    """R-140: lift the legal hold; the retention terms run again."""
    actor = _actor(request)
    form = LegalHoldLiftForm(request.POST)
    if form.is_valid():
        try:
            services.legal_hold_lift(
                actor=actor, case_id=access.case.pk, lift_reason=form.cleaned_data["lift_reason"]
            )
        except MedicalTermsFound as exc:
            form.add_error(
                "lift_reason", _("Geen medische gegevens: %(terms)s") % {"terms": ", ".join(exc.all_terms)}
            )
        except services.LegalHoldError:
            form.add_error(None, _("Op deze zaak staat geen bewaarplicht."))
        else:
            messages.success(request, _("De bewaarplicht is opgeheven. De bewaartermijnen lopen weer."))
            return redirect("cases:detail", case_id=access.case.pk)
    return _rerender(request, actor, access, legal_hold_lift_form=form)


@requires("cases.overview.view")
def overview(request: HttpRequest) -> HttpResponse:
    data = selectors.overview_for(_actor(request), today=timezone.localdate())
    page = window_page(data.overdue, request.GET.get("pagina"))
    labels = dict(CaseState.choices)
    states = [{"label": labels.get(state, state), "n": n} for state, n in data.states]
    return render(request, "cases/overview.html", {"states": states, "page": page})
