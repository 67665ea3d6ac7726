"""Invitations: a person gets an account without a password and an e-mail with a one-time link.

The link carries a token of Django's password-reset kind (no token is stored): it is bound to the
password hash and the last log-in, so it stops working the moment the password is set. The e-mail
says only that there is an invitation; never which case or why (security.md: no content in e-mail).
Other contexts learn that an invitation was accepted through the `invitation_accepted` signal.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django_tasks import task

from werkvrede.accounts.models import User
from werkvrede.audit import services as audit


class _InvitationTokens(PasswordResetTokenGenerator):
    key_salt = "werkvrede.accounts.invitations"


invitation_tokens = _InvitationTokens()

# Sent with `user` after an invited person set their password.
invitation_accepted = Signal()

SUBJECT = "Werkvrede: je bent uitgenodigd / you have been invited"
BODY = (
    "Je bent uitgenodigd voor Werkvrede. Kies je wachtwoord via deze link (eenmalig te gebruiken):\n{url}\n\n"
    "You have been invited to Werkvrede. Choose your password with this link (it works once):\n{url}\n\n"
    "Deze e-mail zegt bewust niet waar het over gaat.\n"
    "This e-mail deliberately does not say what it is about.\n"
)
BODY_EXISTING = (
    "Er staat in Werkvrede iets nieuws voor je klaar. Log in met je bestaande account:\n{url}\n\n"
    "Something new is waiting for you in Werkvrede. Log in with your existing account:\n{url}\n\n"
    "Deze e-mail zegt bewust niet waar het over gaat.\n"
    "This e-mail deliberately does not say what it is about.\n"
)


def invitee_get_or_create(*, email: str, full_name: str) -> User:
    """The person with this e-mail address; a new one has no usable password until they accept."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name.strip(), password=None)
    elif not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def invitation_path(user: User) -> str:
    # In the query string, not the path: the URL pattern takes no object id (nothing to enumerate).
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    query = urlencode({"u": uid, "t": invitation_tokens.make_token(user)})
    return f"{reverse('accounts:invitation')}?{query}"


def user_for_token(uidb64: str, token: str) -> User | None:
    """The invited person if the link is valid and unused; None otherwise (expired, used, altered)."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or user.has_usable_password() or not invitation_tokens.check_token(user, token):
        return None
    return user


def invitation_send(*, user_id: int, organisation_id: int | None) -> None:
    """Send the invitation e-mail (after commit, through the task system)."""
    transaction.on_commit(lambda: invitation_send_task.enqueue(user_id, organisation_id))


def invitation_deliver(user_id: int, organisation_id: int | None) -> bool:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    base = settings.WERKVREDE_BASE_URL.rstrip("/")
    if user.has_usable_password():
        body = BODY_EXISTING.format(url=base + reverse("accounts:login"))
    else:
        body = BODY.format(url=base + invitation_path(user))
    send_mail(SUBJECT, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    audit.record(
        "accounts.invitation.sent",
        organisation_id=organisation_id,
        user_id=user.pk,
        object_type="accounts.user",
        object_id=str(user.pk),
    )
    return True


@task()
def invitation_send_task(user_id: int, organisation_id: int | None) -> bool:
    return invitation_deliver(user_id, organisation_id)


@transaction.atomic
def invitation_accept(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(
        "accounts.invitation.accepted",
        organisation_id=None,
        user_id=user.pk,
        object_type="accounts.user",
        object_id=str(user.pk),
    )
    invitation_accepted.send(sender=User, user=user)
