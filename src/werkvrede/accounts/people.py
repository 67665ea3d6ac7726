"""People and roles of an organisation, kept by its Beheerder (ADR 0071).

- Inviting: by e-mail with roles (not SUP: supporters are invited by the employee, supporters context).
  An active member gets the missing roles at once; an open invitation is not made twice.
- Roles: organisation-level separation of duties, SOD-2 (a mediator holds no LG, HR, CM, BA, VP or SUP
  role beside it) and SOD-1 (a vertrouwenspersoon holds no LG, HR or CM role beside it); the last active
  Beheerder of an organisation keeps ADM and cannot be deactivated.
- Deactivating a leaver: membership inactive, role grants end, open invitations to the organisation are
  withdrawn, every session ends at its next request; the account goes inactive when no other active
  membership is left. Records stay. `services.person_reactivate` is the way back.

Every write is atomic, authorised here again, and audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts import invitations
from werkvrede.accounts.models import Invitation, Membership, Organisation, RoleGrant, User
from werkvrede.accounts.selectors import PEOPLE_PURPOSE
from werkvrede.accounts.sessions import sessions_end
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible, StaleVersion
from werkvrede.core.roles import Role
from werkvrede.core.versioning import bump_version

PURPOSE = PEOPLE_PURPOSE

# Every organisation role but SUP, which the employee gives for one case (supporters context).
ASSIGNABLE_ROLES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.SUPPORTER)

# Organisation-level separation of duties (ADR 0071): a role and the roles it may not be held with.
SOD_RULES: tuple[tuple[str, Role, frozenset[Role]], ...] = (
    (
        "SOD-2",
        Role.MEDIATOR,
        frozenset(
            {
                Role.LINE_MANAGER,
                Role.HR_ADVISER,
                Role.CASEMANAGER,
                Role.OCCUPATIONAL_PHYSICIAN,
                Role.CONFIDENTIAL_ADVISER,
                Role.SUPPORTER,
            }
        ),
    ),
    (
        "SOD-1",
        Role.CONFIDENTIAL_ADVISER,
        frozenset({Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER}),
    ),
)


@dataclass(frozen=True)
class SodConflict:
    code: str
    role: Role
    others: tuple[Role, ...]

    @property
    def message(self) -> str:
        return _("%(code)s: de rol %(role)s gaat niet samen met %(others)s in één organisatie.") % {
            "code": self.code,
            "role": self.role.label,
            "others": ", ".join(str(o.label) for o in self.others),
        }


def sod_conflicts(roles: Iterable[Role]) -> list[SodConflict]:
    """The separation-of-duty rules the combination `roles` breaks (empty when it may be held)."""
    held = set(roles)
    found = []
    for code, role, forbidden in SOD_RULES:
        if role in held and held & forbidden:
            found.append(SodConflict(code, role, tuple(sorted(held & forbidden))))
    return found


def parse_roles(values: Iterable[str]) -> tuple[list[Role], list[str]]:
    """Role codes (case-insensitive) → roles and the messages for codes that cannot be given here."""
    roles: list[Role] = []
    problems: list[str] = []
    for raw in values:
        code = raw.strip().upper()
        if not code:
            continue
        try:
            role = Role(code)
        except ValueError:
            problems.append(_("Onbekende rol '%(code)s'.") % {"code": raw.strip()})
            continue
        if role is Role.SUPPORTER:
            problems.append(_("Een steunpersoon (SUP) nodigt de werknemer zelf uit, per zaak."))
            continue
        if role not in roles:
            roles.append(role)
    return roles, problems


def _active_admins(organisation_id: int) -> int:
    return (
        RoleGrant.objects.filter(
            role=Role.ADMIN,
            membership__organisation_id=organisation_id,
            membership__is_active=True,
            membership__user__is_active=True,
        )
        .values("membership")
        .distinct()
        .count()
    )


def _refuse_last_admin(membership: Membership) -> None:
    held = set(membership.grants.values_list("role", flat=True))
    if Role.ADMIN in held and membership.is_active and _active_admins(membership.organisation_id) <= 1:
        raise NotPossible(
            _(
                "Dit is de laatste actieve beheerder van de organisatie. Geef eerst iemand anders de rol "
                "Beheerder; anders kan niemand de organisatie nog beheren."
            )
        )


def organisation_of(actor: Actor) -> int:
    """The actor's organisation, after a rule that requires one allowed the step."""
    if actor.organisation_id is None:
        raise NotPossible(_("Kies eerst een organisatie."))
    return actor.organisation_id


# --- Inviting ---------------------------------------------------------------------------------------


class Outcome:
    INVITED = "invited"
    ALREADY_INVITED = "already_invited"
    ROLES_ADDED = "roles_added"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Plan:
    """What inviting an address with roles would do in the actor's organisation (nothing done yet)."""

    outcome: str
    email: str
    membership: Membership | None = None
    missing: tuple[Role, ...] = ()


