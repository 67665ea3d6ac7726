from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    code: str = ""


class MeOut(Schema):
    user_id: int
    name: str
    organisation_id: int | None
    organisation_name: str
    roles: list[str]
