"""The guideline's findings and field errors as every context's JSON API shows them.

(No `from __future__ import annotations`: django-ninja reads the annotations at import time.)
"""

from collections.abc import Iterable
from typing import Any

from ninja import Schema

from werkvrede.guideline import Finding


class MessageOut(Schema):
    nl: str
    en: str


class GuidelineFindingOut(Schema):
    code: str
    severity: str
    message: MessageOut
    subject: str | None
    justified: bool | None = None


class FieldErrorOut(Schema):
    path: str
    message: str


class InvalidOut(Schema):
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
        }
        for f in findings
    ]
