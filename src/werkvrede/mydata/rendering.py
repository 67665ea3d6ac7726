"""The export as files: JSON (validated against the published schema) and a readable PDF (WeasyPrint)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from werkvrede.documents import frozen

SCHEMA_PATH = Path(__file__).with_name("mijn-gegevens.schema.json")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def to_json(export: dict[str, Any]) -> str:
    return json.dumps(export, ensure_ascii=False, indent=2)


def to_pdf(export: dict[str, Any]) -> bytes:
    with translation.override(export["language"]):
        html = render_to_string("mydata/export_pdf.html", {"export": export})
    return frozen.write_pdf([html])
