"""Pages of referrals (R-102, CC-6) and the confidentiality review (R-103)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.confidential import referral_selectors, referrals
from werkvrede.confidential.models import Referral, ReferralStatus, ReferralTarget, Report, ReportState
from werkvrede.confidential.policies import is_vp_of
from werkvrede.confidential.referral_forms import AnswerForm, BreachDecideForm, BreachForm, ProposalForm
from werkvrede.confidential.referral_selectors import REFERRAL, pending_review, referrals_of_report
from werkvrede.confidential.referrals import TARGET_ROLE, BreachInput, ProposalInput, condition_labels
from werkvrede.confidential.selectors import REPORT
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed
from werkvrede.core.refusals import Invalid, Refusal, add_to_form, refusal_context


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


# --- The VP proposes (R-102) ----------------------------------------------------------------------


def _proposal_form(report: Report, data: Any = None) -> ProposalForm:
    oid = report.organisation_id
    people = []
    for target in TARGET_ROLE:
        people += [(u, target.label) for u in referrals.recipients(oid, target, melder_id=report.melder_id)]
    return ProposalForm(
        data, recipients=people, others=referrals.other_parties(oid, melder_id=report.melder_id)
    )


def _render_propose(
    request: HttpRequest, report: Report, form: ProposalForm, status: int = 200, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "confidential/referral_propose.html",
        {"report": report, "form": form, **extra},
        status=status,
    )


@requires("confidential.referral.propose", on=REPORT)
def referral_propose(request: HttpRequest, report: Report) -> HttpResponseBase:
    if request.method != "POST":
        return _render_propose(request, report, _proposal_form(report))
    form = _proposal_form(report, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            referrals.referral_propose(
                actor=_actor(request),
                report=report,
                data=ProposalInput(
                    target=data["target"],
                    summary=data["summary"],
                    recipient_id=data["recipient"],
                    other_party_id=data["other_party"],
                    mediation_subject=data["mediation_subject"],
                ),
                today=timezone.localdate(),
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_propose(request, report, form, 409, **refusal_context(exc))
        else:
            messages.success(
                request,
                _(
                    "Het voorstel staat klaar voor de melder. Er is nog niets doorgegeven: eerst moet "
                    "de melder toestemming geven."
                ),
            )
            return redirect("confidential:report", report_id=report.pk)
    return _render_propose(request, report, form, 400)


# --- The melder answers (CC-6) -------------------------------------------------------------------


def _render_answer(
    request: HttpRequest, referral: Referral, form: AnswerForm, status: int = 200, **extra: Any
) -> HttpResponse:
    views = [
        v
        for v in referral_selectors.referrals_of_report(_actor(request), referral.report)
        if v.referral.pk == referral.pk
    ]
    return render(
        request,
        "confidential/referral_answer.html",
        {
            "referral": referral,
            "summary": views[0].summary if views else "",
            "internal": ReferralTarget(referral.target) in TARGET_ROLE,
            "is_mediation": referral.target == ReferralTarget.MED,
            "form": form,
            **extra,
        },
        status=status,
    )


@requires("confidential.referral.answer", on=REFERRAL)
def referral_answer(request: HttpRequest, referral: Referral) -> HttpResponseBase:
    if request.method != "POST":
        return _render_answer(request, referral, AnswerForm())
    form = AnswerForm(request.POST)
    actor, today = _actor(request), timezone.localdate()
    if request.POST.get("answer") == "decline":
        try:
            referrals.referral_decline(actor=actor, referral=referral, today=today)
        except Refusal as exc:
            return _render_answer(request, referral, form, 409, **refusal_context(exc))
        messages.success(request, _("Je hebt nee gezegd. Er is niets doorgegeven."))
        return redirect("confidential:report", report_id=referral.report_id)
    if form.is_valid():
        try:
            referrals.referral_accept(
                actor=actor, referral=referral, consent=form.cleaned_data["consent"], today=today
            )
        except Invalid as exc:
            add_to_form(form, exc)
        except Refusal as exc:
            return _render_answer(request, referral, form, 409, **refusal_context(exc))
        else:
            messages.success(
                request, _("Je toestemming is vastgelegd. De ontvanger ziet alleen wat je hebt gelezen.")
            )
            return redirect("confidential:report", report_id=referral.report_id)
    return _render_answer(request, referral, form, 400)


@require_POST
@requires("confidential.referral.answer", on=REFERRAL)
def referral_withdraw(request: HttpRequest, referral: Referral) -> HttpResponseBase:
    try:
        referrals.referral_withdraw(actor=_actor(request), referral=referral, today=timezone.localdate())
    except Refusal as exc:
        return _render_answer(request, referral, AnswerForm(), 409, **refusal_context(exc))
    messages.success(
        request, _("Je toestemming is ingetrokken. De ontvanger kan de samenvatting niet meer lezen.")
    )
    return redirect("confidential:report", report_id=referral.report_id)


# --- What the recipient sees (D15 column C) --------------------------------------------------------


@requires("confidential.referral.list")
def referral_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "confidential/referrals.html",
        {"views": referral_selectors.referrals_to_me(_actor(request)), "accepted": ReferralStatus.ACCEPTED},
    )


# --- Breaking confidentiality (R-103, SM-6 row 7) --------------------------------------------------


def _breach_input(form: BreachForm) -> BreachInput:
    data = form.cleaned_data
    return BreachInput(
        recipient_role=data["recipient_role"],
        justification=data["justification"],
        melder_informed_on=data["melder_informed_on"],
        statutory_duty=data["statutory_duty"],
        legal_basis=data["legal_basis"],
        conditions=tuple(data["conditions"]),
    )


def _render_breach(
    request: HttpRequest, report: Report, form: BreachForm, status: int = 200, **extra: Any
) -> HttpResponse:
    return render(
        request, "confidential/breach.html", {"report": report, "form": form, **extra}, status=status
    )


@requires("confidential.breach.consider", on=REPORT)
def breach(request: HttpRequest, report: Report) -> HttpResponseBase:
    """The checklist; a complete one is shown once more for confirmation before it is recorded."""
    if request.method != "POST":
        return _render_breach(request, report, BreachForm())
    form = BreachForm(request.POST)
    if not form.is_valid():
        return _render_breach(request, report, form, 400)
    if request.POST.get("confirm") == "no":  # back to the checklist, everything still filled in
        return _render_breach(request, report, form)
    data = _breach_input(form)
    today = timezone.localdate()
    try:
        if request.POST.get("confirm") != "yes":
            referrals.breach_check(data, today)
            labels = condition_labels()
            return render(
                request,
                "confidential/breach_confirm.html",
                {
                    "report": report,
                    "form": form,
                    "data": data,
                    "recipient_label": ReferralTarget(data.recipient_role).label,
                    "condition_labels": [labels[c] for c in data.conditions if c in labels],
                },
            )
        referrals.breach_consider(actor=_actor(request), report=report, data=data, today=today)
    except Invalid as exc:
        add_to_form(form, exc)
        return _render_breach(request, report, form, 400)
    except Refusal as exc:
        return _render_breach(request, report, form, 409, **refusal_context(exc))
    messages.success(
        request,
        _("Vastgelegd: je overweegt de geheimhouding te doorbreken (R-103). Rond dit af op de melding."),
    )
    return redirect("confidential:report", report_id=report.pk)


@require_POST
@requires("confidential.breach.decide", on=REPORT)
def breach_decide(request: HttpRequest, report: Report) -> HttpResponseBase:
    form = BreachDecideForm(request.POST)
    if form.is_valid():
        try:
            referrals.breach_decide(
                actor=_actor(request),
                report=report,
                outcome=form.cleaned_data["outcome"],
                today=timezone.localdate(),
            )
        except Refusal as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("De afweging is afgerond; de melding is terug waar zij was."))
    else:
        messages.error(request, _("Kies hoe de afweging is afgelopen."))
    return redirect("confidential:report", report_id=report.pk)


def referral_section(actor: Actor, report: Report) -> dict[str, Any]:
    """The referral and confidentiality-review part of a report page (R-102, R-103, CC-6)."""
    vp = is_vp_of(actor, report)
    in_review = report.state == ReportState.CONFIDENTIALITY_BREACH_REVIEW
    return {
        "report": report,
        "is_vp": vp,
        "views": referrals_of_report(actor, report),
        "status": ReferralStatus,
        "can_propose": allowed(actor, "confidential.referral.propose", report),
        "anonymous": report.is_anonymous,
        "can_consider": allowed(actor, "confidential.breach.consider", report),
        "review": pending_review(actor, report) if vp and in_review else None,
        "decide_form": BreachDecideForm() if vp and in_review else None,
        "in_review": in_review,
    }
