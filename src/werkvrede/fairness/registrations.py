"""The line on the case page for a party who may still say whether a phase felt fair."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import CaseNotice
from werkvrede.cases.models import Case
from werkvrede.core.actor import Actor
from werkvrede.fairness.selectors import pending_for_case


def case_notices(actor: Actor, case: Case) -> list[CaseNotice]:
    return [
        CaseNotice(q.label, q.url, _("Drie vragen beantwoorden")) for q in pending_for_case(actor, case.pk)
    ]
