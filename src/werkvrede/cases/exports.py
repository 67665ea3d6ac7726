""" "Mijn gegevens" (ADR 0170, 0198): the cases the person takes part in and the accounts (D05) they may
read; for a party also their side and role, the timeline and the Glasl history as the case page shows
them (`timeline_for`), the deadlines of the categories they may read (`deadlines_for`) and, for the
employee, the legal holds (category and dates; the reason is for the handlers, ADR 0101).

Own accounts always; another's account only where the matrix gives a party "R shared" (D05), through
the same selector as the case page (`notes_for`). A private account of another party stays out, and
so does what a handler wrote for the handlers: that is not given to the party (docs/rules.md §2.3).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.cases.models import (
    Case,
    CaseNote,
    CaseParticipant,
    CaseParty,
    CaseRole,
    GlaslRecord,
    TimelineEvent,
)
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import (
    case_get_for,
    deadlines_for,
    legal_holds_of,
    notes_for,
    timeline_for,
)
from werkvrede.cases.templatetags.cases_tags import spec_text, timeline_text
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.policy import NotVisible, allowed

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
    opened: list[int] = []
    for case in cases:
        # The person's own rows in the case, read once: for the summary and for their own records.
        participants = list(CaseParticipant.objects.filter(case=case, user_id=uid).order_by("pk"))
        parties = list(CaseParty.objects.filter(case=case, user_id=uid).order_by("pk"))
        roles = {p.role for p in participants}
        sides = [p.get_side_display() for p in parties]
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
                source="cases.case",
            )
        )
        try:
            access = case_get_for(actor, case.pk)
        except NotVisible:
            readable: list[CaseNote] = []
            access_ok = False
        else:
            readable = notes_for(actor, access)
            access_ok = True
        is_party = bool(roles & PARTY_ROLES) or bool(sides)
        for note in readable:
            own = note.author_id == uid
            if not own and not (is_party and note.visibility == CaseNote.Visibility.SHARED):
                continue
            records.append(_note_record(case, note, own))
        records += _role_records(case, parties, participants)
        if access_ok:
            records += _case_facts(actor, access, is_party)
            opened.append(case.pk)
    # What the person did in a case they do not open (a mediator's "mediation started"): their own act.
    own_events = TimelineEvent.objects.filter(
        actor_id=uid, case__organisation_id=actor.organisation_id
    ).exclude(case_id__in=opened)
    for event in own_events.select_related("case", "actor").order_by("occurred_at", "pk"):
        records.append(
            ExportRecord(
                "cases.timeline",
                _("Gebeurtenis in zaak %(reference)s") % {"reference": event.case.reference},
                fields(
                    ("kind", _("Soort"), event.kind),
                    ("text", _("Wat er gebeurde"), timeline_text(event)),
                    ("by_me", _("Door mij"), True),
                ),
                ExportRecord.when(event.occurred_at),
                source="cases.timelineevent",
            )
        )
    # Own accounts in a case the person no longer opens are still theirs.
    shown = {r.fields[0].value for r in records if r.kind == "cases.note"}
    for note in CaseNote.objects.filter(author_id=uid, case__organisation_id=actor.organisation_id).exclude(
        pk__in=[v for v in shown if isinstance(v, int)]
    ):
        records.append(_note_record(note.case, note, True))
    return records


def _role_records(
    case: Case, parties: list[CaseParty], participants: list[CaseParticipant]
) -> list[ExportRecord]:
    """The person's own side (CaseParty) and roles (CaseParticipant) in the case: rows about them."""
    ref = {"reference": case.reference}
    records = [
        ExportRecord(
            "cases.party",
            _("Partij in zaak %(reference)s") % ref,
            fields(
                ("side", _("Partij als"), party.get_side_display()),
                ("name", _("Naam"), party.name),
                ("is_group", _("Groep"), party.is_group),
                ("feels_obstructed", _("Voelt zich belemmerd"), party.feels_obstructed),
                (
                    "legal_assistance_since",
                    _("Juridische bijstand sinds"),
                    ExportRecord.when(party.legal_assistance_since),
                ),
            ),
            ExportRecord.when(case.signalled_on),
            source="cases.caseparty",
        )
        for party in parties
    ]
    records += [
        ExportRecord(
            "cases.participant",
            _("Rol in zaak %(reference)s") % ref,
            fields(
                ("role", _("Rol"), participant.get_role_display()),
                ("question", _("Hulpvraag"), participant.question),
            ),
            ExportRecord.when(participant.added_at),
            source="cases.caseparticipant",
        )
        for participant in participants
    ]
    return records


