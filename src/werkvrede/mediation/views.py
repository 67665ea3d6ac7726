"""Pages of the mediation context. Thin: forms validate, selectors read, services write."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from werkvrede.cases.selectors import case_get_for
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, hidden
from werkvrede.mediation import selectors


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("cases.case.list")
def case_section(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case's Mediation tab: status only (D14 "N", R-084); links for those who take part."""
    actor = _actor(request)
    access = case_get_for(actor, case_id)
    if not allowed(actor, "mediation.case_section.view", access):
        raise hidden(actor, "mediation.case_section.view", access.case)
    rows: list[dict[str, Any]] = []
    for mediation in selectors.mediations_of_case(access.case):
        related = selectors.access_of(actor, mediation)
        rows.append(
            {
                "notice": selectors.status_notice(mediation),
                "mediation": mediation,
                "can_open": bool(related.relations - {"CASE"}),
            }
        )
    context = {
        "case": access.case,
        "rows": rows,
        "can_refer": allowed(actor, "mediation.mediation.refer", access),
    }
    return render(request, "mediation/case_section.html", context)
