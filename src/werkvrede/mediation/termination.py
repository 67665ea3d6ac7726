"""Termination agreements (beëindigingsovereenkomst, SM-5T, R-090…R-097, D19).

Made inside an exit mediation (drafted by the mediator, R-097) or directly on a case by HR or the line
manager. The reflection period and its end come from the guideline engine (R-092, R-094, R-095,
T-18/T-19); the case shows the deadline through the case facts (`facts.py`). The bedrijfsarts has no
access at all (R-097, D19 fn 27 in docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from werkvrede.audit import services as audit
from werkvrede.cases.deadlines import case_deadlines_refresh_on_commit
from werkvrede.cases.extensions import DueOutcome
from werkvrede.cases.models import CaseParty
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.services import timeline_record
from werkvrede.core.actor import SYSTEM, Actor
from werkvrede.core.policy import authorize, hidden
from werkvrede.core.refusals import NotPossible, Refusal
from werkvrede.documents.exceptions import DocumentTampered
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.documents.services import document_create, document_sign, latest, pending_signers
from werkvrede.guideline import Deadline, Finding, evaluate, parse_situation
from werkvrede.mediation import engine
from werkvrede.mediation.models import (
    ChecklistItem,
    Mediation,
    MediationParty,
    PartySide,
    TerminationAgreement,
    TerminationState,
    Track,
)
from werkvrede.mediation.selectors import mediation_get_for, termination_get_for
from werkvrede.mediation.services import _member_user_ids, reference

OWNER = "mediation.termination"

# The documents app names two R-096 items differently from the guideline.
_DOC_ITEM = {
    ChecklistItem.END_DATE_RESPECTS_NOTICE: "END_DATE_NOTICE_PERIOD",
    ChecklistItem.PLACE_AND_DATE_OF_SIGNING: "PLACE_AND_DATE",
}


@dataclass(frozen=True)
class TerminationInput:
    employee_id: int
    employer_signatory_id: int
    end_of_employment_on: date
    checklist: Sequence[str]
    mentions_dissolution_right: bool = True
    statutory_director: bool = False
    court_settlement: bool = False
    employer_reason: str = ""
    final_settlement_on: date | None = None
    place: str = ""
    essentials_agreed_on: date | None = None


def reflection_days(ta: TerminationAgreement) -> int:
    """R-092: 14 days, or 21 when the agreement does not mention the dissolution right (tenant parameters)."""
    from werkvrede.guideline.model import Tenant

    tenant = Tenant()
    return (
        tenant.cooling_off_days if ta.mentions_dissolution_right else tenant.cooling_off_days_without_clause
    )


def _deadline(data: dict[str, Any], today: date) -> Deadline | None:
    advice = evaluate(parse_situation(data), today=today)
    return next((d for d in advice.deadlines if d.code == "T-18"), None)


@transaction.atomic
def termination_create(
    *,
    actor: Actor,
    data: TerminationInput,
    today: date,
    case_id: int | None = None,
    mediation_id: int | None = None,
    acknowledged: Iterable[str] = (),
) -> TerminationAgreement:
    """Draft a termination agreement; both the employee and the employer's signatory sign it (R-091)."""
    if (case_id is None) == (mediation_id is None):
        raise ValueError("give a case or a mediation")
    mediation = None
    if mediation_id is not None:
        access = mediation_get_for(actor, mediation_id)
        authorize(actor, "mediation.termination.create", access)
        mediation = access.mediation
        if mediation.track != Track.EXIT:
            raise NotPossible(
                _("Een beëindigingsovereenkomst hoort bij exitmediation: kies eerst het exitspoor.")
            )
        parties = {p.user_id: p.side for p in MediationParty.objects.filter(mediation=mediation)}
        if parties.get(data.employee_id) != PartySide.EMPLOYEE:
            raise NotPossible(_("De werknemer moet de werknemer-partij van deze mediation zijn."))
        if data.employer_signatory_id not in parties or data.employer_signatory_id == data.employee_id:
            raise NotPossible(_("Kies de partij die namens de werkgever tekent."))
        organisation_id, case = mediation.organisation_id, mediation.case
    else:
        case_access = case_get_for(actor, case_id or 0)
        authorize(actor, "mediation.termination.create", case_access)
        case = case_access.case
        organisation_id = case.organisation_id
        employees = set(
            CaseParty.objects.filter(case=case, side=CaseParty.Side.EMPLOYEE).values_list(
                "user_id", flat=True
            )
        )
        if data.employee_id not in employees:
            raise NotPossible(_("De werknemer moet de werknemer-partij van deze zaak zijn."))
        if data.employer_signatory_id == data.employee_id:
            raise NotPossible(_("Kies wie namens de werkgever tekent."))
    if _member_user_ids(organisation_id, [data.employee_id, data.employer_signatory_id]) != {
        data.employee_id,
        data.employer_signatory_id,
    }:
        raise NotPossible(_("Beide ondertekenaars moeten een account in deze organisatie hebben."))
    return _draft(
        actor, data, today, organisation_id=organisation_id, case=case, mediation=mediation,
        acknowledged=acknowledged,
    )  # fmt: skip


