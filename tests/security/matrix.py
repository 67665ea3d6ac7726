"""The access matrix, gathered from each context's `tests/access_matrix.py`.

Each context states, for every URL it adds, which organisation roles succeed and with which status;
every other role must get 403 or 404. A URL that takes an object id also says how to make one
object in a given organisation, so tenant isolation is tested for it.
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
