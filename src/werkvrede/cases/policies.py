"""Who may do what with a conflict case (D05 in the permission matrix, docs/rules.md; SM-1 row 1).

Organisation roles HR and CM see the organisation's cases (D05: HR RW, CM R). Everyone else sees a
case only through a role in it (`CaseParticipant`). The VP, the mediator and the organisation admin
get nothing from a case here: the VP does not receive the conflict file, the mediator only what the
parties bring to the mediation, the admin never reads case content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkvrede.cases.models import Case, CaseNote, CaseRole
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role

ORGANISATION_CASE_READERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})
# SM-1 row 1: a conflict is signalled by the employee, the line manager, HR, the casemanager or the BA.
SIGNALLERS = frozenset(
    {Role.EMPLOYEE, Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER, Role.OCCUPATIONAL_PHYSICIAN}
)
# D05 "RW" (own accounts for parties and managers): everyone in the case except the casemanager (R).
NOTE_WRITERS = frozenset(
    {
        CaseRole.EMPLOYEE,
        CaseRole.OTHER_PARTY,
        CaseRole.LINE_MANAGER,
        CaseRole.HR_ADVISER,
        CaseRole.OCCUPATIONAL_PHYSICIAN,
        CaseRole.DELEGATED_PROFESSIONAL,
        CaseRole.COMPANY_SOCIAL_WORKER,
    }
)


@dataclass(frozen=True)
class CaseAccess:
    """A case together with the actor's roles in it, as the selectors load it (one query)."""

    case: Case
    case_roles: frozenset[str]

    @property
    def organisation_id(self) -> int:
        return self.case.organisation_id


def _in_organisation(actor: Actor, access: Any) -> bool:
    return isinstance(access, CaseAccess) and access.organisation_id == actor.organisation_id


def _hr(actor: Actor, access: CaseAccess) -> bool:
    return Role.HR_ADVISER in actor.roles or CaseRole.HR_ADVISER in access.case_roles


@rule("cases.case.list", "See the list of cases one may open: everyone in an organisation except ADM-only.")
def can_list_cases(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles - {Role.ADMIN})


@rule("cases.overview.view", "See the organisation overview of cases and overdue deadlines: HR, CM.")
def can_view_overview(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles & ORGANISATION_CASE_READERS)


@rule("cases.case.view", "Open a case: HR and CM of its organisation, or a person with a role in it.")
def can_view_case(actor: Actor, access: Any) -> bool:
    if not _in_organisation(actor, access):
        return False
    if actor.roles & ORGANISATION_CASE_READERS:
        return True
    return bool(access.case_roles)


@rule("cases.case.signal", "Signal a conflict (SM-1 row 1): WN, LG, HR, CM, BA.")
def can_signal_case(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles & SIGNALLERS)


@rule("cases.case.intake", "Record the intake (parties, domains, configuration) and its completion: HR.")
def can_record_intake(actor: Actor, access: Any) -> bool:
    return _in_organisation(actor, access) and _hr(actor, access)


@rule(
    "cases.undesirable_behaviour.view",
    "See that undesirable behaviour is suspected, its categories and the R-100 hold: HR, CM and the "
    "employee (the melder) — not the other party or others in the case (ADR 0004).",
)
def can_view_undesirable_behaviour(actor: Actor, access: Any) -> bool:
    return _in_organisation(actor, access) and (
        is_handler(actor, access) or CaseRole.EMPLOYEE in access.case_roles
    )


@rule(
    "cases.melder_choice.record",
    "Record the melder's choice once the vertrouwenspersoon was offered (R-100): only WN, the melder.",
)
def can_record_melder_choice(actor: Actor, access: Any) -> bool:
    # Once the vertrouwenspersoon was offered about suspected undesirable behaviour; again later too.
    return (
        _in_organisation(actor, access)
        and CaseRole.EMPLOYEE in access.case_roles
        and access.case.undesirable_behaviour_suspected
        and access.case.vp_offered_on is not None
    )


@rule("cases.participant.add", "Give a person a role in a case: HR.")
def can_add_participant(actor: Actor, access: Any) -> bool:
    return _in_organisation(actor, access) and _hr(actor, access)


@rule("cases.glasl.record", "Record conflict type and Glasl stage (R-004): HR, BA, TD in the case.")
def can_record_glasl(actor: Actor, access: Any) -> bool:
    if not _in_organisation(actor, access):
        return False
    return _hr(actor, access) or bool(
        access.case_roles & {CaseRole.OCCUPATIONAL_PHYSICIAN, CaseRole.DELEGATED_PROFESSIONAL}
    )


@rule("cases.note.write", "Write one's own account in a case (D05 RW): everyone in it except CM.")
def can_write_note(actor: Actor, access: Any) -> bool:
    if not can_view_case(actor, access):
        return False
    return Role.HR_ADVISER in actor.roles or bool(access.case_roles & NOTE_WRITERS)


HANDLER_CASE_ROLES = frozenset({CaseRole.HR_ADVISER, CaseRole.CASEMANAGER})


@rule(
    "cases.legal_hold.manage",
    "Set or lift a legal hold on a case, with its reason (R-140): HR and the casemanager (ADR 0101).",
)
def can_manage_legal_hold(actor: Actor, access: Any) -> bool:
    return _in_organisation(actor, access) and is_handler(actor, access)


@rule(
    "cases.legal_hold.view",
    "See that a case's records are kept under a legal hold (R-140): HR, the casemanager and the "
    "employee it concerns; the reason text only those who manage the hold (ADR 0101).",
)
def can_view_legal_hold(actor: Actor, access: Any) -> bool:
    return _in_organisation(actor, access) and (
        is_handler(actor, access) or CaseRole.EMPLOYEE in access.case_roles
    )


def is_handler(actor: Actor, access: CaseAccess) -> bool:
    """HR or casemanager of the case: the people who run it for the organisation."""
    return bool(actor.roles & ORGANISATION_CASE_READERS) or bool(access.case_roles & HANDLER_CASE_ROLES)


def can_read_note(actor: Actor, access: CaseAccess, note: CaseNote) -> bool:
    """Private: the author only. Handlers: the author, HR and CM. Shared: everyone who may open the case."""
    if note.author_id == actor.user_id:
        return True
    if note.visibility == CaseNote.Visibility.SHARED:
        return True
    return note.visibility == CaseNote.Visibility.HANDLERS and is_handler(actor, access)


# Which roles may learn of a deadline, by the data category it reveals (docs/rules.md: D07 conclusions incl.
# the review date are R° for the employer side; D19 is not for the BA).
DEADLINE_READERS: dict[str, frozenset[str]] = {
    "D07": frozenset({"WN", "LG", "HR", "CM", "TD", "BA"}),
    "D09": frozenset({"WN", "LG", "HR", "CM", "TD", "BA"}),
    "D10": frozenset({"WN", "LG", "HR", "CM", "TD", "BA"}),
    "D19": frozenset({"WN", "LG", "HR", "CM"}),
}


def readable_deadline_categories(roles: frozenset[str]) -> frozenset[str]:
    return frozenset(category for category, readers in DEADLINE_READERS.items() if roles & readers)
