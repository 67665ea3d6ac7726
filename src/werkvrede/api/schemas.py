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


class ValidationErrorItemOut(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Schema):
    """A request that does not fit the document: every field that is wrong, where and why."""

    detail: list[ValidationErrorItemOut]
