"""Writes of the supporters context: atomic, authorised, audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.invitations import invitation_create, normalised_email
from werkvrede.accounts.models import Invitation, RoleGrant, User
from werkvrede.audit import services as audit
from werkvrede.cases.models import CaseParticipant
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import SYSTEM, Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role
from werkvrede.mediation.models import MediationParty
from werkvrede.mediation.policies import MediationAccess
from werkvrede.mediation.selectors import mediations_of_case
from werkvrede.mediation.services import admission_revoke
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.supporters.policies import NoteTarget
from werkvrede.vault.services import seal

INVITATION_PURPOSE = "supporters.grant"


@transaction.atomic
def supporter_invite(*, actor: Actor, access: CaseAccess, email: str, full_name: str) -> SupporterGrant:
    """The employee invites a supporter for this case: a grant, and an invitation to accept by e-mail.

    The answer is the same whether or not the address already has an account, and shows only the name
    typed here. Whether the person may be a supporter (no other role in the organisation or the case)
    is checked when they accept (`acceptance_problem`), where only they see the answer.
    """
    authorize(actor, "supporters.supporter.invite", access)
    return _invite(actor, access.case.organisation, email, full_name, case=access.case)


@transaction.atomic
def supporter_invite_to_mediation(
    *, actor: Actor, access: MediationAccess, email: str, full_name: str
) -> SupporterGrant:
    """A party of a mediation without a case invites a supporter; the grant belongs to the mediation."""
    authorize(actor, "supporters.mediation_supporter.invite", access)
    return _invite(actor, access.mediation.organisation, email, full_name, mediation=access.mediation)


def _invite(
    actor: Actor, organisation: Any, email: str, full_name: str, *, case: Any = None, mediation: Any = None
) -> SupporterGrant:
    try:
        email = normalised_email(email)
    except ValidationError as exc:
        raise Invalid.of("email", _("Vul een geldig e-mailadres in.")) from exc
    full_name = full_name.strip()
    if not full_name:
        raise Invalid.of("full_name", _("Vul de naam van je steunpersoon in."))
    if actor.user_id is not None and User.objects.filter(pk=actor.user_id, email__iexact=email).exists():
        raise Invalid.of("email", _("Je kunt jezelf niet als steunpersoon uitnodigen."))
    if SupporterGrant.objects.filter(
        case=case, mediation=mediation, employee_id=actor.user_id, supporter__email__iexact=email,
        revoked_at__isnull=True,
    ).exists():  # fmt: skip
        if case is None:
            raise Invalid.of(
                "email", _("Je hebt dit e-mailadres al als steunpersoon uitgenodigd in deze mediation.")
            )
        raise Invalid.of("email", _("Je hebt dit e-mailadres al als steunpersoon uitgenodigd in deze zaak."))
    invitation = invitation_create(
        organisation=organisation,
        email=email,
        invited_name=full_name,
        roles=[Role.SUPPORTER],
        invited_by_id=actor.user_id,
        purpose=INVITATION_PURPOSE,
    )
    grant = SupporterGrant.objects.create(
        organisation=organisation,
        case=case,
        mediation=mediation,
        employee_id=actor.uid,
        supporter=invitation.invitee,
        invited_name=full_name,
    )
    invitation.reference = str(grant.pk)
    invitation.save(update_fields=["reference"])
    audit.record_for(actor, "supporters.grant.invited", grant)
    return grant


def _grant_of(invitation: Invitation) -> SupporterGrant | None:
    if invitation.purpose != INVITATION_PURPOSE or not invitation.reference.isdigit():
        return None
    return SupporterGrant.objects.filter(pk=int(invitation.reference), supporter=invitation.invitee).first()


def acceptance_problem(invitation: Invitation) -> str | None:
    """A supporter is nobody else in this organisation or case (SOD), and the grant must still stand."""
    grant = _grant_of(invitation)
    if grant is None or grant.revoked_at is not None:
        return _("Deze uitnodiging is ingetrokken.")
    if (
        grant.case_id is not None
        and CaseParticipant.objects.filter(case_id=grant.case_id, user_id=grant.supporter_id).exists()
    ):
        return _(
            "Je hebt al een rol in de zaak waarvoor je bent uitgenodigd, en kunt daarom geen "
            "steunpersoon zijn."
        )
    mediation = grant.mediation
    if mediation is not None and (
        mediation.mediator_id == grant.supporter_id
        or MediationParty.objects.filter(mediation=mediation, user_id=grant.supporter_id).exists()
    ):
        return _(
            "Je hebt al een rol in de mediation waarvoor je bent uitgenodigd, en kunt daarom geen "
            "steunpersoon zijn."
        )
    other_roles = RoleGrant.objects.filter(
        membership__user_id=grant.supporter_id, membership__organisation_id=grant.organisation_id
    ).exclude(role=Role.SUPPORTER)
    if other_roles.exists():
        return _("Je hebt al een andere rol in deze organisatie en kunt daarom geen steunpersoon zijn.")
    return None


def on_invitation_accepted(sender: object, *, invitation: Invitation, **kwargs: Any) -> None:
    """Signal receiver: the invited supporter accepted, so the grant is accepted."""
    grant = _grant_of(invitation)
    if grant is not None and grant.revoked_at is None:
        grant_accept(grant=grant, user_id=invitation.invitee_id)


def on_invitation_declined(sender: object, *, invitation: Invitation, **kwargs: Any) -> None:
    """Signal receiver: the invitation was refused at acceptance (SOD), so the grant ends unused."""
    grant = _grant_of(invitation)
    if grant is None or grant.revoked_at is not None:
        return
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    audit.record(
        "supporters.grant.declined",
        organisation_id=grant.organisation_id,
        user_id=invitation.invitee_id,
        object_type="supporters.supportergrant",
        object_id=str(grant.pk),
    )


def grant_accept(*, grant: SupporterGrant, user_id: int) -> None:
    if grant.accepted_at is not None or grant.supporter_id != user_id:
        return
    grant.accepted_at = timezone.now()
    grant.save(update_fields=["accepted_at"])
    audit.record(
        "supporters.grant.accepted",
        organisation_id=grant.organisation_id,
        user_id=user_id,
        object_type="supporters.supportergrant",
        object_id=str(grant.pk),
    )


@transaction.atomic
def grant_revoke(*, actor: Actor, grant: SupporterGrant) -> SupporterGrant:
    """Revoke at once: every rule checks `revoked_at`, so the supporter's next request is refused."""
    grant = SupporterGrant.objects.select_for_update(no_key=True).get(pk=grant.pk)
    authorize(actor, "supporters.grant.revoke", grant)
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    # CC-8: an admission to a mediation rests on the grant; it ends with it, in the same transaction.
    # The same case, or the same mediation without a case (ADR 0040).
    scope = Q(case=grant.case) if grant.case is not None else Q(mediation=grant.mediation)
    still_supporting = SupporterGrant.objects.filter(
        scope, supporter_id=grant.supporter_id, revoked_at__isnull=True
    ).exists()
    if not still_supporting:
        if grant.case is not None:
            mediations = mediations_of_case(grant.case)
        else:
            mediations = [grant.mediation] if grant.mediation is not None else []
        for mediation in mediations:
            # The employee's revocation is authorised here; the mediation ends the admission as the system.
            admission_revoke(actor=SYSTEM, user_id=grant.supporter_id, mediation_id=mediation.pk)
    audit.record_for(actor, "supporters.grant.revoked", grant)
    return grant


@transaction.atomic
def note_write(*, actor: Actor, grant: SupporterGrant, section: str, text: str) -> PreparationNote:
    authorize(actor, "supporters.note.write", NoteTarget(grant=grant, section=section))
    sealed = seal(actor=actor, organisation_id=grant.organisation_id, compartment="D17", plaintext=text)
    note = PreparationNote.objects.create(grant=grant, section=section, author_id=actor.uid, sealed=sealed)
    audit.record(
        "supporters.note.written",
        organisation_id=grant.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="supporters.preparationnote",
        object_id=str(note.pk),
        legal_basis="D17",
        data={"section": section},
    )
    return note
