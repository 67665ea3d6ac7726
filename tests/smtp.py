"""A real SMTP server on the loopback address (aiosmtpd, in-process) for the tests that send mail."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller
from django.test import override_settings


@dataclass
class Mailbox:
    """What the server received: (recipients, parsed message) per delivery.

    Set `refuse` to an SMTP reply (e.g. "451 4.3.0 Try again later") to refuse every message; the
    refused ones are counted in `refused`.
    """

    deliveries: list[tuple[list[str], Message]] = field(default_factory=list)
    refuse: str | None = None
    refused: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd hook)
        if self.refuse is not None:
            self.refused += 1
            return self.refuse
        self.deliveries.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [message for recipients, message in self.deliveries if address in recipients]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    """Django sends through its SMTP backend to a real server listening on 127.0.0.1."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=10,
        ):
            yield mailbox
    finally:
        controller.stop()
