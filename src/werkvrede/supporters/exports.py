""" "Mijn gegevens" (ADR 0170): the supporter grants the person gave or holds, and the preparation
space (D17): all of it for the supported employee (R), what they wrote themselves for the supporter."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import AccessDenied, allowed
from werkvrede.supporters.models import SupporterGrant
from werkvrede.supporters.selectors import preparation_for


def supporter_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    uid = actor.user_id
    records: list[ExportRecord] = []
    grants = (
        SupporterGrant.objects.filter(organisation_id=actor.organisation_id)
        .filter(Q(employee_id=uid) | Q(supporter_id=uid))
        .select_related("employee", "supporter")
        .order_by("invited_at", "pk")
    )
    for grant in grants:
        as_employee = grant.employee_id == uid
        records.append(
            ExportRecord(
                "supporters.grant",
                _("Ondersteuner in mijn zaak") if as_employee else _("Ik ondersteun"),
                fields(
                    (
                        "person",
                        _("Ondersteuner") if as_employee else _("Werknemer"),
                        (grant.supporter.full_name if grant.accepted_at else grant.invited_name)
                        if as_employee
                        else grant.employee.full_name,
                    ),
                    ("accepted_at", _("Aangenomen op"), ExportRecord.when(grant.accepted_at)),
                    ("revoked_at", _("Ingetrokken op"), ExportRecord.when(grant.revoked_at)),
                ),
                ExportRecord.when(grant.invited_at),
            )
        )
        if not allowed(actor, "supporters.grant.view", grant):
            continue
        try:
            sections = preparation_for(actor, grant)
        except AccessDenied:
            continue
        for notes in sections.values():
            for view in notes:
                if not as_employee and view.note.author_id != uid:
                    continue
                records.append(
                    ExportRecord(
                        "supporters.note",
                        _("Voorbereiding: %(section)s") % {"section": view.note.get_section_display()},
                        fields(
                            ("section", _("Onderdeel"), view.note.get_section_display()),
                            (
                                "author",
                                _("Geschreven door"),
                                _("mij") if view.note.author_id == uid else view.note.author.full_name,
                            ),
                            ("text", _("Tekst"), view.text),
                        ),
                        ExportRecord.when(view.note.created_at),
                    )
                )
    return records


SECTION = ExportSection(
    key="supporters",
    title=gettext_lazy("Ondersteuning"),
    provider=supporter_records,
    order=60,
    scope="organisation",
    left_out=(),
)
