"""Reads of the retention context: the purge report (counts only) and the legal holds on people."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from werkvrede.accounts.models import Membership
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, authorize
from werkvrede.notifications.outbox import retention_days as outbox_retention_days
from werkvrede.protocol.selectors import protocol_for
from werkvrede.retention.models import PersonHold, PurgeRun
from werkvrede.retention.purge import warning_days
from werkvrede.retention.terms import term_labels


def purge_runs_for(actor: Actor, *, limit: int = 30) -> list[PurgeRun]:
    """The organisation's latest reports, newest first (R-149: counts, never who or what)."""
    authorize(actor, "retention.report.view", None)
    return list(PurgeRun.objects.filter(organisation_id=actor.organisation_id or 0)[:limit])


@dataclass(frozen=True)
class TermInForce:
    rule: str
    label: str | Promise
    length: str


def terms_in_force(organisation_id: int) -> list[TermInForce]:
    """The terms as they run for the organisation (its protocol within the legal bounds)."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    p = protocol_for(organisation_id)
    labels = term_labels()

    def years(n: int) -> str:
        return ngettext("%(n)d jaar", "%(n)d jaar", n) % {"n": n}

    case_years = min(p.retention_admin_absence_years, p.retention_reintegration_years)
    return [
        TermInForce(
            "R-140", labels["R-140"], _("%(term)s na afsluiting van de zaak") % {"term": years(case_years)}
        ),
        TermInForce(
            "R-144",
            labels["R-144"],
            _("%(term)s na de laatste wijziging") % {"term": years(p.retention_ba_medical_years)},
        ),
        TermInForce(
            "R-145",
            labels["R-145"],
            _("%(days)d dagen nadat het dossier in het jaarverslag is geteld") % {"days": warning_days()},
        ),
        TermInForce(
            "R-146",
            labels["R-146"],
            _(
                "%(term)s na het einde, met wie er deelnamen; de mediation zelf zodra geen zaak er meer "
                "naar verwijst"
            )
            % {"term": years(p.retention_mediation_years)},
        ),
        TermInForce(
            "R-147",
            labels["R-147"],
            ngettext(
                "%(n)d maand na het einde van de steun",
                "%(n)d maanden na het einde van de steun",
                p.retention_supporter_notes_months,
            )
            % {"n": p.retention_supporter_notes_months},
        ),
        TermInForce(
            "R-148",
            labels["R-148"],
            _("%(term)s na afsluiting") % {"term": years(p.retention_whistleblower_years)},
        ),
        TermInForce(
            "R-140",
            labels["CONSENT"],
            _(
                "%(term)s na intrekking of vervaldatum, en niet voordat de zaken waarover zij ging zijn "
                "verwijderd"
            )
            % {"term": years(p.retention_admin_absence_years)},
        ),
        TermInForce("CONTACT", labels["CONTACT"], _("90 dagen na ontvangst")),
        TermInForce(
            "OUTBOX",
            labels["OUTBOX"],
            _("%(days)s dagen na verzending; een e-mail die nog wacht blijft")
            % {"days": outbox_retention_days()},
        ),
    ]


def active_person_holds_for(actor: Actor) -> list[PersonHold]:
    authorize(actor, "retention.person_hold.list", None)
    return list(
        PersonHold.objects.filter(
            organisation_id=actor.organisation_id or 0, lifted_at__isnull=True
        ).select_related("person", "set_by")
    )


def person_holds_of(actor: Actor, membership: Membership) -> list[PersonHold]:
    """Every hold on the person, active first then history (R-140)."""
    authorize(actor, "retention.person_hold.manage", membership)
    return sorted(
        PersonHold.objects.filter(
            organisation_id=membership.organisation_id, person_id=membership.user_id
        ).select_related("set_by", "lifted_by"),
        key=lambda h: (not h.active, -h.set_at.timestamp()),
    )


def holds_on_people(organisation_id: int, user_ids: Iterable[int]) -> list[PersonHold]:
    # Prefetched, not joined: the case page asks this for every view and almost never finds a hold;
    # the join's SQL cost more to compile than the query took (#18).
    return list(
        PersonHold.objects.filter(
            organisation_id=organisation_id, person_id__in=list(user_ids), lifted_at__isnull=True
        ).prefetch_related("person")
    )


def may_see_person_holds(actor: Actor) -> bool:
    return allowed(actor, "retention.person_hold.list", None)
