""" "Wat nu?" for the employee and the employer's signatory: a termination agreement waiting for their
signature (R-091); the last signature concludes it (R-093)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import NextStep
from werkvrede.core.policy import allowed
from werkvrede.documents.services import pending_signers
from werkvrede.mediation import policies as p
from werkvrede.mediation.models import TerminationAgreement, TerminationState
from werkvrede.mediation.selectors import termination_relations
from werkvrede.mediation.termination import agreement_document


def termination_steps(actor: Actor, *, today: date, case_id: int | None = None) -> list[NextStep]:
    uid = actor.user_id or 0
    agreements = TerminationAgreement.objects.filter(
        Q(employee_id=uid) | Q(employer_signatory_id=uid),
        organisation_id=actor.organisation_id or 0,
        state=TerminationState.DRAFT,
    ).prefetch_related("mediation")
    # A prefetch, not a join: almost no one has an agreement to sign, and the join's SQL cost about
    # 1.3 ms to compile on every start page and case page (#18); the mediation is read only for a row.
    if case_id is not None:
        agreements = agreements.filter(case_id=case_id)
    out: list[NextStep] = []
    for ta in agreements.order_by("created_at", "pk"):
        access = p.TerminationAccess(agreement=ta, relations=termination_relations(actor, ta))
        if not allowed(actor, "mediation.termination.sign", access):
            continue
        doc = agreement_document(ta)
        if doc is None or doc.locked_at is not None or uid not in pending_signers(doc):
            continue
        out.append(
            NextStep(
                kind="mediation.termination_sign",
                text=_("Lees en onderteken de beëindigingsovereenkomst (einde dienstverband %(end)s).")
                % {"end": ta.end_of_employment_on.strftime("%d-%m-%Y")},
                url=reverse("mediation:termination", args=[ta.pk]),
                button=_("Lezen en ondertekenen"),
                code="R-091",
                case_id=ta.case_id,
                today=today,
            )
        )
    return out
