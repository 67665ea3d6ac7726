"""The "Zichtbaar voor" preview is worked out from the policies once per process (ADR 0201), and each
page still shows it in its own language."""

from __future__ import annotations

from django.utils import translation

from werkvrede.cases.visibility import note_readers, note_visibility_preview


def _shown(language: str) -> dict[str, list[str]]:
    with translation.override(language):
        return {
            value: [str(label) for label in readers] for value, readers in note_visibility_preview().items()
        }


def test_the_preview_is_the_policies_answer_and_is_worked_out_once() -> None:
    assert note_visibility_preview() is note_visibility_preview()
    assert {v: list(r) for v, r in note_visibility_preview().items()} == {
        value: note_readers(value) for value in ("PRIVATE", "HANDLERS", "SHARED")
    }
    assert note_visibility_preview()["PRIVATE"] == ()


def test_the_preview_kept_from_a_dutch_page_reads_in_english_on_an_english_page() -> None:
    dutch = _shown("nl")
    english = _shown("en")
    assert "Leidinggevende" in dutch["SHARED"]
    assert "Line manager" in english["SHARED"]
    assert "Leidinggevende" not in english["SHARED"]
