"""Who may do what with supporters and the preparation space (SUP and D17 in docs/rules.md).

D17: RW for the supporter, R for the supported employee, nobody else — not HR, not the other party,
not the mediator (D17 fn 24). A supporter gets nothing from the organisation role SUP alone: every
rule checks an active grant naming them, so a revoked grant closes everything on the next request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkvrede.cases.models import CaseRole
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role
from werkvrede.supporters.models import (
    EMPLOYEE_SECTIONS,
    SUPPORTER_SECTIONS,
    PreparationNote,
    SupporterGrant,
)


def _in_organisation(actor: Actor, obj: Any) -> bool:
    return (
        actor.organisation_id is not None and getattr(obj, "organisation_id", None) == actor.organisation_id
    )


def is_supporter_of(actor: Actor, grant: Any) -> bool:
    """The actor is the supporter named in an active grant of their organisation."""
    return (
        isinstance(grant, SupporterGrant)
        and _in_organisation(actor, grant)
        and Role.SUPPORTER in actor.roles
        and grant.supporter_id == actor.user_id
        and grant.revoked_at is None
    )


def is_employee_of(actor: Actor, grant: Any) -> bool:
    """The actor is the employee who gave the grant (revoked or not: their own space stays theirs)."""
    return (
        isinstance(grant, SupporterGrant)
        and _in_organisation(actor, grant)
        and grant.employee_id == actor.user_id
    )


@rule("supporters.area.open", "Open the supporter pages at all: WN and SUP (objects are checked per grant).")
def can_open_area(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and bool(actor.roles & {Role.EMPLOYEE, Role.SUPPORTER})


@rule("supporters.grant.list_own", "See 'my supported persons': SUP (only their own active grants).")
def can_list_own(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and Role.SUPPORTER in actor.roles


@rule("supporters.section.view", "The Steunpersoon section of a case: the employee (WN) in that case.")
def can_view_section(actor: Actor, access: Any) -> bool:
    return (
        isinstance(access, CaseAccess)
        and access.organisation_id == actor.organisation_id
        and CaseRole.EMPLOYEE in access.case_roles
    )


@rule("supporters.supporter.invite", "Invite a supporter for one's own case: the employee (WN) in the case.")
def can_invite(actor: Actor, access: Any) -> bool:
    return can_view_section(actor, access)


# Parties of a mediation who may bring a supporter: the employee and the other party, persons in the
# conflict; the employer's representative speaks for the employer and brings a lawyer instead (ADR 0040).
SUPPORTED_SIDES = frozenset({"WN", "WP"})


@rule(
    "supporters.mediation_section.view",
    "The Steunpersoon section of a mediation without a case: a party (WN or WP) of that mediation.",
)
def can_view_mediation_section(actor: Actor, access: Any) -> bool:
    from werkvrede.mediation.policies import PARTY, MediationAccess

    return (
        isinstance(access, MediationAccess)
        and access.organisation_id == actor.organisation_id
        and access.mediation.case_id is None
        and PARTY in access.relations
        and access.party is not None
        and access.party.user_id == actor.user_id
        and access.party.side in SUPPORTED_SIDES
    )


@rule(
    "supporters.mediation_supporter.invite",
    "Invite a supporter for oneself in a running mediation without a case: a party (WN or WP) of it.",
)
def can_invite_to_mediation(actor: Actor, access: Any) -> bool:
    return can_view_mediation_section(actor, access) and access.mediation.active


@rule(
    "supporters.grant.view", "Open a supporter grant and its preparation space: its supporter, its employee."
)
def can_view_grant(actor: Actor, grant: Any) -> bool:
    return is_supporter_of(actor, grant) or is_employee_of(actor, grant)


@rule("supporters.grant.revoke", "Revoke a supporter's access, at any moment: the employee who gave it.")
def can_revoke(actor: Actor, grant: Any) -> bool:
    return is_employee_of(actor, grant) and grant.revoked_at is None


@dataclass(frozen=True)
class NoteTarget:
    grant: SupporterGrant
    section: str

    @property
    def organisation_id(self) -> int:
        return self.grant.organisation_id


@rule(
    "supporters.note.write",
    "Write in the preparation space (D17): supporter (preparation), employee (own points).",
)
def can_write_note(actor: Actor, target: Any) -> bool:
    if not isinstance(target, NoteTarget) or target.grant.revoked_at is not None:
        return False
    if is_supporter_of(actor, target.grant):
        return target.section in SUPPORTER_SECTIONS
    return is_employee_of(actor, target.grant) and target.section in EMPLOYEE_SECTIONS


@rule("supporters.note.read", "Open a sealed preparation note (D17): the active supporter, the employee.")
def can_read_note(actor: Actor, sealed: Any) -> bool:
    if getattr(sealed, "organisation_id", None) != actor.organisation_id or actor.user_id is None:
        return False
    note = PreparationNote.objects.filter(sealed=sealed).select_related("grant").first()
    return note is not None and can_view_grant(actor, note.grant)
