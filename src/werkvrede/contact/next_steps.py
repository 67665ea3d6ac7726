""" "Wat nu?" for a mediator: new contact requests addressed to them, to read and take up."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkvrede.contact.models import ContactRequest
from werkvrede.contact.selectors import requests_for
from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep

LIMIT = 20


def contact_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    # A contact request belongs to no case: it only shows on the start page.
    if case_id is not None:
        return []
    waiting = requests_for(actor).filter(status=ContactRequest.Status.NEW)[:LIMIT]
    return [
        NextStep(
            kind="contact.request",
            text=_("Nieuwe contactaanvraag van %(when)s: lees hem en pak hem op.")
            % {"when": date_format(timezone.localtime(request.created_at), "j F")},
            url=reverse("contact:detail", args=[request.pk]),
            button=_("Aanvraag lezen"),
            today=today,
        )
        for request in waiting
    ]
