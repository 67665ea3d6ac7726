"""The access matrix, gathered from each context's `tests/access_matrix.py`.

Each context states, for every URL it adds, which organisation roles succeed and with which status,
and which status every other role gets: 404 where the role may not learn that the object exists,
403 where it sees the object (or the URL names none) but may not do this — no existence oracle.
A URL that takes an object id also says how to make one object in a given organisation, so tenant
isolation is tested for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from werkvrede.core.roles import Role

ALL = frozenset(Role)


@dataclass(frozen=True)
class Row:
    method: str
    allowed: frozenset[Role]
    success: int
    # (world, "a" | "b") -> URL kwargs naming an object of that organisation
    object_in: Callable[[Any, str], dict[str, int]] | None = None
    # world -> form body (POST) or JSON body (`json=True`)
    body: Callable[[Any], Any] | None = None
    json: bool = False
    # The status a refused role gets.
    refused: int = 404
    # Refused roles that see the object but may not do this: they get 403 where `refused` is 404.
    forbidden: frozenset[Role] = frozenset()

    def refused_status(self, role: Role) -> int:
        return 403 if role in self.forbidden else self.refused


def gather() -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("werkvrede."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.access_matrix")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.access_matrix" and exc.name != f"{config.name}.tests":
                raise
            continue
        for name, row in module.ROWS.items():
            if name in rows:
                raise AssertionError(f"{name} is in the access matrix twice")
            rows[name] = row
    return rows