def _draft(
    actor: Actor,
    data: TerminationInput,
    today: date,
    *,
    organisation_id: int,
    case: Any,
    mediation: Mediation | None,
    acknowledged: Iterable[str] = (),
    outcome: Document | None = None,
) -> TerminationAgreement:
    checklist = [c for c in data.checklist if c in ChecklistItem.values]
    ta = TerminationAgreement(
        organisation_id=organisation_id,
        case=case,
        mediation=mediation,
        employee_id=data.employee_id,
        employer_signatory_id=data.employer_signatory_id,
        end_of_employment_on=data.end_of_employment_on,
        mentions_dissolution_right=data.mentions_dissolution_right,
        statutory_director=data.statutory_director,
        court_settlement=data.court_settlement,
        checklist=checklist,
        essentials_agreed_on=data.essentials_agreed_on,
        # drafted within a mediation, the mediator is the drafter (also when a signature triggers it).
        created_by_id=(mediation.mediator_id if outcome is not None and mediation is not None else None)
        or actor.uid,
        outcome=outcome,
    )
    # R-096 missing checklist items warn; R-097 (never the BA) blocks. A draft from a signed outcome
    # keeps its R-096 warnings open on the agreement for the signers (ADR 0116), nobody acknowledged them.
    situation = engine.termination_situation(ta, today)
    result = engine.check(
        situation, today=today, machine="SM-5T", subject="termination_agreements[0]",
        block=("R-097", "R-091"),
        acknowledge=("R-096",) if outcome is None else (), acknowledged=acknowledged,
    )  # fmt: skip
    ta.acknowledged = sorted({f.code for f in result.warnings}) if outcome is None else []
    ta.save()
    from werkvrede.accounts.models import User

    users = {u.pk: u for u in User.objects.filter(pk__in=[data.employee_id, data.employer_signatory_id])}
    content: dict[str, Any] = {
        "parties": [
            {"user_id": data.employee_id, "name": users[data.employee_id].full_name, "role": "WN"},
            {
                "user_id": data.employer_signatory_id,
                "name": users[data.employer_signatory_id].full_name,
                "role": "EMPLOYER",
            },
        ],
        "employment_ends_on": data.end_of_employment_on.isoformat(),
        "concluded_on": "",  # the date of the last signature, shown with the signatures
        "reflection_days": reflection_days(ta),
        "checklist": [
            {"item": _DOC_ITEM.get(ChecklistItem(item), str(item)), "done": item in checklist}
            for item in ChecklistItem.values
        ],
    }
    if mediation is not None:
        content["mediation_reference"] = reference(mediation)
    if data.employer_reason.strip():
        content["employer_reason"] = data.employer_reason.strip()
    if data.final_settlement_on is not None:
        content["final_settlement_on"] = data.final_settlement_on.isoformat()
    if data.place.strip():
        content["place"] = data.place.strip()
    if outcome is not None:
        content["agreed_terms"] = list(outcome.content.get("points", []))
    document_create(
        actor=actor,
        organisation_id=organisation_id,
        owner_kind=OWNER,
        owner_id=ta.pk,
        kind=DocumentKind.TERMINATION_AGREEMENT,
        title="Beëindigingsovereenkomst",
        content=content,
        signers=[data.employee_id, data.employer_signatory_id],
    )
    audit.record_for(
        actor,
        "mediation.termination.drafted",
        ta,
        data={
            "mediation": ta.mediation_id,
            "acknowledged": ",".join(ta.acknowledged),
            "outcome": ta.outcome_id,
        },
    )
    return ta