def _case_facts(actor: Actor, access: CaseAccess, is_party: bool) -> list[ExportRecord]:
    """What the case page shows this person of the case's history: all of it for a party (the facts are
    about them, D05), only what they did themselves for anyone else (their own actions)."""
    uid = actor.user_id
    ref = {"reference": access.case.reference}
    records: list[ExportRecord] = []
    for event in timeline_for(actor, access):
        if not is_party and event.actor_id != uid:
            continue
        records.append(
            ExportRecord(
                "cases.timeline",
                _("Gebeurtenis in zaak %(reference)s") % ref,
                fields(
                    ("kind", _("Soort"), event.kind),
                    ("text", _("Wat er gebeurde"), timeline_text(event)),
                    ("by_me", _("Door mij"), event.actor_id == uid),
                ),
                ExportRecord.when(event.occurred_at),
                source="cases.timelineevent",
            )
        )
    # The Glasl history is on the timeline ("glasl.recorded", visible to whoever opens the case).
    glasl = GlaslRecord.objects.filter(case=access.case).select_related("recorded_by")
    if allowed(actor, "cases.case.view", access):
        for record in glasl.order_by("recorded_at", "pk"):
            if not is_party and record.recorded_by_id != uid:
                continue
            records.append(
                ExportRecord(
                    "cases.glasl",
                    _("Escalatiefase in zaak %(reference)s") % ref,
                    fields(
                        ("stage", _("Glasl-fase"), record.stage),
                        ("conflict_type", _("Soort conflict"), record.get_conflict_type_display()),
                        (
                            "recorded_by",
                            _("Vastgelegd door"),
                            _("mij") if record.recorded_by_id == uid else record.recorded_by.full_name,
                        ),
                    ),
                    ExportRecord.when(record.recorded_at),
                    source="cases.glaslrecord",
                )
            )
    if is_party:
        for item in deadlines_for(actor, access, today=timezone.localdate()):
            deadline = item.deadline
            records.append(
                ExportRecord(
                    "cases.deadline",
                    _("Termijn %(code)s in zaak %(reference)s") % {"code": deadline.code, **ref},
                    fields(
                        ("code", _("Code"), deadline.code),
                        ("text", _("Omschrijving"), spec_text(deadline.code)),
                        ("subject", _("Onderwerp"), deadline.subject),
                        ("status", _("Status"), deadline.get_status_display()),
                        ("due", _("Uiterlijk"), ExportRecord.when(deadline.due)),
                        ("done_on", _("Gedaan op"), ExportRecord.when(deadline.done_on)),
                        ("basis", _("Grondslag"), deadline.basis),
                    ),
                    ExportRecord.when(deadline.due),
                    source="cases.casedeadline",
                )
            )
    if allowed(actor, "cases.legal_hold.view", access):
        # Category and dates; the reason text names proceedings or third parties and is for those
        # who manage the hold (ADR 0101), so it is withheld in the registry (ADR 0198).
        for hold in legal_holds_of(access):
            if not is_party and uid not in (hold.set_by_id, hold.lifted_by_id):
                continue
            records.append(
                ExportRecord(
                    "cases.legal_hold",
                    _("Bewaarplicht voor zaak %(reference)s") % ref,
                    fields(
                        ("category", _("Grond"), hold.get_category_display()),
                        ("set_at", _("Ingesteld op"), ExportRecord.when(hold.set_at)),
                        ("lifted_at", _("Opgeheven op"), ExportRecord.when(hold.lifted_at)),
                    ),
                    ExportRecord.when(hold.set_at),
                    source="cases.legalhold",
                )
            )
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
        source="cases.casenote",
    )


SECTION = ExportSection(
    key="cases",
    title=gettext_lazy("Zaken en verslagen"),
    provider=case_records,
    order=20,
    scope="organisation",
    sources=(
        "cases.case",
        "cases.casenote",
        "cases.caseparty",
        "cases.caseparticipant",
        "cases.timelineevent",
        "cases.glaslrecord",
        "cases.casedeadline",
        "cases.legalhold",
    ),
    left_out=(
        gettext_lazy(
            "Verslagen die een ander alleen voor zichzelf of alleen voor de behandelaars schreef "
            "(D05: alleen gedeelde verslagen van anderen)."
        ),
        gettext_lazy(
            "De reden van een bewaarplicht op een zaak: die kan procedures of anderen noemen en is "
            "voor HR en de casemanager."
        ),
    ),
)
