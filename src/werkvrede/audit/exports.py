""" "Mijn gegevens" (ADR 0170): who read the person's sensitive data, as on "Wie heeft mijn gegevens
ingezien?" (ADR 0165), from the same selector; and the other audit events about the person and their
own actions (ADR 0198)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.audit.models import AuditEvent
from werkvrede.audit.reads import READ_ACTION
from werkvrede.audit.subject_reads import read_lines, reads_about
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields


def read_records(actor: Actor) -> list[ExportRecord]:
    lines = read_lines(list(reads_about(actor)))
    return [
        ExportRecord(
            "audit.read",
            _("Inzage in mijn gegevens"),
            fields(
                ("organisation", _("Organisatie"), line.organisation),
                ("reader", _("Wie"), " · ".join(p for p in (line.reader, line.roles) if p)),
                ("category", _("Welke gegevens"), f"{line.category} ({line.category_code})"),
                ("basis", _("Op welke grond"), line.basis),
            ),
            ExportRecord.when(line.occurred_at),
            source="audit.auditevent",
        )
        for line in reversed(lines)
    ] + _event_records(actor)


def _event_records(actor: Actor) -> list[ExportRecord]:
    """The rest of the audit log about the person (D21 R own, docs/rules.md fn 31; ADR 0198): what
    others did with their data — the action and the doer's roles, as the log holds them, never the
    content (R-170) — and what the person did themselves."""
    uid = actor.user_id
    about = (
        AuditEvent.objects.filter(subject_id=uid)
        .exclude(action=READ_ACTION)
        .exclude(user_id=uid)
        .select_related("organisation")
        .order_by("occurred_at", "pk")
    )
    records = [
        ExportRecord(
            "audit.event",
            _("Handeling met mijn gegevens"),
            fields(
                ("organisation", _("Organisatie"), event.organisation.name if event.organisation else ""),
                ("action", _("Handeling"), event.action),
                ("roles", _("Door (rol)"), event.roles),
                ("category", _("Welke gegevens"), event.category),
                ("basis", _("Op welke grond"), event.legal_basis),
                ("outcome", _("Uitkomst"), event.get_outcome_display()),
            ),
            ExportRecord.when(event.occurred_at),
            source="audit.auditevent",
        )
        for event in about
    ]
    own = AuditEvent.objects.filter(user_id=uid).select_related("organisation").order_by("occurred_at", "pk")
    records += [
        ExportRecord(
            "audit.own_action",
            _("Wat ik deed"),
            fields(
                ("organisation", _("Organisatie"), event.organisation.name if event.organisation else ""),
                ("action", _("Handeling"), event.action),
                ("object_type", _("Waarop"), event.object_type),
                ("outcome", _("Uitkomst"), event.get_outcome_display()),
            ),
            ExportRecord.when(event.occurred_at),
            source="audit.auditevent",
        )
        for event in own
    ]
    return records


SECTION = ExportSection(
    key="audit",
    title=gettext_lazy("Wie heeft mijn gegevens ingezien of gebruikt?"),
    provider=read_records,
    order=130,
    scope="person",
    sources=("audit.auditevent",),
    left_out=(),
)