def termination_from_outcome(
    *, actor: Actor, mediation: Mediation, outcome: Document, today: date
) -> TerminationAgreement:
    """SM-5 row 11: a signed exit outcome that ends the employment → the mediator's draft (SM-5T), once.

    Parties, end date and the agreed terms come from the outcome; the dissolution right is stated, so
    the reflection period is 14 days (R-092). ``actor`` is the party whose signature completed the
    outcome; the drafter is the mediator (R-097).
    """
    existing = TerminationAgreement.objects.filter(outcome=outcome).first()
    if existing is not None:
        return existing
    engine.check(
        engine.situation_data(mediation, today),
        today=today, state=mediation.state, event="outcome_terminates_employment",
    )  # fmt: skip
    sides = {p.side: p.user_id for p in MediationParty.objects.filter(mediation=mediation).order_by("pk")}
    checklist = [ChecklistItem.MUTUAL_CONSENT]  # the outcome is signed by every party
    place = str(outcome.content.get("place", ""))
    data = TerminationInput(
        employee_id=sides[PartySide.EMPLOYEE],
        employer_signatory_id=sides[PartySide.EMPLOYER_REPRESENTATIVE],
        end_of_employment_on=date.fromisoformat(outcome.content["employment_ends_on"]),
        checklist=checklist,
        mentions_dissolution_right=True,
        place=place,
    )
    return _draft(
        actor, data, today, organisation_id=mediation.organisation_id, case=mediation.case,
        mediation=mediation, outcome=outcome,
    )  # fmt: skip


def agreement_document(ta: TerminationAgreement) -> Document | None:
    return latest(OWNER, ta.pk, DocumentKind.TERMINATION_AGREEMENT)


@transaction.atomic
def termination_sign(
    *, actor: Actor, agreement_id: int, typed_name: str, today: date
) -> TerminationAgreement:
    """Sign; the last signature concludes it (R-093: concluded_on = that day), reflection period starts."""
    access = termination_get_for(actor, agreement_id)
    authorize(actor, "mediation.termination.sign", access)
    ta = TerminationAgreement.objects.select_for_update(no_key=True).get(pk=agreement_id)
    doc = agreement_document(ta)
    if doc is None or actor.uid not in pending_signers(doc):
        raise hidden(actor, "mediation.termination.sign", ta)  # nothing (left) to sign for this person
    if ta.state != TerminationState.DRAFT:
        raise NotPossible(_("Deze overeenkomst kan niet meer worden ondertekend."))
    try:
        document_sign(actor=actor, document=doc, typed_name=typed_name)
    except DocumentTampered as exc:
        raise NotPossible(exc.message) from exc
    audit.record_for(actor, "mediation.termination.signed", ta, data={"mediation": ta.mediation_id})
    doc.refresh_from_db()
    if doc.locked_at is None:
        return ta
    conclude(actor, ta, concluded_on=today, today=today)
    return ta


def conclude(actor: Actor, ta: TerminationAgreement, *, concluded_on: date, today: date) -> None:
    """SM-5T T1 then T2 or T3: the engine decides whether a reflection period runs and until when."""
    ta.concluded_on = concluded_on
    data = engine.termination_situation(ta, today)
    result = engine.check(
        data, today=today, machine="SM-5T", state=None, event="signed", subject="termination_agreements[0]"
    )
    ta.state = result.target or TerminationState.CONCLUDED
    rule = next(
        (
            f.code
            for f in engine.findings_for(data, today=today, subject="termination_agreements[0]")
            if f.code in ("R-094", "R-095")
        ),
        "",
    )
    deadline = _deadline(data, today)
    if rule or deadline is None or deadline.due is None:
        step = engine.check(data, today=today, machine="SM-5T", state=ta.state, event="no_reflection_period")
        ta.state, ta.no_reflection_rule, ta.reflection_ends_on = (
            step.target or TerminationState.FINAL,
            rule,
            None,
        )
    else:
        step = engine.check(data, today=today, machine="SM-5T", state=ta.state, event="reflection_applies")
        ta.state, ta.reflection_ends_on = step.target or TerminationState.COOLING_OFF, deadline.due
    ta.save(update_fields=["concluded_on", "state", "no_reflection_rule", "reflection_ends_on"])
    audit.record_for(
        actor,
        "mediation.termination.concluded",
        ta,
        data={"mediation": ta.mediation_id, "state": ta.state, "rule": rule},
    )
    if ta.case is not None:
        timeline_record(actor, ta.case, "termination.concluded", "", agreement=ta.pk)
        case_deadlines_refresh_on_commit(ta.case.pk)


