"""The one family of refusals: what the rules refuse, and how a page or the API answers it.

Every refusal a service raises is a `Refusal`; each subclass is defined here once, with the HTTP
status the API answers and the findings or field errors it carries (docs/adr/0006-one-way-to-refuse.md).
The access layer's own denials (`core.policy.AccessDenied`, 403, and `NotVisible`, 404) belong to the
family in the answer they give, but stay apart: a view that catches `Refusal` to show it beside its form
must never swallow a denial. `werkvrede.api` maps every refusal through one exception handler; pages
show it through `refusal_context` and the template `core/_refusal.html`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from werkvrede.guideline import Finding, Severity


class Refusal(Exception):  # noqa: N818 - a refusal shown to a person, not a programming error
    """A request the rules refuse. `detail` is its stable machine code in the API."""

    status = 409
    detail = "refused"

    def __init__(self, message: str = "", *, findings: Iterable[Finding] = ()) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.message = message or ", ".join(f.code for f in self.findings)
        super().__init__(self.message)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)


class Blocked(Refusal):
    """The guideline refuses the step: a BLOCK finding or a transition its state machine does not allow."""

    detail = "blocked"

    def __init__(self, findings: Iterable[Finding], message: str = "") -> None:
        super().__init__(message, findings=findings)


class NeedsAttention(Refusal):
    """The step may go ahead once each WARN is acknowledged and each WARN+J finding justified.

    `missing` names the codes still to acknowledge or justify; the API answers `acknowledgement_required`
    or, when a written reason is missing, `justification_required`.
    """

    def __init__(self, findings: Iterable[Finding], missing: Iterable[str] | None = None) -> None:
        findings = tuple(findings)
        super().__init__(findings=findings)
        self.missing: tuple[str, ...] = tuple(missing) if missing is not None else self.codes

    @property
    def needs_justification(self) -> bool:
        return any(f.severity is Severity.WARN_J for f in self.findings if f.code in self.missing)

    @property
    def detail(self) -> str:  # type: ignore[override]
        return "justification_required" if self.needs_justification else "acknowledgement_required"


class NotPossible(Refusal):
    """The step does not fit now (wrong state, an unknown person, a date not reached); the message says
    what to fix."""

    detail = "not_possible"


class StaleVersion(Refusal):
    """Saved from an older version: someone else saved the record in between (ADR 0146).

    `version` is the version now stored and `current` its values (field → value); nothing is saved, so
    the person can compare and save again from `version`. Answered 409 with detail `stale_version`.
    """

    detail = "stale_version"

    def __init__(self, *, version: int, current: Mapping[str, Any]) -> None:
        self.version = version
        self.current: dict[str, Any] = dict(current)
        super().__init__(
            gettext(
                "Iemand anders heeft dit intussen gewijzigd. Hieronder staat wat nu is opgeslagen naast "
                "wat je invulde; sla opnieuw op om jouw versie te bewaren."
            )
        )


class Invalid(Refusal):
    """What was entered does not fit, per field (`errors`: field → messages); answered 422."""

    status = 422
    detail = "invalid input"

    def __init__(self, errors: Mapping[str, Iterable[str]]) -> None:
        self.errors: dict[str, tuple[str, ...]] = {name: tuple(m) for name, m in errors.items()}
        super().__init__(" ".join(m for messages in self.errors.values() for m in messages))

    @classmethod
    def of(cls, field: str, message: str) -> Invalid:
        return cls({field: (message,)})


class KeyReused(Invalid):
    """An idempotency key sent again with another request (path or body) than the first it came with
    (docs/adr/0143-a-write-happens-once.md)."""

    detail = "idempotency_key_reused"

    def __init__(self) -> None:
        super().__init__({"Idempotency-Key": ("sent before with another request; send a new key",)})


class MedicalTermsFound(Invalid):
    """R-131: the employer side typed words that hint at medical details; per field, they must go first.

    R-133 when the bedrijfsarts wrote them in what the employer reads: functional terms only.
    """

    detail = "R-131"

    def __init__(self, terms: Mapping[str, Iterable[str]], *, rule: str = "R-131") -> None:
        self.terms: dict[str, tuple[str, ...]] = {name: tuple(words) for name, words in terms.items()}
        self.rule = self.detail = rule
        # Consent does not make it lawful: the message says so, in the API too.
        why = "functional terms only" if rule == "R-133" else "health data, not even with consent"
        super().__init__(
            {name: (f"{rule}: remove {', '.join(words)} ({why})",) for name, words in self.terms.items()}
        )

    @property
    def all_terms(self) -> tuple[str, ...]:
        return tuple(t for words in self.terms.values() for t in words)


@dataclass(frozen=True)
class RefusalShown:
    """A refusal as a page shows it (template `core/_refusal.html`), next to the form it refused."""

    message: str
    findings: tuple[Finding, ...]
    needs_acknowledgement: bool
    needs_justification: bool
    medical_terms: tuple[str, ...]
    errors: dict[str, tuple[str, ...]]
    # A save from a stale version: per field of the form, its label, what was typed and what is stored.
    stale: tuple[StaleRow, ...] = ()


@dataclass(frozen=True)
class StaleRow:
    label: str
    typed: str
    current: str


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def _stale_rows(exc: StaleVersion, form: Any) -> tuple[StaleRow, ...]:
    """Each field of the form the stored version holds, with what was typed beside it; the form's
    hidden `version` now names the stored version, so saving again keeps what was typed."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in exc.current:
            continue
        # What was typed as the form read it (a date, a yes or no), the same kind as the stored value.
        typed = getattr(form, "cleaned_data", {}).get(name, form.data.get(name))
        current = exc.current[name]
        names = {str(k): v for k, v in getattr(field, "choices", None) or ()}
        if names:  # a choice by its name, as the form shows it
            typed = (
                [names.get(str(t), t) for t in typed]
                if isinstance(typed, list | tuple)
                else names.get(str(typed), typed)
            )
            current = (
                [names.get(str(c), c) for c in current]
                if isinstance(current, list | tuple)
                else names.get(str(current), current)
            )
        rows.append(StaleRow(label=str(field.label or name), typed=_shown(typed), current=_shown(current)))
    if "version" in form.fields and hasattr(form.data, "copy"):
        form.data = form.data.copy()
        form.data["version"] = str(exc.version)
    return tuple(rows)


def refusal_context(exc: Refusal, form: Any = None) -> dict[str, Any]:
    """The template context of a refused step: `refusal` for `core/_refusal.html`; pass the form of a
    save refused as stale (`StaleVersion`) to show the stored values beside what was typed."""
    attention = isinstance(exc, NeedsAttention)
    terms = exc.all_terms if isinstance(exc, MedicalTermsFound) else ()
    return {
        "refusal": RefusalShown(
            message="" if isinstance(exc, Blocked | NeedsAttention | MedicalTermsFound) else exc.message,
            findings=exc.findings,
            needs_acknowledgement=attention and any(f.severity is Severity.WARN for f in exc.findings),
            needs_justification=attention and any(f.severity is Severity.WARN_J for f in exc.findings),
            medical_terms=terms,
            errors=exc.errors if isinstance(exc, Invalid) else {},
            stale=_stale_rows(exc, form) if isinstance(exc, StaleVersion) and form is not None else (),
        )
    }


def add_to_form(form: Any, exc: Invalid) -> None:
    """Show an `Invalid` refusal beside the fields it names (others above the form), keeping the input."""
    for name, messages in exc.errors.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
