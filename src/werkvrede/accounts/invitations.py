"""Invitations: an offer to join an organisation, accepted by the invitee through a one-time link.

Rules (docs/adr/0070-invitations-accepted-by-the-invitee.md):
- Inviting never changes an existing account: not its active state, its password or its memberships.
  A new address gets an account without a usable password; a deactivated account gets no e-mail.
- The inviter gets the same answer whether or not the address has an account, and sees only the name
  they typed until the invitee accepts.
- The membership (with the invitation's roles) is created only when the invitee accepts.

The link carries a signed, time-limited token naming the invitation (nothing is stored for it); it
works once, because an accepted or declined invitation is closed. The e-mail says only that there is
an invitation; never which case or why (no content in e-mail). The context that made an invitation
checks and reacts to its acceptance: `register_acceptance_check` and the `invitation_accepted` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_tasks import task

from werkvrede.accounts.models import Invitation, Membership, Organisation, RoleGrant, User
from werkvrede.audit import services as audit
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.core.refusals import NotPossible
from werkvrede.core.roles import Role
from werkvrede.core.versioning import bump_version

# Sent with `invitation` and `today` after the invitee accepted (their membership exists by then).
invitation_accepted = Signal()
# Sent with `invitation` when an acceptance check refused it; the inviting context closes what it made.
invitation_declined = Signal()

TOKEN_SALT = "werkvrede.accounts.invitation"  # noqa: S105 - a signing salt, not a secret
# The outbox's kind of the invitation e-mail (docs/adr/0073-outgoing-mail.md).
MAIL_KIND = "accounts.invitation"

SUBJECT = "Werkvrede: je bent uitgenodigd / you have been invited"
BODY = (
    "Je bent uitgenodigd voor Werkvrede. Neem de uitnodiging aan via deze link (eenmalig te gebruiken, "
    "{days} dagen geldig):\n{url}\n\n"
    "You have been invited to Werkvrede. Accept the invitation with this link (it works once, for "
    "{days} days):\n{url}\n\n"
    "Deze e-mail zegt bewust niet waar het over gaat.\n"
    "This e-mail deliberately does not say what it is about.\n"
)

# purpose -> check(invitation) returning a message for the invitee when it cannot be accepted.
AcceptanceCheck = Callable[[Invitation], str | None]
_ACCEPTANCE_CHECKS: dict[str, AcceptanceCheck] = {}


def register_acceptance_check(purpose: str, check: AcceptanceCheck) -> None:
    _ACCEPTANCE_CHECKS[purpose] = check


def normalised_email(value: str) -> str:
    """The address as stored (trimmed, lower case); ValidationError when it is not an e-mail address."""
    email = (value or "").strip().lower()
    validate_email(email)
    return email


def max_age_days() -> int:
    return int(getattr(settings, "WERKVREDE_INVITATION_DAYS", 7))


def _account_for(email: str, full_name: str) -> User:
    """The account of this address, unchanged; a new one has no usable password until accepted."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name, password=None)
    return user


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    invited_name: str,
    roles: Iterable[Role],
    invited_by_id: int | None,
    purpose: str,
    reference: str = "",
) -> Invitation:
    """Invite `email` to `organisation` with `roles` and send the e-mail after commit.

    The caller has authorised the invitation. Raises ValidationError for an invalid address.
    """
    email = normalised_email(email)
    invited_name = invited_name.strip()
    invitation = Invitation.objects.create(
        organisation=organisation,
        invitee=_account_for(email, invited_name),
        invited_name=invited_name,
        roles=",".join(sorted(str(r) for r in roles)),
        invited_by_id=invited_by_id,
        purpose=purpose,
        reference=reference,
    )
    audit.record(
        "accounts.invitation.created",
        organisation_id=organisation.pk,
        user_id=invited_by_id,
        object_type="accounts.invitation",
        object_id=str(invitation.pk),
        data={"purpose": purpose},
    )
    invitation_send(invitation_id=invitation.pk)
    return invitation


def invitation_token(invitation: Invitation) -> str:
    # The link version makes a resent link the only one that works (ADR 0071).
    return signing.dumps([invitation.pk, invitation.link_version], salt=TOKEN_SALT, compress=False)


def invitation_path(invitation: Invitation) -> str:
    # In the query string, not the path: the URL pattern takes no object id (nothing to enumerate).
    return f"{reverse('accounts:invitation')}?{urlencode({'i': invitation_token(invitation)})}"


class LinkState:
    """What a link is, for the invitation page to say and offer the next step (ADR 0071)."""

    OPEN = "open"
    INVALID = "invalid"  # altered, or not an invitation link at all
    EXPIRED = "expired"
    REPLACED = "replaced"  # a newer link was sent
    USED = "used"
    WITHDRAWN = "withdrawn"  # withdrawn by the Beheerder, or declined


def _token_payload(token: str, max_age: timedelta | None) -> tuple[int, int] | None:
    value = signing.loads(token, salt=TOKEN_SALT, max_age=max_age)
    if isinstance(value, int) and not isinstance(value, bool):
        return value, 0  # links from before link versions
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return value[0], value[1]
    return None


