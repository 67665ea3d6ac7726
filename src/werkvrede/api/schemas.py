from __future__ import annotations

from werkvrede.core.types import Out


class ErrorOut(Out):
    detail: str
    code: str = ""


class MeOut(Out):
    user_id: int
    name: str
    organisation_id: int | None
    organisation_name: str
    roles: list[str]


class ValidationErrorItemOut(Out):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Out):
    """A request that does not fit the document: every field that is wrong, where and why."""

    detail: list[ValidationErrorItemOut]


class IdempotentReplayOut(Out):
    """A POST sent again with its `Idempotency-Key`: the first answer's status, and the id of the record
    it made or changed when it named one; nothing of its content (docs/adr/0143-a-write-happens-once.md)."""

    detail: str
    id: int | None = None
