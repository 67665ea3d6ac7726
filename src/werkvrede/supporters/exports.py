""" "Mijn gegevens" (ADR 0170): the supporter grants the person gave or holds, and the preparation
space (D17): all of it for the supported employee (R), what they wrote themselves for the supporter."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.audit.reads import role_basis
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import AccessDenied, allowed
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.vault.services import unseal


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
                source="supporters.supportergrant",
            )
        )
        if not allowed(actor, "supporters.grant.view", grant):
            continue
        notes = PreparationNote.objects.filter(grant=grant).select_related("sealed", "author")
        if not as_employee:
            # The supporter's own writing only: the rest is the employee's, not opened for this.
            notes = notes.filter(author_id=uid)
        for note in notes.order_by("created_at", "pk"):
            try:
                text = unseal(
                    actor=actor,
                    sealed=note.sealed,
                    action="supporters.note.read",
                    subjects=[grant.employee_id],
                    case_id=grant.case_id,
                    basis=role_basis("WN" if as_employee else "SUP"),
                )
            except AccessDenied:
                continue
            records.append(
                ExportRecord(
                    "supporters.note",
                    _("Voorbereiding: %(section)s") % {"section": note.get_section_display()},
                    fields(
                        ("section", _("Onderdeel"), note.get_section_display()),
                        (
                            "author",
                            _("Geschreven door"),
                            _("mij") if note.author_id == uid else note.author.full_name,
                        ),
                        ("text", _("Tekst"), text),
                    ),
                    ExportRecord.when(note.created_at),
                    source="supporters.preparationnote",
                )
            )
    return records


SECTION = ExportSection(
    key="supporters",
    title=gettext_lazy("Ondersteuning"),
    provider=supporter_records,
    order=60,
    scope="organisation",
    sources=(
        "supporters.supportergrant",
        "supporters.preparationnote",
    ),
    left_out=(),
)
