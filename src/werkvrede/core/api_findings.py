"""The guideline's findings and field errors as every context's JSON API shows them.

(No `from __future__ import annotations`: django-ninja reads the annotations at import time.)
"""

from collections.abc import Iterable
from typing import Any

from werkvrede.core.refusals import Invalid, NeedsAttention, Refusal, StaleVersion
from werkvrede.core.types import Out
from werkvrede.guideline import Finding


class MessageOut(Out):
    nl: str
    en: str


class GuidelineFindingOut(Out):
    code: str
    severity: str
    message: MessageOut
    subject: str | None
    justified: bool | None = None
    # The words or sentences of the subject's text the finding refuses.
    matches: list[str] = []


class FieldErrorOut(Out):
    path: str
    message: str


class InvalidOut(Out):
    detail: str
    errors: list[FieldErrorOut]


def findings_out(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    return [
        {
            "code": f.code,
            "severity": f.severity.value,
            "message": {"nl": f.message.nl, "en": f.message.en},
            "subject": f.subject,
            "justified": f.justified,
            "matches": list(f.matches),
        }
        for f in findings
    ]


class RefusalOut(Out):
    """A step the rules refuse now (409): `detail` says how (blocked, acknowledgement_required,
    justification_required, not_possible), `findings` why, `missing` what to acknowledge or justify."""

    detail: str
    message: str = ""
    findings: list[GuidelineFindingOut] = []
    missing: list[str] = []
    # stale_version (ADR 0146): the version now stored and its values, to compare and save again.
    version: int | None = None
    current: dict[str, Any] | None = None


def refusal_body(exc: Refusal) -> dict[str, Any]:
    """The JSON of a refusal: field errors for what was entered (422), findings for a refused step (409)."""
    if isinstance(exc, Invalid):
        errors = [{"path": name, "message": m} for name, messages in exc.errors.items() for m in messages]
        return {"detail": exc.detail, "errors": errors}
    body: dict[str, Any] = {
        "detail": exc.detail,
        "message": exc.message,
        "findings": findings_out(exc.findings),
    }
    if isinstance(exc, NeedsAttention):
        body["missing"] = list(exc.missing)
    if isinstance(exc, StaleVersion):
        body["version"] = exc.version
        body["current"] = exc.current
    return body
