"""Writes of the supporters context: atomic, authorised, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkvrede.accounts.invitations import invitation_send, invitee_get_or_create
from werkvrede.accounts.models import Membership, User
from werkvrede.accounts.services import membership_grant
from werkvrede.audit import services as audit
from werkvrede.cases.models import CaseParticipant
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.roles import Role
from werkvrede.mediation.selectors import mediations_of_case
from werkvrede.mediation.services import admission_revoke
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.supporters.policies import NoteTarget
from werkvrede.vault.services import seal


class SupporterRefused(Exception):  # noqa: N818 - a refusal shown to the person, not a bug
    """The invitation cannot be made; the message (Dutch, translated) says why."""


def _record(code: str, actor: Actor, grant: SupporterGrant, **data: Any) -> None:
    audit.record(
        code,
        organisation_id=grant.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="supporters.supportergrant",
        object_id=str(grant.pk),
        data=data or None,
    )


@transaction.atomic
def supporter_invite(*, actor: Actor, access: CaseAccess, email: str, full_name: str) -> SupporterGrant:
    """The employee invites a supporter for this case: an account with role SUP, a grant, an e-mail."""
    authorize(actor, "supporters.supporter.invite", access)
    organisation = access.case.organisation
    email = email.strip().lower()
    if actor.user_id is not None and User.objects.filter(pk=actor.user_id, email__iexact=email).exists():
        raise SupporterRefused(_("Je kunt jezelf niet als steunpersoon uitnodigen."))
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        # A supporter is nobody else in this organisation or case: no employer role, no case role (SOD).
        if CaseParticipant.objects.filter(case=access.case, user=existing).exists():
            raise SupporterRefused(
                _("Deze persoon heeft al een rol in deze zaak en kan geen steunpersoon zijn.")
            )
        membership = Membership.objects.filter(user=existing, organisation=organisation).first()
        if membership is not None and membership.grants.exclude(role=Role.SUPPORTER).exists():
            raise SupporterRefused(
                _("Deze persoon heeft al een andere rol in deze organisatie en kan geen steunpersoon zijn.")
            )
        if SupporterGrant.objects.filter(
            case=access.case, employee_id=actor.user_id, supporter=existing, revoked_at__isnull=True
        ).exists():
            raise SupporterRefused(_("Deze persoon is al je steunpersoon in deze zaak."))
    supporter = invitee_get_or_create(email=email, full_name=full_name)
    membership_grant(user=supporter, organisation=organisation, roles=[Role.SUPPORTER])
    grant = SupporterGrant.objects.create(
        organisation=organisation, case=access.case, employee_id=actor.uid, supporter=supporter
    )
    # A new account accepts by choosing a password (signal below); an existing one by first opening the grant.
    _record("supporters.grant.invited", actor, grant)
    invitation_send(user_id=supporter.pk, organisation_id=organisation.pk)
    return grant


def grants_accept_for(sender: object, *, user: User, **kwargs: Any) -> None:
    """Signal receiver: the invited supporter chose a password, so their pending grants are accepted."""
    for grant in SupporterGrant.objects.filter(
        supporter=user, accepted_at__isnull=True, revoked_at__isnull=True
    ):
        grant_accept(grant=grant, user_id=user.pk)


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
    grant = SupporterGrant.objects.select_for_update().get(pk=grant.pk)
    authorize(actor, "supporters.grant.revoke", grant)
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    # CC-8: an admission to a mediation rests on the grant; it ends with it, in the same transaction.
    still_supporting = SupporterGrant.objects.filter(
        case_id=grant.case_id, supporter_id=grant.supporter_id, revoked_at__isnull=True
    ).exists()
    if not still_supporting:
        for mediation in mediations_of_case(grant.case):
            admission_revoke(user_id=grant.supporter_id, mediation_id=mediation.pk)
    _record("supporters.grant.revoked", actor, grant)
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
