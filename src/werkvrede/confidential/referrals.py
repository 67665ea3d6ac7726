"""Referrals with the melder's consent (R-102, CC-6, SM-6 row 5) and the confidentiality review
(R-103, SM-6 row 7). Keyword-only, atomic, authorised again, audited without content (D15).

A referral passes one thing: the summary the melder agreed to, to the one recipient the consent
names. Until the melder consents nothing passes and the report stays where it is. A referral to a
mediator opens a mediation through the mediation context (R-102); the VP is never the mediator
(R-064). See docs/adr/0075-vp-referrals.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import RoleGrant, User
from werkvrede.audit import services as audit
from werkvrede.confidential.facts import situation
from werkvrede.confidential.models import (
    BreachOutcome,
    BreachReview,
    Referral,
    ReferralStatus,
    ReferralTarget,
    Report,
    ReportState,
    Route,
)
from werkvrede.confidential.policies import VP
from werkvrede.confidential.services import MAIL_MESSAGE, _notify_vps, _save
from werkvrede.consent.models import Category, Consent
from werkvrede.core.actor import Actor
from werkvrede.core.gate import decide
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.guideline.model import BreachCondition
from werkvrede.mediation.services import mediation_refer_by_vp
from werkvrede.vault.services import seal

MAIL_REFERRAL = "confidential.referral.new"
MAIL_PROPOSAL = "confidential.referral.proposed"
SUMMARY_MAX = 2000
JUSTIFICATION_MAX = 4000

#: The role in the organisation that a target inside it holds.
TARGET_ROLE = {
    ReferralTarget.HR: Role.HR_ADVISER,
    ReferralTarget.BA: Role.OCCUPATIONAL_PHYSICIAN,
    ReferralTarget.BMW: Role.COMPANY_SOCIAL_WORKER,
    ReferralTarget.MED: Role.MEDIATOR,
}

#: The actor code the guideline knows the recipient by (VPDisclosure.recipient_role, docs/rules.md).
#: It has none for the police: R-103 asks the same of every recipient and names it only in its text.
GUIDELINE_ROLE = {
    ReferralTarget.HR: "HR",
    ReferralTarget.BA: "BA",
    ReferralTarget.BMW: "BMW",
    ReferralTarget.MED: "MED",
    ReferralTarget.LEGAL: "ADV",
    ReferralTarget.POLICE: "ADV",
    ReferralTarget.CARE: "HA",
    ReferralTarget.WHISTLEBLOWER: "DO",
}


LEGAL_BASIS_MAX = 300  # characters of the legal basis of a breach


# --- Who can be chosen ----------------------------------------------------------------------------


def _members(organisation_id: int, role: Role | None = None) -> list[User]:
    users = User.objects.filter(
        is_active=True, memberships__organisation_id=organisation_id, memberships__is_active=True
    )
    if role is not None:
        users = users.filter(memberships__grants__role=role)
    return list(users.distinct().order_by("full_name", "pk"))


def _vp_ids(organisation_id: int) -> set[int]:
    return set(
        RoleGrant.objects.filter(
            role=VP, membership__organisation_id=organisation_id, membership__is_active=True
        ).values_list("membership__user_id", flat=True)
    )


def recipients(organisation_id: int, target: str, *, melder_id: int | None) -> list[User]:
    """The people who can receive a referral to `target`: members with that role, never the melder;
    for a mediator never a vertrouwenspersoon (R-064)."""
    role = TARGET_ROLE.get(ReferralTarget(target)) if target in ReferralTarget.values else None
    if role is None:
        return []
    vps = _vp_ids(organisation_id) if role == Role.MEDIATOR else set()
    return [u for u in _members(organisation_id, role) if u.pk != melder_id and u.pk not in vps]


def other_parties(organisation_id: int, *, melder_id: int | None) -> list[User]:
    """Whom a mediation can be with: the organisation's members but the melder and its VPs."""
    vps = _vp_ids(organisation_id)
    return [u for u in _members(organisation_id) if u.pk != melder_id and u.pk not in vps]


