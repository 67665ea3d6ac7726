"""Port to the vertrouwenspersoon context (SM-6) for the contexts below it in the layers.

The case (R-100: the melder chooses the VP), the mediation (R-077: paused for the VP) and the
protocol page (who is the VP) sit below `werkvrede.confidential`, so they cannot import it. That
context registers itself here in its `AppConfig.ready()`; the others ask through these functions.
Nothing passes through this port but who is involved: never what the melder said (D15).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Adviser:
    """A vertrouwenspersoon as an employee may see them: name and how to reach them (not D15)."""

    name: str
    contact: str
    external: bool


Directory = Callable[[int], list[Adviser]]
RouteOpener = Callable[..., None]

_directory: list[Directory] = []
_opener: list[RouteOpener] = []


def register_directory(directory: Directory) -> None:
    _directory[:] = [directory]


def register_route_opener(opener: RouteOpener) -> None:
    _opener[:] = [opener]


def advisers_of(organisation_id: int | None) -> list[Adviser]:
    """The organisation's vertrouwenspersonen, for the start page, the protocol and the R-100 choice."""
    if organisation_id is None or not _directory:
        return []
    return _directory[0](organisation_id)


def vp_route_open(*, organisation_id: int, melder_id: int, channel: str, today: date) -> None:
    """Open a report on the VP's side only for `melder_id` (R-100 choice, R-077 pause).

    The caller learns nothing back: whether the melder then talks to the VP stays with them.
    """
    if _opener:
        _opener[0](organisation_id=organisation_id, melder_id=melder_id, channel=channel, today=today)
