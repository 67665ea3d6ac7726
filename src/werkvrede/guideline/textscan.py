"""Matching the word lists of `terms.py` against free text and field names (R-030, R-033, R-131, R-133).

A pattern word matches a whole text word (word boundaries), by the notation described in `terms.py`.
Results are what the text says (lower case, unique, in text order), so a form can mark them.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from werkvrede.guideline import terms

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?;\n]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # lower case
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    return [_Word(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _word_regex(pattern: str) -> str:
    core = re.escape(pattern.strip("*"))
    return (".*" if pattern.startswith("*") else "") + core + (".*" if pattern.endswith("*") else "")


@dataclass(frozen=True, slots=True)
class _Matcher:
    single: re.Pattern[str] | None
    phrases: tuple[tuple[re.Pattern[str], ...], ...]


def _matcher(patterns: Iterable[str]) -> _Matcher:
    single: list[str] = []
    phrases: list[tuple[re.Pattern[str], ...]] = []
    for pattern in patterns:
        parts = pattern.split()
        if len(parts) == 1:
            single.append(_word_regex(parts[0]))
        else:
            phrases.append(tuple(re.compile(_word_regex(p)) for p in parts))
    return _Matcher(re.compile("|".join(f"(?:{s})" for s in single)) if single else None, tuple(phrases))


def _spans(matcher: _Matcher, words: list[_Word]) -> list[tuple[int, int]]:
    """Word index spans [i, j) that match; the longest phrase at a word wins, no overlaps."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        best = 0
        for phrase in matcher.phrases:
            n = len(phrase)
            if (
                n > best
                and i + n <= len(words)
                and all(p.fullmatch(words[i + k].text) for k, p in enumerate(phrase))
            ):
                best = n
        if not best and matcher.single is not None and matcher.single.fullmatch(words[i].text):
            best = 1
        if best:
            out.append((i, i + best))
            i += best
        else:
            i += 1
    return out


@cache
def _health() -> _Matcher:
    return _matcher(p for group in terms.HEALTH_TERMS.values() for p in group)


@cache
def _termination() -> _Matcher:
    return _matcher(terms.TERMINATION_PHRASES)


def _found(matcher: _Matcher, text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    words = _words(text)
    seen: dict[str, None] = {}
    for i, j in _spans(matcher, words):
        seen.setdefault(" ".join(w.text for w in words[i:j]), None)
    return tuple(seen)


def scan_medical_terms(text: str | None) -> tuple[str, ...]:
    """Health terms in Dutch or English text (diagnosis, symptoms, treatment, medication, pregnancy)."""
    return _found(_health(), text)


def field_name_words(key: str) -> str:
    """A field name as words: ``burnout_suspected`` → "burnout suspected", ``sleepMeds`` → "sleep meds"."""
    return " ".join(re.sub(r"[_.\-]+", " ", _CAMEL.sub(" ", key)).split())


def scan_field_name(key: str) -> tuple[str, ...]:
    """Health terms in an employer-side field name (R-131), including the names medical in themselves."""
    words = field_name_words(key).lower()
    if words.replace(" ", "_") in terms.MEDICAL_FIELD_NAMES or words in terms.MEDICAL_FIELD_NAMES:
        return (words,)
    named = tuple(w for w in words.split() if w in terms.MEDICAL_FIELD_NAMES)
    return tuple(dict.fromkeys((*named, *scan_medical_terms(words))))


def scan_termination(text: str | None) -> tuple[str, ...]:
    """Termination or resignation named in free text (R-033, R-097)."""
    return _found(_termination(), text)


@cache
def _condition_matchers() -> tuple[_Matcher, _Matcher, _Matcher, _Matcher, _Matcher, _Matcher]:
    return (
        _matcher(terms.CONDITION_CONFLICT),
        _matcher(terms.CONDITION_RESOLVED),
        _matcher(terms.CONDITION_MARKER),
        _matcher(terms.CONDITION_MARKER_NEAR),
        _matcher(terms.CONDITION_WORK),
        _matcher(terms.CONDITION_NEGATION),
    )


# How far apart the conflict and its resolution, and a "near" condition word and either, may be.
_CLAUSE_WORDS = 6
_NEAR_WORDS = 3


@dataclass(frozen=True, slots=True)
class ConditionSentence:
    """A sentence that lets work wait for the conflict's resolution (R-030)."""

    sentence: str
    names_work: bool  # the sentence speaks of work, resumption or re-integration


def scan_conditions(text: str | None) -> tuple[ConditionSentence, ...]:
    """Sentences that make work (or anything) wait until the conflict is resolved (R-030)."""
    if not text:
        return ()
    conflict, resolved, marker, near, work, negation = _condition_matchers()
    out: list[ConditionSentence] = []
    start = 0
    for end_match in [*_SENTENCE_END.finditer(text), None]:
        end = end_match.start() if end_match is not None else len(text)
        raw = text[start:end]
        start = end_match.end() if end_match is not None else len(text)
        words = _words(raw)
        if not words or _spans(negation, words):
            continue
        c_at = [i for i, _ in _spans(conflict, words)]
        r_at = [i for i, _ in _spans(resolved, words)]
        clauses = [(min(c, r), max(c, r)) for c in c_at for r in r_at if abs(c - r) <= _CLAUSE_WORDS]
        if not clauses:
            continue
        anywhere = bool(_spans(marker, words))
        close = any(
            lo - _NEAR_WORDS <= i <= hi + _NEAR_WORDS for i, _ in _spans(near, words) for lo, hi in clauses
        )
        if anywhere or close:
            out.append(ConditionSentence(" ".join(raw.split()), bool(_spans(work, words))))
    return tuple(out)


def highlight(text: str, matches: Iterable[str]) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each saying whether it is one of `matches` (case-insensitive, whole words,
    white space between words free), for a form to mark what it refuses."""
    pieces = [m for m in dict.fromkeys(matches) if m.strip()]
    if not text or not pieces:
        return [(text, False)] if text else []
    alternatives = sorted(
        (r"\s+".join(re.escape(w) for w in m.split()) for m in pieces), key=len, reverse=True
    )
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)
    out: list[tuple[str, bool]] = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            out.append((text[at : m.start()], False))
        out.append((m.group(), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return out
