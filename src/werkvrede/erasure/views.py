"""The Beheerder's erasure of a person's data: the preview and the confirmed erasure (AVG art. 17)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership
from werkvrede.accounts.selectors import MEMBERSHIP
from werkvrede.core.access import requires
from werkvrede.core.refusals import refusal_context
from werkvrede.erasure import services
from werkvrede.erasure.forms import EraseForm
from werkvrede.erasure.plan import ANONYMISED, GOES, STAYS, Plan, plan_for
from werkvrede.erasure.policies import ERASE


def _context(plan: Plan, form: EraseForm) -> dict[str, Any]:
    return {
        "membership": plan.membership,
        "plan": plan,
        "goes": [i for i in plan.items if i.verdict in (GOES, ANONYMISED)],
        "stays": [i for i in plan.items if i.verdict == STAYS],
        "form": form,
    }


@requires(ERASE, on=MEMBERSHIP)
def erase(request: HttpRequest, membership: Membership) -> HttpResponseBase:
    """Preview (GET) and, after the typed name and the tick, erase (POST)."""
    actor = request.actor  # type: ignore[attr-defined]
    today = timezone.localdate()
    name = membership.user.full_name
    form = EraseForm(request.POST or None, expected_name=name)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase(actor=actor, membership=membership, today=today)
        except services.ErasureBlocked as exc:
            plan = plan_for(membership, today=today)
            context = {**_context(plan, form), **refusal_context(exc)}
            return render(request, "erasure/preview.html", context, status=409)
        messages.success(
            request,
            _(
                "De gegevens van %(name)s zijn gewist voor zover de wet dat toelaat; het auditlog noemt "
                "de aantallen."
            )
            % {"name": name},
        )
        return redirect("accounts:person", membership_id=membership.pk)
    plan = services.preview(actor=actor, membership=membership, today=today)
    status = 400 if form.is_bound else 200
    return render(request, "erasure/preview.html", _context(plan, form), status=status)
