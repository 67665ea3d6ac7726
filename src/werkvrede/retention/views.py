"""The retention pages: the purge report for the Beheerder (counts only) and legal holds on people."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.accounts.models import Membership
from werkvrede.accounts.selectors import MEMBERSHIP
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import MedicalTermsFound
from werkvrede.retention import selectors, services
from werkvrede.retention.forms import PersonHoldForm, PersonHoldLiftForm
from werkvrede.retention.terms import term_labels


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("retention.report.view")
def report(request: HttpRequest) -> HttpResponse:
    """What the daily run deleted, per retention rule and data category, in counts (R-149)."""
    actor = _actor(request)
    labels = term_labels()
    runs = [
        (
            run,
            [
                (labels.get(rule, rule), rule, sorted(rows.items()))
                for rule, rows in sorted(run.purged.items())
            ],
            [(labels.get(rule, rule), n) for rule, n in sorted(run.held.items())],
            [(labels.get(rule, rule), n) for rule, n in sorted(run.warned.items())],
        )
        for run in selectors.purge_runs_for(actor)
    ]
    return render(
        request,
        "retention/report.html",
        {"runs": runs, "terms": selectors.terms_in_force(actor.organisation_id or 0)},
    )


@requires("retention.person_hold.list")
def holds(request: HttpRequest) -> HttpResponse:
    """The people of the organisation under a legal hold (R-140)."""
    return render(
        request, "retention/holds.html", {"holds": selectors.active_person_holds_for(_actor(request))}
    )


def _person_context(actor: Actor, membership: Membership, **forms: Any) -> dict[str, Any]:
    history = selectors.person_holds_of(actor, membership)
    active = next((h for h in history if h.active), None)
    return {
        "membership": membership,
        "active": active,
        "history": [h for h in history if not h.active],
        "form": forms.get("form") or (PersonHoldForm() if active is None else None),
        "lift_form": forms.get("lift_form") or (PersonHoldLiftForm() if active is not None else None),
    }


def _medical(form: Any, exc: MedicalTermsFound) -> None:
    for field, terms in exc.terms.items():
        form.add_error(field, _("Geen medische gegevens: %(terms)s") % {"terms": ", ".join(terms)})


@requires("retention.person_hold.manage", on=MEMBERSHIP)
def person_hold(request: HttpRequest, membership: Membership) -> HttpResponseBase:
    """A person's legal hold: shown, placed with its reason (R-140)."""
    actor = _actor(request)
    if request.method != "POST":
        return render(request, "retention/person_hold.html", _person_context(actor, membership))
    form = PersonHoldForm(request.POST)
    if form.is_valid():
        try:
            services.person_hold_place(
                actor=actor,
                person_id=membership.user_id,
                category=form.cleaned_data["category"],
                reason=form.cleaned_data["reason"],
            )
        except MedicalTermsFound as exc:
            _medical(form, exc)
        except services.PersonHoldError:
            form.add_error(None, _("Op deze persoon staat al een bewaarplicht."))
        else:
            messages.success(
                request, _("De bewaarplicht is ingesteld. Niets over deze persoon wordt verwijderd.")
            )
            return redirect("retention:person-hold", membership_id=membership.pk)
    return render(
        request, "retention/person_hold.html", _person_context(actor, membership, form=form), status=400
    )


@require_POST
@requires("retention.person_hold.manage", on=MEMBERSHIP)
def person_hold_lift(request: HttpRequest, membership: Membership) -> HttpResponseBase:
    """Lift the person's legal hold explicitly, with a reason; the retention terms run again."""
    actor = _actor(request)
    form = PersonHoldLiftForm(request.POST)
    active = next((h for h in selectors.person_holds_of(actor, membership) if h.active), None)
    if form.is_valid():
        try:
            if active is None:
                raise services.PersonHoldError("no active hold")
            services.person_hold_lift(
                actor=actor, hold_id=active.pk, lift_reason=form.cleaned_data["lift_reason"]
            )
        except MedicalTermsFound as exc:
            _medical(form, exc)
        except services.PersonHoldError:
            form.add_error(None, _("Op deze persoon staat geen bewaarplicht."))
        else:
            messages.success(request, _("De bewaarplicht is opgeheven. De bewaartermijnen lopen weer."))
            return redirect("retention:person-hold", membership_id=membership.pk)
    context = _person_context(actor, membership, lift_form=form)
    return render(request, "retention/person_hold.html", context, status=400)
