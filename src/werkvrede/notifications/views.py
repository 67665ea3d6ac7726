"""The Beheerder's page of failed e-mail: how many, to which role, and a way to send them again."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from werkvrede.core.access import requires
from werkvrede.core.roles import Role
from werkvrede.notifications import outbox, selectors


def role_labels(codes: str) -> str:
    """Role codes ("HR,CM") as the roles' names; an unknown code as it is."""
    labels = []
    for code in filter(None, codes.split(",")):
        try:
            labels.append(str(Role(code).label))
        except ValueError:
            labels.append(code)
    return ", ".join(labels) or "—"


@requires("notifications.mail.view")
def failed_mail(request: HttpRequest) -> HttpResponse:
    rows = selectors.failed_mail_for(request.actor)  # type: ignore[attr-defined]
    return render(
        request,
        "notifications/failed_mail.html",
        {
            "rows": [(role_labels(row.recipient_role), row) for row in rows],
            "total": sum(row.count for row in rows),
        },
    )


@requires("notifications.mail.resend")
def failed_mail_resend(request: HttpRequest) -> HttpResponseBase:
    """Confirm (GET) and queue again (POST) every failed e-mail of the organisation."""
    actor = request.actor  # type: ignore[attr-defined]
    if request.method == "POST":
        count = outbox.failed_mail_resend(actor=actor)
        messages.success(
            request,
            ngettext(
                "%(count)d e-mail wordt opnieuw verstuurd.",
                "%(count)d e-mails worden opnieuw verstuurd.",
                count,
            )
            % {"count": count},
        )
        return redirect("notifications:failed-mail")
    rows = selectors.failed_mail_for(actor)
    return render(request, "notifications/failed_mail_resend.html", {"total": sum(r.count for r in rows)})