@transaction.atomic
def termination_dissolve(
    *, actor: Actor, agreement_id: int, typed_name: str, today: date, sent_on: date | None = None
) -> Document:
    """R-092 / T4: the employee dissolves in writing within the period (received today); else BLOCK R-092."""
    access = termination_get_for(actor, agreement_id)
    authorize(actor, "mediation.termination.dissolve", access)
    ta = TerminationAgreement.objects.select_for_update(no_key=True).get(pk=agreement_id)
    if ta.reflection_ends_on is None or ta.state not in (
        TerminationState.COOLING_OFF,
        TerminationState.FINAL,
    ):
        raise NotPossible(_("Voor deze overeenkomst geldt geen bedenktermijn (R-094, R-095)."))
    dissolution = {
        "sent_on": (sent_on or today).isoformat(),
        "received_on": today.isoformat(),
        "written": True,
    }
    data = engine.termination_situation(ta, today, dissolution=dissolution)
    # R-092 first: a dissolution received after the last day is refused with its code.
    engine.check(data, today=today, subject="termination_agreements[0]", block=("R-092",))
    result = engine.check(
        data, today=today, machine="SM-5T", state=ta.state, event="dissolution_received",
        subject="termination_agreements[0]", block=("R-092",),
    )  # fmt: skip
    from werkvrede.accounts.models import User

    employee = User.objects.get(pk=ta.employee_id)
    content: dict[str, Any] = {
        "dissolved_on": today.isoformat(),
        "employee": {"user_id": employee.pk, "name": employee.full_name, "role": "WN"},
        "agreement_reference": f"BO-{ta.pk}",
    }
    if ta.concluded_on is not None:
        content["agreement_concluded_on"] = ta.concluded_on.isoformat()
    doc = document_create(
        actor=actor,
        organisation_id=ta.organisation_id,
        owner_kind=OWNER,
        owner_id=ta.pk,
        kind=DocumentKind.DISSOLUTION_NOTICE,
        title="Ontbinding van de beëindigingsovereenkomst",
        content=content,
        signers=[actor.uid],
    )
    try:
        document_sign(actor=actor, document=doc, typed_name=typed_name)
    except DocumentTampered as exc:
        raise NotPossible(exc.message) from exc
    ta.state = result.target or TerminationState.DISSOLVED
    ta.dissolution_sent_on, ta.dissolution_received_on = sent_on or today, today
    ta.save(update_fields=["state", "dissolution_sent_on", "dissolution_received_on"])
    audit.record_for(actor, "mediation.termination.dissolved", ta, data={"mediation": ta.mediation_id})
    if ta.case is not None:
        case_deadlines_refresh_on_commit(ta.case.pk)
    return doc


def termination_findings(ta: TerminationAgreement, today: date) -> tuple[Finding, ...]:
    """What the engine says about the agreement now (R-093 start of the term, R-094/R-095, R-096, R-097)."""
    return engine.findings_for(
        engine.termination_situation(ta, today), today=today, subject="termination_agreements[0]"
    )


def termination_due_transitions(*, today: date, dry_run: bool = False) -> DueOutcome:
    """SM-5T T5: once the reflection period has passed without dissolution the agreement is final.

    For `run_due_transitions`: taken by the system, each agreement locked in its own transaction
    (skip_locked) and its state checked again after locking, so a second run finds nothing.
    """
    out = DueOutcome()
    due = Q(state=TerminationState.COOLING_OFF, reflection_ends_on__lt=today)
    for pk in list(TerminationAgreement.objects.filter(due).values_list("pk", flat=True)):
        with transaction.atomic():
            ta = (
                TerminationAgreement.objects.select_for_update(of=("self",), skip_locked=True, no_key=True)
                .select_related("case")
                .filter(due, pk=pk)
                .first()
            )
            if ta is None:
                continue  # final already, or another run holds it
            data = engine.termination_situation(ta, today)
            try:
                result = engine.check(
                    data, today=today, machine="SM-5T", state=ta.state, event="term_end_passed",
                    subject="termination_agreements[0]",
                )  # fmt: skip
            except Refusal as exc:
                out.held.append(("termination.final", pk, exc.codes))
                continue
            previous, ta.state = ta.state, result.target or TerminationState.FINAL
            ta.save(update_fields=["state"])
            audit.record_for(
                SYSTEM,
                "mediation.termination.final",
                ta,
                data={"mediation": ta.mediation_id, "state_from": previous, "state_to": ta.state},
            )
            if ta.case is not None:
                timeline_record(SYSTEM, ta.case, "termination.final", "", agreement=ta.pk)
                case_deadlines_refresh_on_commit(ta.case.pk)
            out.count("termination.final")
            if dry_run:
                transaction.set_rollback(True)
    return out
