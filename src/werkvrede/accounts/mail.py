"""The e-mails of the accounts context, registered with the outbox (docs/adr/0073-outgoing-mail.md).

A password-reset e-mail is one more `register_mail_kind` here, with its renderer.
"""

from __future__ import annotations

from werkvrede.core.mail import register_mail_kind


def register_mail_kinds() -> None:
    from werkvrede.accounts import invitations, throttle

    register_mail_kind(
        invitations.MAIL_KIND, invitations.invitation_render, on_sent=invitations.invitation_sent
    )
    register_mail_kind(throttle.OWNER_MAIL_KIND, throttle.owner_notice_render)
    register_mail_kind(throttle.ADMIN_MAIL_KIND, throttle.admin_notice_render)
