"""The errors of the documents context. Their message is user-facing Dutch (translated when raised)."""

from __future__ import annotations


class DocumentError(Exception):
    """Something about a document that the person acting should be told."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class DocumentLocked(DocumentError):  # noqa: N818  (names fixed by the documents contract)
    """Signing or changing a locked or superseded document."""


class SignatureRefused(DocumentError):  # noqa: N818
    """Not a signer, already signed, or the typed name does not match."""


class DocumentTampered(DocumentError):  # noqa: N818
    """The stored hash differs from the recomputed one, or a signature was made on other content."""

    def __init__(self, message: str, *, document_id: int | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.document_id = document_id
        self.reason = reason
