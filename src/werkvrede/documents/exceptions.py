"""The integrity error of the documents context. Refusals (a locked document, a signature that may not be
made) are the core refusals (`core.refusals.NotPossible`); this one is an alarm, not a refusal."""

from __future__ import annotations


class DocumentTampered(Exception):  # noqa: N818  (name fixed by the documents contract)
    """The stored hash differs from the recomputed one, or a signature was made on other content."""

    def __init__(self, message: str, *, document_id: int | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.document_id = document_id
        self.reason = reason

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