def plan_person(*, organisation_id: int, email: str, full_name: str, roles: Iterable[Role]) -> Plan:
    """Check an invitation as the Beheerder would make it; raise Invalid/NotPossible naming the field.

    Only the organisation's own members are looked at (the Beheerder sees them in the people list),
    so the answer for an address outside the organisation is the same whether it has an account or not
    (ADR 0070).
    """
    errors: dict[str, list[str]] = {}
    try:
        email = invitations.normalised_email(email)
    except ValidationError:
        errors.setdefault("email", []).append(_("Vul een geldig e-mailadres in."))
    if not full_name.strip():
        errors.setdefault("full_name", []).append(_("Vul een naam in."))
    wanted = list(roles)
    if not wanted:
        errors.setdefault("roles", []).append(_("Kies ten minste één rol."))
    if Role.SUPPORTER in wanted:
        errors.setdefault("roles", []).append(
            _("Een steunpersoon (SUP) nodigt de werknemer zelf uit, per zaak.")
        )
    for conflict in sod_conflicts(wanted):
        errors.setdefault("roles", []).append(conflict.message)
    if errors:
        raise Invalid(errors)
    membership = (
        Membership.objects.filter(organisation_id=organisation_id, user__email__iexact=email)
        .select_related("user")
        .first()
    )
    if membership is not None:
        if not membership.is_active or not membership.user.is_active:
            raise Invalid.of(
                "email",
                _(
                    "Deze persoon is hier gedeactiveerd. Activeer het account weer op de pagina van deze "
                    "persoon en geef daar de rollen."
                ),
            )
        held = {Role(r) for r in membership.grants.values_list("role", flat=True)}
        missing = tuple(r for r in wanted if r not in held)
        if not missing:
            return Plan(Outcome.UNCHANGED, email, membership)
        conflicts = sod_conflicts(held | set(wanted))
        if conflicts:
            raise Invalid({"roles": [c.message for c in conflicts]})
        return Plan(Outcome.ROLES_ADDED, email, membership, missing)
    if Invitation.objects.filter(
        organisation_id=organisation_id,
        invitee__email__iexact=email,
        accepted_at__isnull=True,
        declined_at__isnull=True,
        withdrawn_at__isnull=True,
    ).exists():
        return Plan(Outcome.ALREADY_INVITED, email)
    return Plan(Outcome.INVITED, email)


@transaction.atomic
def person_invite(*, actor: Actor, email: str, full_name: str, roles: Iterable[Role]) -> Plan:
    """Invite `email` with `roles` to the actor's organisation, or give an active member the roles
    they lack. Returns what was done (the plan's outcome)."""
    authorize(actor, "accounts.people.invite")
    organisation_id = organisation_of(actor)
    roles = list(roles)
    plan = plan_person(organisation_id=organisation_id, email=email, full_name=full_name, roles=roles)
    if plan.outcome == Outcome.ROLES_ADDED and plan.membership is not None:
        for role in plan.missing:
            role_add(actor=actor, membership=plan.membership, role=role)
    elif plan.outcome == Outcome.INVITED:
        invitation = invitations.invitation_create(
            organisation=Organisation.objects.get(pk=organisation_id),
            email=plan.email,
            invited_name=full_name,
            roles=roles,
            invited_by_id=actor.uid,
            purpose=PURPOSE,
        )
        audit.record_for(actor, "accounts.person.invited", invitation, data={"roles": invitation.roles})
    return plan


def _open_for_update(actor: Actor, action: str, invitation: Invitation) -> Invitation:
    authorize(actor, action, invitation)
    locked = Invitation.objects.select_for_update(no_key=True).get(pk=invitation.pk)
    if not locked.is_open:
        raise NotPossible(_("Deze uitnodiging is al aangenomen of ingetrokken."))
    return locked


@transaction.atomic
def invitation_resend(*, actor: Actor, invitation: Invitation) -> Invitation:
    """Send a fresh link; the earlier links stop working (the link version is part of the token)."""
    invitation = _open_for_update(actor, "accounts.people.invite", invitation)
    invitation.link_version += 1
    invitation.link_issued_at = timezone.now()
    invitation.save(update_fields=["link_version", "link_issued_at"])
    audit.record_for(actor, "accounts.invitation.resent", invitation, data={"link": invitation.link_version})
    invitations.invitation_send(invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor: Actor, invitation: Invitation) -> Invitation:
    """Close an open invitation: its link says it was withdrawn."""
    invitation = _open_for_update(actor, "accounts.people.invite", invitation)
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    audit.record_for(actor, "accounts.invitation.withdrawn", invitation)
    return invitation


# --- Roles ------------------------------------------------------------------------------------------


