"""A legal hold on a person, shown where their owners look: the person's page and their cases' hold
panel (R-140, docs/adr/0176-legal-holds-on-a-person.md). The reason only for HR and the Beheerder."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkvrede.accounts.models import Membership
from werkvrede.core.actor import Actor
from werkvrede.core.person_notices import PersonNotice
from werkvrede.core.policy import allowed
from werkvrede.retention.selectors import holds_on_people


def person_hold_notices(actor: Actor, organisation_id: int, user_ids: Iterable[int]) -> list[PersonNotice]:
    ids = list(user_ids)
    holds = holds_on_people(organisation_id, ids)
    manage = allowed(actor, "retention.person_hold.list", None)
    if not manage or not (holds or len(ids) == 1):
        # Links go to holds shown, or to the one person's page where a hold is placed.
        links: dict[int, int] = {}
    else:
        links = dict(
            Membership.objects.filter(organisation_id=organisation_id, user_id__in=ids).values_list(
                "user_id", "pk"
            )
        )
    notices = []
    if manage and len(ids) == 1 and not holds and ids[0] in links:
        # The person's own page: where HR and the Beheerder place a hold.
        link = reverse("retention:person-hold", args=[links[ids[0]]])
        return [PersonNotice(ids[0], "", link, _("Bewaarplicht instellen"))]
    for hold in holds:
        text = _(
            "Bewaarplicht op %(name)s sinds %(day)s (%(category)s): niets over deze persoon wordt verwijderd."
        ) % {
            "name": hold.person.full_name,
            "day": date_format(hold.set_at, "j F Y"),
            "category": hold.get_category_display(),
        }
        if manage:
            text = f"{text} {_('Reden')}: {hold.reason}"
        link = (
            reverse("retention:person-hold", args=[links[hold.person_id]]) if hold.person_id in links else ""
        )
        notices.append(PersonNotice(hold.person_id, text, link, _("Bewaarplicht bekijken") if link else ""))
    return notices
