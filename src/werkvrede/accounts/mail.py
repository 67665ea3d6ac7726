"""The e-mails of the accounts context, registered with the outbox (docs/adr/0073-outgoing-mail.md).

Every kind is rendered when it is sent, so the outbox stores no link or token.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from werkvrede.core.mail import Outgoing, Rendered, register_mail_kind

PASSWORD_RESET_MAIL_KIND = "accounts.password_reset"  # noqa: S105 - a mail kind, not a secret


def password_reset_render(outgoing: Outgoing) -> Rendered | None:
    """The reset link, made now: its hour starts when the e-mail goes out (also after a retry)."""
    from werkvrede.accounts.models import User

    if outgoing.recipient_id is None:
        return None
    user = User.objects.filter(pk=outgoing.recipient_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return None  # deactivated or never set a password since: nothing to send
    context = {
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "base_url": settings.WERKVREDE_BASE_URL.rstrip("/"),
    }
    subject = render_to_string("accounts/password_reset_subject.txt", context).strip()
    return Rendered(subject=subject, body=render_to_string("accounts/password_reset_email.txt", context))


def register_mail_kinds() -> None:
    from werkvrede.accounts import invitations, throttle

    register_mail_kind(
        invitations.MAIL_KIND, invitations.invitation_render, on_sent=invitations.invitation_sent
    )
    register_mail_kind(throttle.OWNER_MAIL_KIND, throttle.owner_notice_render)
    register_mail_kind(throttle.ADMIN_MAIL_KIND, throttle.admin_notice_render)
    register_mail_kind(PASSWORD_RESET_MAIL_KIND, password_reset_render)