def _locked(membership: Membership) -> Membership:
    return Membership.objects.select_for_update(no_key=True).select_related("user").get(pk=membership.pk)


@transaction.atomic
def role_add(*, actor: Actor, membership: Membership, role: Role) -> Membership:
    authorize(actor, "accounts.person.roles", membership)
    membership = _locked(membership)
    if role is Role.SUPPORTER:
        raise Invalid.of("role", _("Een steunpersoon (SUP) nodigt de werknemer zelf uit, per zaak."))
    if not membership.is_active or not membership.user.is_active:
        raise NotPossible(_("Deze persoon is gedeactiveerd. Activeer het account eerst weer."))
    held = {Role(r) for r in membership.grants.values_list("role", flat=True)}
    if role in held:
        return membership
    conflicts = sod_conflicts(held | {role})
    if conflicts:
        raise Invalid({"role": [c.message for c in conflicts]})
    RoleGrant.objects.create(membership=membership, role=role)
    bump_version(membership)
    audit.record_for(actor, "accounts.role.granted", membership, data={"role": str(role)})
    return membership


@transaction.atomic
def role_remove(*, actor: Actor, membership: Membership, role: Role) -> Membership:
    authorize(actor, "accounts.person.roles", membership)
    membership = _locked(membership)
    grant = membership.grants.filter(role=role).first()
    if grant is None:
        return membership
    if role is Role.ADMIN:
        _refuse_last_admin(membership)
    grant.delete()
    bump_version(membership)
    audit.record_for(actor, "accounts.role.revoked", membership, data={"role": str(role)})
    return membership


# --- Leavers ----------------------------------------------------------------------------------------


@transaction.atomic
def person_deactivate(*, actor: Actor, membership: Membership) -> Membership:
    """A leaver: membership inactive, grants ended, open invitations here withdrawn, sessions ended;
    the account inactive when no other active membership is left. Their records stay."""
    authorize(actor, "accounts.person.deactivate", membership)
    membership = _locked(membership)
    if not membership.is_active:
        raise NotPossible(_("Deze persoon is al gedeactiveerd."))
    _refuse_last_admin(membership)
    user = User.objects.select_for_update(no_key=True).get(pk=membership.user_id)
    roles = sorted(membership.grants.values_list("role", flat=True))
    membership.grants.all().delete()
    bump_version(membership)
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    withdrawn = Invitation.objects.filter(
        organisation_id=membership.organisation_id,
        invitee=user,
        accepted_at__isnull=True,
        declined_at__isnull=True,
        withdrawn_at__isnull=True,
    ).update(withdrawn_at=timezone.now())
    account_closed = not Membership.objects.filter(user=user, is_active=True).exists()
    if account_closed and user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    audit.record_for(
        actor,
        "accounts.person.deactivated",
        membership,
        data={"roles": ",".join(roles), "invitations_withdrawn": withdrawn, "account_closed": account_closed},
    )
    sessions_end(user=user, reason="deactivated", actor_user_id=actor.user_id)
    return membership


def acceptance_check(invitation: Invitation) -> str | None:
    """At acceptance, the invitee's roles in the organisation with the invited ones must keep SOD-1/2."""
    held = set(
        RoleGrant.objects.filter(
            membership__user_id=invitation.invitee_id, membership__organisation_id=invitation.organisation_id
        ).values_list("role", flat=True)
    )
    conflicts = sod_conflicts({Role(r) for r in held} | set(invitation.role_list))
    if conflicts:
        return " ".join(c.message for c in conflicts)
    return None


invitations.register_acceptance_check(PURPOSE, acceptance_check)


@transaction.atomic
def roles_set(
    *, actor: Actor, membership: Membership, roles: Iterable[Role], expected_version: int
) -> Membership:
    """Give the member exactly `roles` (SUP, which the Beheerder does not give, stays as it is).

    `expected_version` is the member's version the Beheerder edited; when the roles changed since, the
    refusal holds the roles now given (ADR 0146).
    """
    authorize(actor, "accounts.person.roles", membership)
    membership = _locked(membership)
    held = {Role(r) for r in membership.grants.values_list("role", flat=True)}
    if membership.version != expected_version:
        raise StaleVersion(version=membership.version, current={"roles": sorted(str(r) for r in held)})
    wanted = set(roles)
    if Role.SUPPORTER in wanted - held:
        raise Invalid.of("roles", _("Een steunpersoon (SUP) nodigt de werknemer zelf uit, per zaak."))
    wanted |= held & {Role.SUPPORTER}
    conflicts = sod_conflicts(wanted)
    if conflicts:
        raise Invalid({"roles": [c.message for c in conflicts]})
    for role in sorted(held - wanted):
        role_remove(actor=actor, membership=membership, role=role)
    for role in sorted(wanted - held):
        role_add(actor=actor, membership=membership, role=role)
    membership.refresh_from_db(fields=["version"])
    return membership
