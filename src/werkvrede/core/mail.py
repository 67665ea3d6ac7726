"""Every e-mail Werkvrede sends goes through one outbox (docs/adr/0073-outgoing-mail.md).

This is the port that every context uses; the outbox itself (its table, the sending task, retries,
the Beheerder's page of failed mail) lives in `werkvrede.notifications.outbox`, which registers
itself here, so that contexts below it in the layers (accounts) can queue mail too.

A context registers each kind of e-mail it sends once, in its `AppConfig.ready()`:

    register_mail_kind("accounts.invitation", render_invitation, on_sent=invitation_sent)

and queues one with `mail_queue(kind=..., reference=..., recipient_id=...)` inside its transaction.
The outbox stores only the kind, the reference (an id), the recipient and the organisation — never
a subject, a body, a link or a token: the renderer makes the message when it is sent, from the
object the reference names, and may answer None when there is nothing to send any more (an
invitation accepted in the meantime). A new kind (a password reset, say) is one more registration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str


@dataclass(frozen=True)
class Rendered:
    """The message as it goes out: made at send time, never stored."""

    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Outgoing:
    """What the outbox knows of one e-mail: enough to render it, nothing of its content."""

    id: int
    kind: str
    reference: str
    recipient_id: int | None
    organisation_id: int | None


Renderer = Callable[[Outgoing], Rendered | None]
SentHook = Callable[[Outgoing], None]


@dataclass(frozen=True)
class MailKind:
    code: str
    render: Renderer
    # Called in the sending transaction after the server took the message (to audit, to mark).
    on_sent: SentHook | None = None


_KINDS: dict[str, MailKind] = {}


def register_mail_kind(code: str, render: Renderer, *, on_sent: SentHook | None = None) -> None:
    _KINDS[code] = MailKind(code, render, on_sent)


def mail_kind(code: str) -> MailKind:
    """The registered kind; KeyError for an unknown one (the outbox then fails the mail)."""
    return _KINDS[code]


def mail_kinds() -> list[str]:
    return sorted(_KINDS)


class Outbox:
    """What the outbox offers to the contexts (implemented by `werkvrede.notifications.outbox`)."""

    def queue(
        self,
        *,
        kind: str,
        reference: str,
        recipient_id: int | None,
        address: str,
        organisation_id: int | None,
        recipient_role: str,
    ) -> int:  # pragma: no cover - the interface
        raise NotImplementedError


_outbox: list[Outbox] = []


def register_outbox(outbox: Outbox) -> None:
    _outbox[:] = [outbox]


def mail_queue(
    *,
    kind: str,
    reference: str | int,
    recipient_id: int | None = None,
    address: str = "",
    organisation_id: int | None = None,
    recipient_role: str = "",
) -> int:
    """Queue one e-mail of a registered kind; it is sent after the caller's transaction commits.

    The recipient is a user (their address is read when the mail is sent) or, for someone without
    an account, an address. `recipient_role` is what the Beheerder sees of a failed mail (role codes,
    e.g. "HR"); without it the outbox takes the recipient's roles in the organisation. Returns the
    outbox row's id.
    """
    if kind not in _KINDS:
        raise KeyError(f"unregistered mail kind {kind!r}")
    if (recipient_id is None) == (not address):
        raise ValueError("give a recipient_id or an address, not both")
    if not _outbox:
        raise RuntimeError("no outbox registered (werkvrede.notifications is not installed)")
    return _outbox[0].queue(
        kind=kind,
        reference=str(reference),
        recipient_id=recipient_id,
        address=address,
        organisation_id=organisation_id,
        recipient_role=recipient_role,
    )
