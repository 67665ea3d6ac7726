"""A clock for the log-in throttle and a real SMTP server on the loopback address."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.smtp import Mailbox, smtp_server

__all__ = ["Clock", "Mailbox", "clock", "smtp"]


class Clock:
    """Time for the throttle, moved by the test instead of by sleeping."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    from werkvrede.accounts import throttle

    fixed = Clock(timezone.now().replace(microsecond=0))
    monkeypatch.setattr(throttle, "now", fixed)
    return fixed


@pytest.fixture
def smtp() -> Iterator[Mailbox]:
    """Django sends through its SMTP backend to a real server listening on 127.0.0.1."""
    with smtp_server() as mailbox:
        yield mailbox
