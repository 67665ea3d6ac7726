""" "Mijn gegevens" (ADR 0170): who read the person's sensitive data, as on "Wie heeft mijn gegevens
ingezien?" (ADR 0165), from the same selector."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
        )
        for line in reversed(lines)
    ]


SECTION = ExportSection(
    key="audit",
    title=gettext_lazy("Wie heeft mijn gegevens ingezien?"),
    provider=read_records,
    order=130,
    scope="person",
    left_out=(),
)