def invitation_link_state(token: str) -> tuple[str, Invitation | None]:
    """The state of the link and, when it is open, its invitation.

    Only a link that was validly signed is told apart; an altered one is INVALID. The answer names no
    person and no organisation, so it says nothing to someone who guesses.
    """
    try:
        payload = _token_payload(token, timedelta(days=max_age_days()))
        expired = False
    except signing.SignatureExpired:
        try:
            payload = _token_payload(token, None)
        except signing.BadSignature:
            return LinkState.INVALID, None
        expired = True
    except signing.BadSignature:
        return LinkState.INVALID, None
    if payload is None:
        return LinkState.INVALID, None
    pk, version = payload
    invitation = Invitation.objects.filter(pk=pk).select_related("invitee", "organisation").first()
    if invitation is None:
        return LinkState.INVALID, None
    if invitation.accepted_at is not None:
        return LinkState.USED, None
    if invitation.withdrawn_at is not None or invitation.declined_at is not None:
        return LinkState.WITHDRAWN, None
    if version != invitation.link_version:
        return LinkState.REPLACED, None
    if expired:
        return LinkState.EXPIRED, None
    if not invitation.invitee.is_active:
        return LinkState.WITHDRAWN, None
    return LinkState.OPEN, invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation the link names; None when it is altered, expired, replaced, used or closed."""
    state, invitation = invitation_link_state(token)
    return invitation if state == LinkState.OPEN else None


def invitation_send(*, invitation_id: int) -> None:
    """Queue the invitation e-mail in the outbox; the task worker sends it after commit.

    Nothing of the message is stored: the link (with its token) is made when the mail is sent, and
    an invitation that is no longer open, or whose invitee was deactivated, by then gets no e-mail.
    """
    invitation = Invitation.objects.filter(pk=invitation_id).first()
    if invitation is None:
        return
    mail_queue(
        kind=MAIL_KIND,
        reference=invitation.pk,
        recipient_id=invitation.invitee_id,
        organisation_id=invitation.organisation_id,
        recipient_role=invitation.roles,
    )


def invitation_render(outgoing: Outgoing) -> Rendered | None:
    """The e-mail of an open invitation to an active account, made at send time; None otherwise."""
    invitation = Invitation.objects.filter(pk=int(outgoing.reference)).select_related("invitee").first()
    if invitation is None or not invitation.is_open or not invitation.invitee.is_active:
        return None
    url = settings.WERKVREDE_BASE_URL.rstrip("/") + invitation_path(invitation)
    return Rendered(SUBJECT, BODY.format(url=url, days=max_age_days()))


def invitation_sent(outgoing: Outgoing) -> None:
    audit.record(
        "accounts.invitation.sent",
        organisation_id=outgoing.organisation_id,
        object_type="accounts.invitation",
        object_id=outgoing.reference,
    )


@task()
def invitation_send_task(invitation_id: int) -> bool:
    """Kept for invitations queued as tasks before the outbox: queues the e-mail in the outbox."""
    with transaction.atomic():
        invitation_send(invitation_id=invitation_id)
    return True


def invitation_accept(*, invitation: Invitation, today: date, password: str | None = None) -> Invitation:
    """The invitee accepts: a new account gets its password, the membership its roles.

    Raises NotPossible when the context that made the invitation refuses it (the invitation is
    then declined, and that context closes what it made).
    """
    check = _ACCEPTANCE_CHECKS.get(invitation.purpose)
    problem = check(invitation) if check is not None else None
    if problem is not None:
        _decline(invitation)
        raise NotPossible(problem)
    return _accept(invitation, password, today)


@transaction.atomic
def _accept(invitation: Invitation, password: str | None, today: date) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update(no_key=True).select_related("invitee").get(pk=invitation.pk)
    )
    if not invitation.is_open:
        raise NotPossible(_("Deze uitnodiging is al gebruikt."))
    user = invitation.invitee
    if not user.has_usable_password():
        if not password:
            raise NotPossible(_("Kies eerst een wachtwoord."))
        user.set_password(password)
        user.save(update_fields=["password"])
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation_id=invitation.organisation_id
    )
    existing = set(membership.grants.values_list("role", flat=True))
    for role in invitation.role_list:
        if role not in existing:
            RoleGrant.objects.create(membership=membership, role=role)
            bump_version(membership)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(
        "accounts.invitation.accepted",
        organisation_id=invitation.organisation_id,
        user_id=user.pk,
        object_type="accounts.invitation",
        object_id=str(invitation.pk),
        data={"roles": invitation.roles},
    )
    invitation_accepted.send(sender=Invitation, invitation=invitation, today=today)
    return invitation


@transaction.atomic
def _decline(invitation: Invitation) -> None:
    invitation = Invitation.objects.select_for_update(no_key=True).get(pk=invitation.pk)
    if not invitation.is_open:
        return
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    audit.record(
        "accounts.invitation.declined",
        organisation_id=invitation.organisation_id,
        user_id=invitation.invitee_id,
        object_type="accounts.invitation",
        object_id=str(invitation.pk),
    )
    invitation_declined.send(sender=Invitation, invitation=invitation)


def invitations_for(purpose: str, reference: str) -> list[Invitation]:
    return list(Invitation.objects.filter(purpose=purpose, reference=reference).order_by("pk"))


__all__ = [
    "ValidationError",
    "invitation_accept",
    "invitation_accepted",
    "invitation_create",
    "invitation_declined",
    "invitation_for_token",
    "invitation_link_state",
    "invitation_path",
    "invitations_for",
    "normalised_email",
    "register_acceptance_check",
]