# --- Proposal (R-102) -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalInput:
    target: str
    summary: str
    recipient_id: int | None = None
    other_party_id: int | None = None
    mediation_subject: str = ""


def _check_proposal(report: Report, data: ProposalInput, actor: Actor) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    oid = report.organisation_id
    if data.target not in ReferralTarget.values:
        errors["target"] = [_("Kies naar wie je de melder verwijst.")]
        return errors
    target = ReferralTarget(data.target)
    summary = data.summary.strip()
    if not summary:
        errors["summary"] = [
            _("Schrijf wat de melder wil laten doorgeven; alleen dit gaat naar de ontvanger.")
        ]
    elif len(summary) > SUMMARY_MAX:
        errors["summary"] = [
            _("De samenvatting is %(n)s tekens; het mogen er %(max)s zijn.")
            % {"n": len(summary), "max": SUMMARY_MAX}
        ]
    if target in TARGET_ROLE:
        allowed_ids = {u.pk for u in recipients(oid, target, melder_id=report.melder_id)}
        if data.recipient_id is None:
            errors["recipient"] = [_("Kies de persoon die de verwijzing ontvangt.")]
        elif data.recipient_id == actor.uid and target == ReferralTarget.MED:
            errors["recipient"] = [_("Je treedt als vertrouwenspersoon nooit op als mediator (R-064).")]
        elif data.recipient_id not in allowed_ids:
            errors["recipient"] = [
                _("Kies iemand met de rol %(role)s in je organisatie (niet de melder).")
                % {"role": target.label}
            ]
    elif data.recipient_id is not None:
        errors["recipient"] = [
            _("Een verwijzing naar buiten de organisatie heeft geen ontvanger in Werkvrede.")
        ]
    if target == ReferralTarget.MED:
        others = {u.pk for u in other_parties(oid, melder_id=report.melder_id)}
        if data.other_party_id is None or data.other_party_id not in others:
            errors["other_party"] = [_("Kies met wie de melder in mediation gaat.")]
        elif data.other_party_id == data.recipient_id:
            errors["other_party"] = [_("De andere partij kan niet ook de mediator zijn.")]
        if not data.mediation_subject.strip():
            errors["mediation_subject"] = [
                _("Geef het onderwerp van de mediation; de mediator en de andere partij zien het.")
            ]
        elif len(data.mediation_subject.strip()) > 200:
            errors["mediation_subject"] = [_("Het onderwerp mag ten hoogste 200 tekens zijn.")]
    return errors


