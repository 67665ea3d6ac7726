""" "Mijn gegevens" (ADR 0170): the cases the person takes part in and the accounts (D05) they may read.

Own accounts always; another's account only where the matrix gives a party "R shared" (D05), through
the same selector as the case page (`notes_for`). A private account of another party stays out, and
so does what a handler wrote for the handlers: that is not given to the party (docs/rules.md §2.3).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.cases.models import Case, CaseNote, CaseParticipant, CaseParty, CaseRole
from werkvrede.cases.selectors import case_get_for, notes_for
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import NotVisible

PARTY_ROLES = frozenset({CaseRole.EMPLOYEE, CaseRole.OTHER_PARTY})


def case_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    uid = actor.user_id
    cases = (
        Case.objects.filter(organisation_id=actor.organisation_id)
        .filter(Q(participants__user_id=uid) | Q(parties__user_id=uid))
        .distinct()
        .order_by("signalled_on", "pk")
    )
    records: list[ExportRecord] = []
    for case in cases:
        roles = set(CaseParticipant.objects.filter(case=case, user_id=uid).values_list("role", flat=True))
        sides = [p.get_side_display() for p in CaseParty.objects.filter(case=case, user_id=uid)]
        records.append(
            ExportRecord(
                "cases.case",
                _("Zaak %(reference)s") % {"reference": case.reference},
                fields(
                    ("reference", _("Kenmerk"), case.reference),
                    ("state", _("Status"), case.get_state_display()),
                    ("signalled_on", _("Gesignaleerd op"), case.signalled_on.isoformat()),
                    ("signalled_by_me", _("Door mij gesignaleerd"), case.signalled_by_id == uid),
                    ("roles", _("Mijn rol"), ", ".join(str(CaseRole(r).label) for r in sorted(roles))),
                    ("party", _("Partij als"), ", ".join(str(s) for s in sides)),
                ),
                ExportRecord.when(case.signalled_on),
            )
        )
        try:
            access = case_get_for(actor, case.pk)
        except NotVisible:
            readable: list[CaseNote] = []
        else:
            readable = notes_for(actor, access)
        is_party = bool(roles & PARTY_ROLES) or bool(sides)
        for note in readable:
            own = note.author_id == uid
            if not own and not (is_party and note.visibility == CaseNote.Visibility.SHARED):
                continue
            records.append(_note_record(case, note, own))
    # Own accounts in a case the person no longer opens are still theirs.
    shown = {r.fields[0].value for r in records if r.kind == "cases.note"}
    for note in CaseNote.objects.filter(author_id=uid, case__organisation_id=actor.organisation_id).exclude(
        pk__in=[v for v in shown if isinstance(v, int)]
    ):
        records.append(_note_record(note.case, note, True))
    return records


def _note_record(case: Case, note: CaseNote, own: bool) -> ExportRecord:
    return ExportRecord(
        "cases.note",
        _("Mijn verslag in zaak %(reference)s") % {"reference": case.reference}
        if own
        else _("Gedeeld verslag in zaak %(reference)s") % {"reference": case.reference},
        fields(
            ("id", _("Nummer"), note.pk),
            ("author", _("Geschreven door"), _("mij") if own else note.author.full_name),
            ("visibility", _("Zichtbaar voor"), note.get_visibility_display()),
            ("text", _("Tekst"), note.text),
        ),
        ExportRecord.when(note.created_at),
    )


SECTION = ExportSection(
    key="cases",
    title=gettext_lazy("Zaken en verslagen"),
    provider=case_records,
    order=20,
    scope="organisation",
    left_out=(
        gettext_lazy(
            "Verslagen die een ander alleen voor zichzelf of alleen voor de behandelaars schreef "
            "(D05: alleen gedeelde verslagen van anderen)."
        ),
    ),
)
