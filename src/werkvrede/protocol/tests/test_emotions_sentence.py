"""R-007: the built-in sentence in the reader's language, an organisation's own one as written (ADR 0133)."""

from __future__ import annotations

from django.utils import translation

from werkvrede.protocol.models import DEFAULT_EMOTIONS_SENTENCE, ConflictProtocol


def test_the_built_in_sentence_is_translated() -> None:
    protocol = ConflictProtocol(emotions_sentence=DEFAULT_EMOTIONS_SENTENCE)
    with translation.override("en"):
        assert protocol.emotions_sentence_display.startswith("Emotions alone are no reason")
    with translation.override("nl"):
        assert protocol.emotions_sentence_display == DEFAULT_EMOTIONS_SENTENCE


def test_an_own_sentence_is_shown_as_written() -> None:
    protocol = ConflictProtocol(emotions_sentence="Bij ons praat je eerst met HR.")
    with translation.override("en"):
        assert protocol.emotions_sentence_display == "Bij ons praat je eerst met HR."
