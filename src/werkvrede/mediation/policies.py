"""Who may do what in a mediation (rows D11 to D14 and D19 of the permission
matrix in docs/rules.md; R-070…R-097).

Access is per mediation, never per organisation role alone: the assigned mediator (RW), the parties
(P/R), the employer's representative *in this mediation* only (footnote 18), admitted supporters and
lawyers (footnote 19: all parties consented and the confidentiality statement is signed), the
referrer and the people of the linked case (D14 "N": started on / ended on, nothing else; R-084,
footnote 20). The wider organisation, the bedrijfsarts (R-097, footnote 27) and ADM get nothing
more than a case role gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from werkvrede.cases.models import CaseRole
from werkvrede.cases.policies import CaseAccess, can_view_case
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

if TYPE_CHECKING:
    from werkvrede.mediation.models import Admission, Mediation, MediationParty, TerminationAgreement

# Relations of a person to one mediation.
MEDIATOR = "MED"
PARTY = "PARTY"
ADMITTED = "ADMITTED"  # admitted supporter or lawyer (D11 fn 19, docs/rules.md)
ADMITTED_LAWYER = "ADMITTED_LAWYER"
CANDIDATE = "CANDIDATE"  # asked to be admitted: may read and sign the confidentiality statement only
REFERRER = "REFERRER"
CASE = "CASE"  # a person of the linked case: neutral status only

CONTENT = frozenset({MEDIATOR, PARTY, ADMITTED})


@dataclass(frozen=True)
class MediationAccess:
    mediation: Mediation
    relations: frozenset[str]
    party: MediationParty | None = None
    session_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def organisation_id(self) -> int:
        return self.mediation.organisation_id


def _m(actor: Actor, access: Any) -> bool:
    return isinstance(access, MediationAccess) and access.organisation_id == actor.organisation_id


def _has(actor: Actor, access: Any, *relations: str) -> bool:
    return _m(actor, access) and bool(access.relations & set(relations))


REFERRER_CASE_ROLES = frozenset({CaseRole.HR_ADVISER, CaseRole.CASEMANAGER, CaseRole.OCCUPATIONAL_PHYSICIAN})


@rule(
    "mediation.mediation.list", "See the list of one's mediations: everyone in an organisation but ADM-only."
)
def can_list(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles - {Role.ADMIN})


@rule(
    "mediation.mediation.refer",
    "Refer a case to a mediator (SM-5 row 1): HR and CM of the organisation, HR, CM or BA in the case.",
)
def can_refer(actor: Actor, access: Any) -> bool:
    if not isinstance(access, CaseAccess) or not can_view_case(actor, access):
        return False
    return bool(actor.roles & {Role.HR_ADVISER, Role.CASEMANAGER}) or bool(
        access.case_roles & REFERRER_CASE_ROLES
    )


@rule("mediation.mediation.create_direct", "Start a mediation without a case (small business): MED, HR.")
def can_create_direct(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles & {Role.MEDIATOR, Role.HR_ADVISER})


@rule(
    "mediation.mediation.refer_by_vp",
    "Refer a melder to a mediator after the melder's consent (R-102): a VP of the organisation.",
)
def can_refer_by_vp(actor: Actor, obj: Any) -> bool:
    return (
        actor.organisation_id is not None
        and actor.user_id is not None
        and Role.CONFIDENTIAL_ADVISER in actor.roles
    )


@rule(
    "mediation.case_section.view",
    "See a case's Mediation tab (D14 N: started on / ended on): everyone who may open the case.",
)
def can_view_case_section(actor: Actor, access: Any) -> bool:
    return isinstance(access, CaseAccess) and can_view_case(actor, access)


@rule(
    "mediation.mediation.view",
    "Open a mediation: mediator, parties, admitted or invited supporters/lawyers, referrer, case people.",
)
def can_view(actor: Actor, access: Any) -> bool:
    return _m(actor, access) and bool(access.relations)


@rule(
    "mediation.mediator.assign",
    "Assign the mediator (SOD-2 checked): the referrer, or the mediator who started a direct mediation.",
)
def can_assign(actor: Actor, access: Any) -> bool:
    return _has(actor, access, REFERRER) and access.mediation.active


@rule("mediation.impartiality.declare", "Declare impartiality (SOD-2): the assigned mediator.")
def can_declare(actor: Actor, access: Any) -> bool:
    return _has(actor, access, MEDIATOR) and Role.MEDIATOR in actor.roles


@rule(
    "mediation.mediation.manage",
    "Run the mediation (intake, willingness, track, pause, agreement, sessions, outcome, end): the mediator.",
)
def can_manage(actor: Actor, access: Any) -> bool:
    return (
        _has(actor, access, MEDIATOR)
        and Role.MEDIATOR in actor.roles
        and access.mediation.impartiality_declared_at is not None
    )


@rule("mediation.content.read", "Read mediation content (D11 P): mediator, parties, admitted persons.")
def can_read_content(actor: Actor, access: Any) -> bool:
    return _has(actor, access, *CONTENT)


@rule(
    "mediation.intake.read",
    "Open a sealed intake record (D11): the mediator and the party whose intake it is.",
)
def can_read_intake(actor: Actor, sealed: Any) -> bool:
    from werkvrede.mediation.models import IntakeRecord

    record = IntakeRecord.objects.select_related("mediation", "party").filter(sealed=sealed).first()
    if record is None or record.mediation.organisation_id != actor.organisation_id:
        return False
    if record.mediation.mediator_id == actor.user_id and Role.MEDIATOR in actor.roles:
        return True
    return record.party.user_id == actor.user_id


@rule(
    "mediation.session_note.read",
    "Open a sealed session note (D11 P): the mediator and the participants of that session.",
)
def can_read_session_note(actor: Actor, sealed: Any) -> bool:
    from werkvrede.mediation.models import SessionNote

    note = SessionNote.objects.select_related("session__mediation").filter(sealed=sealed).first()
    if note is None or note.session.mediation.organisation_id != actor.organisation_id:
        return False
    mediation = note.session.mediation
    if mediation.mediator_id == actor.user_id and Role.MEDIATOR in actor.roles:
        return True
    return actor.user_id in note.session.participants


@rule(
    "mediation.message.read",
    "Open a sealed message of the mediator (D11 P): the mediator and the parties it is addressed to (R-083).",
)
def can_read_message(actor: Actor, sealed: Any) -> bool:
    from werkvrede.mediation.models import PartyMessage

    message = PartyMessage.objects.select_related("mediation").filter(sealed=sealed).first()
    if message is None or message.mediation.organisation_id != actor.organisation_id:
        return False
    if message.mediation.mediator_id == actor.user_id and Role.MEDIATOR in actor.roles:
        return True
    return actor.user_id in message.recipients


@rule(
    "mediation.agreement.read", "Read the mediation agreement (D12 R): mediator, parties, admitted persons."
)
def can_read_agreement(actor: Actor, access: Any) -> bool:
    return _has(actor, access, *CONTENT)


@rule(
    "mediation.document.sign", "Sign a mediation document one is a signer of: mediator, parties, candidates."
)
def can_sign(actor: Actor, access: Any) -> bool:
    return _has(actor, access, MEDIATOR, PARTY, CANDIDATE, ADMITTED)


@rule(
    "mediation.outcome.read",
    "Read the outcome agreement (D13): mediator, parties and admitted lawyers (advising their client).",
)
def can_read_outcome(actor: Actor, access: Any) -> bool:
    return _has(actor, access, MEDIATOR, PARTY, ADMITTED_LAWYER)


@rule(
    "mediation.notice.read",
    "Read status notices (D14 R: neutral notice, end statement): mediator, parties, admitted persons.",
)
def can_read_notice(actor: Actor, access: Any) -> bool:
    return _has(actor, access, *CONTENT)


@rule(
    "mediation.withdrawal.read",
    "Read a withdrawal statement (its content is D11): mediator, parties, admitted persons.",
)
def can_read_withdrawal(actor: Actor, access: Any) -> bool:
    return _has(actor, access, *CONTENT)


@rule("mediation.party.withdraw", "Withdraw from the mediation by a written statement (R-081): a party.")
def can_withdraw(actor: Actor, access: Any) -> bool:
    return _has(actor, access, PARTY)


@rule("mediation.willingness.record", "Say yes or no to the mediation (R-070): a party, for themselves.")
def can_record_willingness(actor: Actor, access: Any) -> bool:
    return _has(actor, access, PARTY)


@rule(
    "mediation.admission.request",
    "Ask to admit a supporter or lawyer for a party (R-076): the party, or the mediator.",
)
def can_request_admission(actor: Actor, access: Any) -> bool:
    return _has(actor, access, PARTY) or can_manage(actor, access)


@rule("mediation.admission.consent", "Consent to admitting a supporter or lawyer (CC-8): each party.")
def can_consent_admission(actor: Actor, access: Any) -> bool:
    return _has(actor, access, PARTY)


@dataclass(frozen=True)
class AdmissionTarget:
    """One admission in the mediation the actor reached (what `mediation.admission.revoke` is about)."""

    access: MediationAccess
    admission: Admission

    @property
    def organisation_id(self) -> int:
        return self.access.organisation_id


@rule(
    "mediation.admission.revoke_any",
    "Revoke admissions at all: the mediator and the parties (each admission then by its own rule).",
)
def can_revoke_admissions(actor: Actor, access: Any) -> bool:
    return can_manage(actor, access) or _has(actor, access, PARTY)


@rule(
    "mediation.admission.revoke",
    "Revoke an admission that stands: the party it supports, or the mediator.",
)
def can_revoke_admission(actor: Actor, target: Any) -> bool:
    if not isinstance(target, AdmissionTarget) or target.admission.revoked_at is not None:
        return False
    access = target.access
    if can_manage(actor, access):
        return True
    return (
        _has(actor, access, PARTY)
        and access.party is not None
        and target.admission.for_party_id == access.party.pk
    )


@rule("mediation.admission.list", "See the mediations one is admitted to (D11 P fn 19): any member.")
def can_list_admissions(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None


@rule(
    "mediation.session.invitation",
    "Download the calendar invitation of a session: the mediator and the session's participants.",
)
def can_download_invitation(actor: Actor, access: Any) -> bool:
    return _has(actor, access, MEDIATOR, PARTY, ADMITTED)


# --- Termination agreements (D19, SM-5T) ---------------------------------------------------------


@dataclass(frozen=True)
class TerminationAccess:
    agreement: TerminationAgreement
    relations: frozenset[str]

    @property
    def organisation_id(self) -> int:
        return self.agreement.organisation_id


EMPLOYEE = "EMPLOYEE"
EMPLOYER = "EMPLOYER"  # LG/HR of the case, the employer's signatory (D19 RW)
READER = "READER"  # CM (D19 R)


@rule(
    "mediation.termination.create",
    "Draft a termination agreement on a case (D19 RW): HR, LG of the case. Never the BA (R-097).",
)
def can_create_termination(actor: Actor, access: Any) -> bool:
    if isinstance(access, MediationAccess):
        return can_manage(actor, access)
    if not isinstance(access, CaseAccess) or not can_view_case(actor, access):
        return False
    if Role.OCCUPATIONAL_PHYSICIAN in actor.roles and not actor.roles & {Role.HR_ADVISER, Role.LINE_MANAGER}:
        return False
    return Role.HR_ADVISER in actor.roles or bool(
        access.case_roles & {CaseRole.HR_ADVISER, CaseRole.LINE_MANAGER}
    )


@rule(
    "mediation.termination.view",
    "Read a termination agreement (D19): the employee, the employer side (HR, LG), CM, the mediator. Not BA.",
)
def can_view_termination(actor: Actor, access: Any) -> bool:
    return (
        isinstance(access, TerminationAccess)
        and access.organisation_id == actor.organisation_id
        and bool(access.relations)
    )


@rule(
    "mediation.termination.sign", "Sign a termination agreement: the employee and the employer's signatory."
)
def can_sign_termination(actor: Actor, access: Any) -> bool:
    return can_view_termination(actor, access) and bool(access.relations & {EMPLOYEE, EMPLOYER})


@rule(
    "mediation.termination.dissolve",
    "Dissolve a termination agreement in writing within the reflection period (R-092): the employee only.",
)
def can_dissolve(actor: Actor, access: Any) -> bool:
    return can_view_termination(actor, access) and EMPLOYEE in access.relations


@rule(
    "mediation.termination.timeline",
    "See on the case that a termination agreement was concluded (D19): WN, LG, HR, CM of the case; never BA.",
)
def can_see_termination_on_case(actor: Actor, access: Any) -> bool:
    if not isinstance(access, CaseAccess) or not can_view_case(actor, access):
        return False
    return bool(actor.roles & {Role.HR_ADVISER, Role.CASEMANAGER}) or bool(
        access.case_roles
        & {CaseRole.EMPLOYEE, CaseRole.LINE_MANAGER, CaseRole.HR_ADVISER, CaseRole.CASEMANAGER}
    )
