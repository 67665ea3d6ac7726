"""The one guideline gate: ask the engine about a step, raise its refusal, or say what stands.

Every context asks the guideline the same way (docs/adr/0006-one-way-to-refuse.md): the step's state
machine transition (SM-x), then the findings about the step's subject. A BLOCK among the codes the
step is blocked by raises `Blocked`; WARNs to acknowledge and WARN+J findings to justify that are not
yet acknowledged or justified raise one `NeedsAttention` naming them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from werkvrede.core.refusals import Blocked, NeedsAttention
from werkvrede.guideline import Finding, Severity, evaluate, parse_situation
from werkvrede.guideline.model import Situation
from werkvrede.guideline.states import transition

BLOCKING: Final = (Severity.BLOCK, Severity.BLOCK_STAR)


class _All:
    """Every code (e.g. every BLOCK about a bedrijfsarts' advice stops it)."""

    def __contains__(self, code: object) -> bool:
        return True


ALL: Final = _All()
Codes = Iterable[str] | _All


@dataclass(frozen=True)
class Decision:
    """What the engine said about an allowed step: its target state and the findings that stand."""

    target: str | None
    warnings: tuple[Finding, ...]  # acknowledged WARNs and justified WARN+Js
    info: tuple[Finding, ...]
    findings: tuple[Finding, ...]  # everything about the subject

    @property
    def codes(self) -> str:
        return ",".join(sorted({f.code for f in self.warnings}))

    @property
    def next_state(self) -> str:
        """The target state of the transition that was asked (a step without one has none)."""
        if self.target is None:
            raise ValueError("no transition was asked of the guideline")
        return self.target


def about(finding: Finding, subjects: Iterable[str]) -> bool:
    """Whether `finding` concerns one of `subjects` (itself, a field of it, or an item of it)."""
    s = finding.subject or ""
    return any(s == subject or s.startswith((subject + ".", subject + "[")) for subject in subjects)


def findings_about(situation: Situation, *, today: date, subject: str | Iterable[str]) -> tuple[Finding, ...]:
    subjects = (subject,) if isinstance(subject, str) else tuple(subject)
    return tuple(f for f in evaluate(situation, today=today).findings if about(f, subjects))


def _codes(codes: Codes) -> _All | frozenset[str]:
    return codes if isinstance(codes, _All) else frozenset(codes)


def decide(
    situation: Situation | Mapping[str, Any],
    *,
    today: date,
    subject: str | Iterable[str] | None,
    machine: str | None = None,
    state: str | None = None,
    event: str | None = None,
    block: Codes = (),
    acknowledge: Codes = (),
    justify: Codes = (),
    acknowledged: Iterable[str] = (),
    justifications: Mapping[str, str] | None = None,
) -> Decision:
    """Ask the guideline about one step; raise `Blocked` or `NeedsAttention`, or return the `Decision`.

    `block`, `acknowledge` and `justify` name the codes that stop, warn and need a written reason for
    this step (or `ALL`). A WARN+J finding counts as justified when the engine says so, or when
    `justifications` holds a reason for its code. Without a `subject`, every finding counts.
    """
    parsed = situation if isinstance(situation, Situation) else parse_situation(dict(situation))
    blocks, acks, justs = _codes(block), _codes(acknowledge), _codes(justify)
    findings = (
        findings_about(parsed, today=today, subject=subject)
        if subject is not None
        else tuple(evaluate(parsed, today=today).findings)
    )
    blocking = tuple(f for f in findings if f.code in blocks and f.severity in BLOCKING)
    target = None
    if event is not None:
        if machine is None:
            raise ValueError("a transition needs its state machine")
        subject_name = subject if isinstance(subject, str) or subject is None else next(iter(subject))
        result = transition(machine, state, event, parsed, today=today, subject=subject_name)
        if not result.allowed or result.target is None:
            # The rule that explains the refusal (e.g. R-043: not approved yet) before the bare SM-x step.
            known = {f.code for f in result.findings}
            raise Blocked(tuple(f for f in blocking if f.code not in known) + tuple(result.findings))
        target = result.target
    if blocking:
        raise Blocked(blocking)
    reasons = justifications or {}

    def justified(f: Finding) -> bool:
        return bool(f.justified) or bool(reasons.get(f.code, "").strip())

    to_justify = tuple(f for f in findings if f.code in justs and f.severity is Severity.WARN_J)
    to_acknowledge = tuple(f for f in findings if f.code in acks and f.severity is Severity.WARN)
    done = set(acknowledged)
    missing = [f.code for f in to_justify if not justified(f)]
    missing += [f.code for f in to_acknowledge if f.code not in done]
    if missing:
        raise NeedsAttention(to_justify + to_acknowledge, tuple(dict.fromkeys(missing)))
    info = tuple(f for f in findings if f.severity is Severity.INFO)
    return Decision(target, to_acknowledge + to_justify, info, findings)