@transaction.atomic
def referral_propose(*, actor: Actor, report: Report, data: ProposalInput, today: date) -> Referral:
    """The VP proposes a referral (R-102). Nothing passes yet: the melder decides (CC-6)."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.referral.propose", report)
    if report.melder_id is None:
        raise NotPossible(
            _(
                "Een doorverwijzing vraagt schriftelijke toestemming van de melder, met naam (CC-6). "
                "Een anonieme melder kan contact met je opnemen om dat te regelen."
            )
        )
    errors = _check_proposal(report, data, actor)
    if errors:
        raise Invalid(errors)
    sealed = seal(
        actor=actor, organisation_id=report.organisation_id, compartment="D15", plaintext=data.summary.strip()
    )
    target = ReferralTarget(data.target)
    referral = Referral.objects.create(
        report=report,
        target=target,
        recipient_id=data.recipient_id if target in TARGET_ROLE else None,
        summary=sealed,
        other_party_id=data.other_party_id if target == ReferralTarget.MED else None,
        mediation_subject=data.mediation_subject.strip() if target == ReferralTarget.MED else "",
        proposed_by_id=actor.uid,
        proposed_on=today,
    )
    _save(report, [], today)
    audit.record_for(actor, "confidential.referral.proposed", referral, data={"target": str(target)})
    mail_queue(
        kind=MAIL_PROPOSAL,
        reference=referral.pk,
        recipient_id=report.melder_id,
        organisation_id=report.organisation_id,
    )
    return referral


# --- The melder's answer (CC-6, SM-6 row 5) ---------------------------------------------------------


def _locked(referral: Referral) -> tuple[Referral, Report]:
    report = Report.objects.select_for_update(no_key=True).get(pk=referral.report_id)
    locked = Referral.objects.select_for_update(no_key=True).get(pk=referral.pk)
    locked.report = report
    return locked, report


def scope_text(referral: Referral) -> str:
    """What the consent covers, in words (the consent record's purpose)."""
    target = ReferralTarget(referral.target)
    who = referral.recipient.full_name if referral.recipient else target.label
    text = _(
        "Doorverwijzing door de vertrouwenspersoon naar %(who)s (%(target)s): mijn naam en de "
        "samenvatting die ik heb gelezen, niets anders uit mijn melding."
    ) % {"who": who, "target": target.label}
    if target == ReferralTarget.MED and referral.other_party is not None:
        text += " " + _("Een mediation met %(other)s over: %(subject)s.") % {
            "other": referral.other_party.full_name,
            "subject": referral.mediation_subject,
        }
    return text


def disclosure(referral: Referral, *, written_consent: bool) -> dict[str, Any]:
    return {
        "recipient_role": GUIDELINE_ROLE[ReferralTarget(referral.target)],
        "written_consent": written_consent,
    }


@transaction.atomic
def referral_accept(*, actor: Actor, referral: Referral, consent: bool, today: date) -> Referral:
    """The melder consents in writing (CC-6): the consent record names recipient and scope, SM-6 row
    5 moves the report to REFERRED (R-103 sees a disclosure with written consent), the recipient gets
    an e-mail with a link only. A referral to a mediator opens the mediation (R-102)."""
    referral, report = _locked(referral)
    authorize(actor, "confidential.referral.answer", referral)
    if referral.status != ReferralStatus.PROPOSED:
        raise NotPossible(_("Op dit voorstel is al geantwoord."))
    if not consent:
        raise Invalid.of(
            "consent",
            _(
                "Vink aan dat je toestemming geeft, of kies 'Niet doorverwijzen'. Zonder toestemming "
                "gaat er niets door."
            ),
        )
    target = ReferralTarget(referral.target)
    facts: dict[str, Any] = {"disclosures": [disclosure(referral, written_consent=True)]}
    if target == ReferralTarget.MED:
        facts.update(mediator_proposed=True, melder_consents_mediator=True)
    if report.state == ReportState.ADVICE:
        report.state = decide(
            situation(report, **facts),
            today=today,
            subject="vp_report",
            machine="SM-6",
            state=report.state,
            event="referral_accepted",
            block=("R-103",),
        ).next_state
        report.route = Route.REFERRED
        _save(report, ["state", "route"], today)
    elif report.state == ReportState.REFERRED:
        decide(situation(report, **facts), today=today, subject="vp_report", block=("R-103",))
        _save(report, [], today)
    else:
        raise NotPossible(
            _("Deze melding is niet meer in de fase van advies; neem contact op met de vertrouwenspersoon.")
        )
    if report.melder_id is None:  # the rule requires a named melder
        raise NotPossible(_("Een doorverwijzing vraagt de naam van de melder (CC-6)."))
    record = Consent.objects.create(
        organisation_id=report.organisation_id,
        data_subject_id=report.melder_id,
        requested_by_id=referral.proposed_by_id,
        recipient_role=str(target),
        recipient_id=referral.recipient_id,
        categories=[str(Category.D15)],
        purpose=scope_text(referral),
        given_on=today,
    )
    referral.consent = record
    referral.status = ReferralStatus.ACCEPTED
    referral.made_on = referral.decided_on = today
    if target == ReferralTarget.MED:
        referral.mediation = _refer_to_mediation(referral, report, today)
    referral.save(update_fields=["consent", "status", "made_on", "decided_on", "mediation"])
    audit.record_for(
        actor,
        "confidential.referral.accepted",
        referral,
        legal_basis="CC-6",
        data={"target": str(target), "consent": record.pk},
    )
    if referral.recipient_id is not None:
        mail_queue(
            kind=MAIL_REFERRAL,
            reference=referral.pk,
            recipient_id=referral.recipient_id,
            organisation_id=report.organisation_id,
            recipient_role=str(target),
        )
    _notify_vps(report, MAIL_MESSAGE)
    return referral


def _refer_to_mediation(referral: Referral, report: Report, today: date) -> Any:
    """R-102: the VP who proposed it refers; the melder's consent, just given, is what lets it go."""
    proposer = User.objects.get(pk=referral.proposed_by_id)
    vp_actor = actor_for(proposer, report.organisation_id)
    if referral.recipient_id is None or referral.other_party_id is None or report.melder_id is None:
        raise NotPossible(
            _("Deze verwijzing naar een mediator is niet compleet; vraag de vertrouwenspersoon.")
        )
    return mediation_refer_by_vp(
        actor=vp_actor,
        organisation_id=report.organisation_id,
        melder_id=report.melder_id,
        other_party_id=referral.other_party_id,
        mediator_id=referral.recipient_id,
        subject=referral.mediation_subject,
        today=today,
    )


@transaction.atomic
def referral_decline(*, actor: Actor, referral: Referral, today: date) -> Referral:
    """The melder says no: nothing is passed, the report stays where it is (CC-6)."""
    referral, report = _locked(referral)
    authorize(actor, "confidential.referral.answer", referral)
    if referral.status != ReferralStatus.PROPOSED:
        raise NotPossible(_("Op dit voorstel is al geantwoord."))
    referral.status = ReferralStatus.DECLINED
    referral.decided_on = today
    referral.save(update_fields=["status", "decided_on"])
    _save(report, [], today)
    audit.record_for(actor, "confidential.referral.declined", referral, data={"target": referral.target})
    _notify_vps(report, MAIL_MESSAGE)
    return referral


@transaction.atomic
def referral_withdraw(*, actor: Actor, referral: Referral, today: date) -> Referral:
    """The melder withdraws the consent: the recipient's access closes at once (R-172). What was
    passed before is not undone; a mediation that started goes on only with the melder (R-070)."""
    referral, report = _locked(referral)
    authorize(actor, "confidential.referral.answer", referral)
    if referral.status != ReferralStatus.ACCEPTED:
        raise NotPossible(_("Er is geen toestemming om in te trekken."))
    referral.status = ReferralStatus.WITHDRAWN
    referral.decided_on = today
    referral.save(update_fields=["status", "decided_on"])
    if referral.consent is not None and referral.consent.withdrawn_at is None:
        referral.consent.withdrawn_at = timezone.now()
        referral.consent.save(update_fields=["withdrawn_at"])
    _save(report, [], today)
    audit.record_for(actor, "confidential.referral.withdrawn", referral, legal_basis="R-172")
    _notify_vps(report, MAIL_MESSAGE)
    return referral


# --- E-mail: a link, never the summary ------------------------------------------------------------


SUBJECT_REFERRAL = "Werkvrede: een doorverwijzing voor jou / a referral for you"
# To the melder a neutral subject: others may see their mailbox (D15: even that they made a report).
SUBJECT_PROPOSAL = "Werkvrede: er staat iets voor je klaar / something is waiting for you"
BODY = (
    "Er staat iets voor je klaar in Werkvrede. Log in om het te lezen:\n{url}\n\n"
    "Something is waiting for you in Werkvrede. Log in to read it:\n{url}\n\n"
    "Deze e-mail bevat bewust niets van de inhoud.\n"
    "This e-mail deliberately holds nothing of its content.\n"
)


def mail_render(outgoing: Outgoing) -> Rendered | None:
    referral = Referral.objects.filter(pk=int(outgoing.reference)).select_related("report").first()
    if referral is None or referral.report.state == ReportState.DOSSIER_DESTROYED:
        return None
    if outgoing.kind == MAIL_REFERRAL:
        if referral.status != ReferralStatus.ACCEPTED:
            return None
        path, subject = reverse("confidential:referrals"), SUBJECT_REFERRAL
    else:
        path = reverse("confidential:referral-answer", kwargs={"referral_id": referral.pk})
        subject = SUBJECT_PROPOSAL
    return Rendered(subject, BODY.format(url=settings.WERKVREDE_BASE_URL.rstrip("/") + path))


def mail_sent(outgoing: Outgoing) -> None:
    audit.record(
        "confidential.referral.notified",
        organisation_id=outgoing.organisation_id,
        user_id=outgoing.recipient_id,
        object_type="confidential.referral",
        object_id=str(outgoing.reference),
    )


# --- Breaking confidentiality (R-103, SM-6 row 7) -------------------------------------------------


def condition_labels() -> dict[str, str]:
    """The eight conditions of a conflict of duties (R-103), in the VP's language."""
    return {
        BreachCondition.CONSENT_SOUGHT: _("Ik heb geprobeerd toestemming van de melder te krijgen."),
        BreachCondition.SERIOUS_DILEMMA: _("Zwijgen brengt mij in ernstige gewetensnood."),
        BreachCondition.NO_OTHER_WAY: _("Er is geen andere weg dan doorbreken."),
        BreachCondition.NEAR_CERTAIN_SERIOUS_HARM: _(
            "Zonder doorbreken is ernstige schade voor de melder of een ander vrijwel zeker."
        ),
        BreachCondition.DISCLOSURE_PREVENTS_HARM: _("Doorbreken voorkomt of beperkt die schade."),
        BreachCondition.MELDER_INFORMED: _("De melder is vooraf geïnformeerd."),
        BreachCondition.REFERRED_TO_OTHER_VP: _(
            "Waar mogelijk heb ik de melder verwezen naar een andere vertrouwenspersoon."
        ),
        BreachCondition.VP_CAN_JUSTIFY: _("Ik kan mijn besluit verantwoorden."),
    }


def condition_short() -> dict[str, str]:
    """Short names of the conditions, for the message that lists what is missing."""
    return {
        BreachCondition.CONSENT_SOUGHT: _("toestemming gevraagd"),
        BreachCondition.SERIOUS_DILEMMA: _("ernstige gewetensnood"),
        BreachCondition.NO_OTHER_WAY: _("geen andere weg"),
        BreachCondition.NEAR_CERTAIN_SERIOUS_HARM: _("ernstige schade vrijwel zeker"),
        BreachCondition.DISCLOSURE_PREVENTS_HARM: _("doorbreken voorkomt schade"),
        BreachCondition.MELDER_INFORMED: _("melder vooraf geïnformeerd"),
        BreachCondition.REFERRED_TO_OTHER_VP: _("verwezen naar een andere vertrouwenspersoon"),
        BreachCondition.VP_CAN_JUSTIFY: _("besluit te verantwoorden"),
    }


@dataclass(frozen=True)
class BreachInput:
    recipient_role: str
    justification: str
    melder_informed_on: date | None
    statutory_duty: bool = False
    legal_basis: str = ""
    conditions: tuple[str, ...] = field(default_factory=tuple)


def breach_check(data: BreachInput, today: date) -> None:
    """R-103: a statutory duty with its legal basis, or all eight conditions; the melder informed
    first; a justification. Raises `Invalid` naming every missing item, in Dutch."""
    errors: dict[str, list[str]] = {}
    if data.recipient_role not in ReferralTarget.values:
        errors["recipient_role"] = [_("Kies aan wie je iets zou verstrekken.")]
    conditions = set(data.conditions)
    unknown = conditions - set(BreachCondition)
    if unknown:
        errors["conditions"] = [_("Onbekende voorwaarde.")]
    if data.statutory_duty:
        if not data.legal_basis.strip():
            errors["legal_basis"] = [_("R-103: noem de wettelijke plicht (wet en artikel) die hier geldt.")]
        elif len(data.legal_basis.strip()) > LEGAL_BASIS_MAX:
            # Refused, never cut (ADR 0126).
            errors["legal_basis"] = [
                _("Noem de wettelijke plicht in hoogstens %(limit)d tekens.") % {"limit": LEGAL_BASIS_MAX}
            ]
    else:
        short = condition_short()
        missing = [short[c] for c in BreachCondition if c not in conditions]
        if missing:
            errors["conditions"] = [
                _(
                    "R-103: zonder wettelijke plicht mag je de geheimhouding alleen doorbreken als alle "
                    "acht voorwaarden gelden. Ontbreekt: %(missing)s."
                )
                % {"missing": ", ".join(missing)}
            ]
    if data.melder_informed_on is None:
        errors["melder_informed_on"] = [
            _("R-103: informeer eerst de melder en vul de datum in waarop je dat deed.")
        ]
    elif data.melder_informed_on > today:
        errors["melder_informed_on"] = [
            _("De melder moet al geïnformeerd zijn: de datum ligt in de toekomst.")
        ]
    justification = data.justification.strip()
    if not justification:
        errors["justification"] = [_("R-103: schrijf op waarom je de geheimhouding wilt doorbreken.")]
    elif len(justification) > JUSTIFICATION_MAX:
        errors["justification"] = [
            _("De verantwoording is %(n)s tekens; het mogen er %(max)s zijn.")
            % {"n": len(justification), "max": JUSTIFICATION_MAX}
        ]
    if errors:
        raise Invalid(errors)


def _breach_disclosure(data: BreachInput) -> dict[str, Any]:
    return {
        "recipient_role": GUIDELINE_ROLE[ReferralTarget(data.recipient_role)],
        "statutory_duty": data.statutory_duty,
        "breach_conditions": sorted(data.conditions),
    }


@transaction.atomic
def breach_consider(*, actor: Actor, report: Report, data: BreachInput, today: date) -> BreachReview:
    """SM-6 row 7: the report goes to CONFIDENTIALITY_BREACH_REVIEW with the checklist as answered;
    the state it left is kept to return to (`Report.resume_state`)."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.breach.consider", report)
    breach_check(data, today)
    informed_on = data.melder_informed_on
    if informed_on is None:  # breach_check refuses it; for the type checker
        raise Invalid.of("melder_informed_on", _("Vul de datum in waarop je de melder informeerde."))
    resume = report.state
    report.state = decide(
        situation(report, disclosures=[_breach_disclosure(data)]),
        today=today,
        subject="vp_report",
        machine="SM-6",
        state=report.state,
        event="breach_considered",
        block=("R-103",),
    ).next_state
    report.resume_state = resume
    _save(report, ["state", "resume_state"], today)
    sealed = seal(
        actor=actor,
        organisation_id=report.organisation_id,
        compartment="D15",
        plaintext=data.justification.strip(),
        day_only=report.is_anonymous,
    )
    review = BreachReview.objects.create(
        report=report,
        statutory_duty=data.statutory_duty,
        legal_basis=data.legal_basis.strip() if data.statutory_duty else "",
        conditions=[] if data.statutory_duty else sorted(data.conditions),
        melder_informed_on=informed_on,
        recipient_role=data.recipient_role,
        justification=sealed,
        resume_state=resume,
        considered_by_id=actor.uid,
        considered_on=today,
    )
    audit.record_for(
        actor,
        "confidential.breach.considered",
        review,
        legal_basis="R-103",
        data={"statutory_duty": data.statutory_duty, "recipient": data.recipient_role},
    )
    return review


@transaction.atomic
def breach_decide(*, actor: Actor, report: Report, outcome: str, today: date) -> Report:
    """The review ends (disclosed, or not): the report returns to the state it left. This return is
    not a row of SM-6; see docs/adr/0075-vp-referrals.md."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.breach.decide", report)
    if outcome not in (BreachOutcome.DISCLOSED, BreachOutcome.NOT_DISCLOSED):
        raise Invalid.of("outcome", _("Kies of je de geheimhouding hebt doorbroken of niet."))
    review = (
        BreachReview.objects.select_for_update(no_key=True)
        .filter(report=report, outcome=BreachOutcome.PENDING)
        .first()
    )
    if review is not None:
        review.outcome = outcome
        review.decided_on = today
        review.save(update_fields=["outcome", "decided_on"])
    report.state = report.resume_state or (review.resume_state if review else ReportState.ADVICE)
    report.resume_state = ""
    _save(report, ["state", "resume_state"], today)
    audit.record_for(
        actor, "confidential.breach.decided", report, legal_basis="R-103", data={"outcome": outcome}
    )
    return report
