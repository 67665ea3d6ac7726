""" "Wat nu?" for a supporter: invitations to support someone that they have not opened yet."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep
from werkvrede.supporters.selectors import grants_supported_by


def supporter_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    # Opening the preparation accepts the invitation; the case itself stays closed to the supporter,
    # so the item never names it (D17).
    if case_id is not None:
        return []
    return [
        NextStep(
            kind="supporters.invitation",
            text=_("%(name)s vraagt je als steunpersoon. Open de gezamenlijke voorbereiding.")
            % {"name": grant.employee.full_name},
            url=reverse("supporters:grant", args=[grant.pk]),
            button=_("Voorbereiding openen"),
            today=today,
        )
        for grant in grants_supported_by(actor)
        if grant.accepted_at is None
    ]
