"""Who read my data: the audited reads of one person's sensitive data, for that person (NEN 7513).

Every read of a sensitive category is an `audit.data.read` event naming its data subject
(`audit/reads.py`). This module shows a person those events, in words: when, in which organisation,
who (a professional by name, anyone else by their role only), which category and on which basis.
Reads by the person themselves are left out: they are not what the right of access is about
(docs/adr/0165-who-read-my-data.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.audit.models import AuditEvent, Outcome
from werkvrede.audit.reads import READ_ACTION
from werkvrede.core.actor import Actor
from werkvrede.core.pagination import WindowPage, window_page
from werkvrede.core.policy import allowed, record_denial
from werkvrede.core.roles import PROFESSIONAL_ROLES, Role
from werkvrede.core.templatetags.codes import code_words

VIEW = "audit.own_reads.view"
PER_PAGE = 50
# A reader in one of these roles is named; anyone else (the other party, a supporter) by role only.
NAMED_ROLES = frozenset(str(r) for r in PROFESSIONAL_ROLES | {Role.LINE_MANAGER})
_RELATIONS = {
    "PARTY": gettext_lazy("partij in de mediation"),
    "MEDIATOR": gettext_lazy("mediator"),
    "melder": gettext_lazy("melder"),
}


@dataclass(frozen=True)
class ReadLine:
    occurred_at: datetime
    organisation: str
    reader: str  # the name of a professional, or "" when only the role is shown
    roles: str  # the reader's roles in words
    category_code: str
    category: str
    basis: str  # in words
    emergency: bool
    records: int


def reads_about(actor: Actor) -> QuerySet[AuditEvent]:
    """The reads of this person's sensitive data by others, newest first (index subject, time)."""
    if actor.user_id is None or not allowed(actor, VIEW):
        record_denial(actor, VIEW)
        return AuditEvent.objects.none()
    return (
        AuditEvent.objects.filter(subject_id=actor.user_id, action=READ_ACTION, outcome=Outcome.ALLOWED)
        .exclude(user_id=actor.user_id)
        .select_related("organisation")
        .order_by("-occurred_at", "-pk")
    )


def _role_words(codes: str) -> list[str]:
    words = []
    for code in (c for c in codes.replace("+", ",").split(",") if c):
        try:
            words.append(str(Role(code).label))
        except ValueError:
            words.append(str(_RELATIONS.get(code, code)))
    return words


def _basis_words(basis: str) -> str:
    if basis == "emergency":
        return _("in een noodgeval")
    if basis.startswith("consent:"):
        return _("met je toestemming")
    if basis.startswith("role:"):
        return _("op grond van de rol: %(roles)s") % {"roles": ", ".join(_role_words(basis[5:]))}
    return _("als %(role)s") % {"role": ", ".join(_role_words(basis))}


def read_lines(events: list[AuditEvent]) -> list[ReadLine]:
    """The events in words, readers named only when they read in a professional role."""
    reader_ids = {e.user_id for e in events if e.user_id and NAMED_ROLES & set(e.roles.split(","))}
    names = dict(get_user_model().objects.filter(pk__in=reader_ids).values_list("pk", "full_name"))
    lines = []
    for event in events:
        lines.append(
            ReadLine(
                occurred_at=event.occurred_at,
                organisation=event.organisation.name if event.organisation else "",
                reader=names.get(event.user_id, "") if event.user_id else "",
                roles=", ".join(_role_words(event.roles)),
                category_code=event.category,
                category=code_words(event.category),
                basis=_basis_words(event.legal_basis),
                emergency=event.legal_basis == "emergency",
                records=int(event.data.get("records", 1) or 1),
            )
        )
    return lines


def reads_page(actor: Actor, page: str | None) -> tuple[WindowPage[AuditEvent], list[ReadLine]]:
    window = window_page(reads_about(actor), page, PER_PAGE)
    return window, read_lines(window.object_list)
