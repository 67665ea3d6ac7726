"""Who may do what with interventieperiodes, conflict leave and interventions (D09 in docs/rules.md).

D09: WN R · LG/HR/CM RW · TD/BA R · BMW and VP R, only the appointment details when they are the
appointed contact (fn 14) · WP N (neutral status only) · MED — · ADM —. Access to a case
comes from the cases app: organisation HR and CM see every case, everyone else through a case role.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from werkvrede.cases.models import CaseRole
from werkvrede.cases.policies import CaseAccess, can_view_case
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


class Level(StrEnum):
    FULL = "FULL"  # the whole D09 record
    NEUTRAL = "NEUTRAL"  # start, end and a neutral status (WP)
    CONTACT = "CONTACT"  # only appointments naming the person (BMW; the VP has no case role)
    NONE = "NONE"


ORGANISATION_READERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})
READER_CASE_ROLES = frozenset(
    {
        CaseRole.EMPLOYEE,
        CaseRole.LINE_MANAGER,
        CaseRole.HR_ADVISER,
        CaseRole.CASEMANAGER,
        CaseRole.DELEGATED_PROFESSIONAL,
        CaseRole.OCCUPATIONAL_PHYSICIAN,
    }
)
WRITER_CASE_ROLES = frozenset({CaseRole.LINE_MANAGER, CaseRole.HR_ADVISER, CaseRole.CASEMANAGER})
APPROVER_CASE_ROLES = frozenset({CaseRole.LINE_MANAGER, CaseRole.HR_ADVISER})


def level(actor: Actor, access: Any) -> Level:
    """How much of the case's D09 records the actor may read."""
    if not isinstance(access, CaseAccess) or not can_view_case(actor, access):
        return Level.NONE
    if actor.roles & ORGANISATION_READERS or access.case_roles & READER_CASE_ROLES:
        return Level.FULL
    if CaseRole.OTHER_PARTY in access.case_roles:
        return Level.NEUTRAL
    if CaseRole.COMPANY_SOCIAL_WORKER in access.case_roles:
        return Level.CONTACT
    return Level.NONE


@rule(
    "interventions.section.view", "Open a case's Interventies section: everyone in the case with D09 access."
)
def can_view_section(actor: Actor, access: Any) -> bool:
    return level(actor, access) is not Level.NONE


@rule(
    "interventions.record.view", "Read interventieperiode and leave records (D09 R): WN, LG, HR, CM, TD, BA."
)
def can_view_records(actor: Actor, access: Any) -> bool:
    return level(actor, access) is Level.FULL


@rule("interventions.period.write", "Propose and run an interventieperiode (D09 RW): LG, HR, CM.")
def can_write_period(actor: Actor, access: Any) -> bool:
    if not isinstance(access, CaseAccess) or not can_view_case(actor, access):
        return False
    return bool(actor.roles & ORGANISATION_READERS or access.case_roles & WRITER_CASE_ROLES)


@rule("interventions.period.approve", "Commit the employer to an interventieperiode (R-043): LG, HR.")
def can_approve(actor: Actor, access: Any) -> bool:
    if not isinstance(access, CaseAccess) or not can_view_case(actor, access):
        return False
    return Role.HR_ADVISER in actor.roles or bool(access.case_roles & APPROVER_CASE_ROLES)


@rule("interventions.leave.request", "Request arbeidsconflictenverlof: the employee party of the case.")
def can_request_leave(actor: Actor, access: Any) -> bool:
    return (
        isinstance(access, CaseAccess)
        and can_view_case(actor, access)
        and (CaseRole.EMPLOYEE in access.case_roles)
    )


@rule("interventions.leave.approve", "Approve arbeidsconflictenverlof and record its appointment: LG, HR.")
def can_approve_leave(actor: Actor, access: Any) -> bool:
    return can_approve(actor, access)


@rule("interventions.intervention.write", "Record an intervention or referral on a case (D05): LG, HR, CM.")
def can_write_intervention(actor: Actor, access: Any) -> bool:
    return can_write_period(actor, access)


@rule(
    "interventions.intervention.confirm",
    "Confirm that an intervention resolved the conflict (SM-1 row 14): each party for themselves, WN and WP.",
)
def can_confirm_resolution(actor: Actor, access: Any) -> bool:
    return (
        isinstance(access, CaseAccess)
        and can_view_case(actor, access)
        and bool(access.case_roles & {CaseRole.EMPLOYEE, CaseRole.OTHER_PARTY})
    )


@rule(
    "interventions.appointment.list",
    "See the appointments one is the named contact for: every member but ADM.",
)
def can_list_appointments(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles - {Role.ADMIN})
