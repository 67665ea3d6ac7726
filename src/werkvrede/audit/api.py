"""JSON API: who read my sensitive data (docs/adr/0165-who-read-my-data.md), under /api/v1.

(No `from __future__ import annotations` here: django-ninja reads the annotations at import time.)
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router

from werkvrede.audit.subject_reads import VIEW, read_lines, reads_about
from werkvrede.core.access import api_requires
from werkvrede.core.pagination import offset_window
from werkvrede.core.types import Limit, Offset, Out

router = Router(tags=["privacy"])


class ReadOut(Out):
    occurred_at: datetime
    organisation: str
    reader_name: str = Field(
        ..., description="the reader's name when they read as a professional, else empty"
    )
    reader_roles: str = Field(..., description="the reader's roles in words")
    category: str = Field(..., description="the data category code (D01…D21, docs/rules.md)")
    category_words: str
    basis: str = Field(..., description="in words: the reader's role, your consent, or an emergency")
    emergency: bool
    records: int


class ReadListOut(Out):
    results: list[ReadOut]
    next_offset: int | None = Field(None, description="offset of the next page; null on the last page")


@router.get(
    "/me/reads", response=ReadListOut, url_name="my-reads", summary="Who read my sensitive data, newest first"
)
@api_requires(VIEW)
def my_reads(request: HttpRequest, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    """Every audited read of my sensitive data by someone else (NEN 7513; AVG art. 15)."""
    window = offset_window(reads_about(request.actor), offset, limit)  # type: ignore[attr-defined]
    return {
        "next_offset": window.next_offset,
        "results": [
            ReadOut(
                occurred_at=line.occurred_at,
                organisation=line.organisation,
                reader_name=line.reader,
                reader_roles=line.roles,
                category=line.category_code,
                category_words=line.category,
                basis=line.basis,
                emergency=line.emergency,
                records=line.records,
            )
            for line in read_lines(window.rows)
        ],
    }
