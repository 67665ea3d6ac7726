"""JSON-ready and human-readable renderings of an :class:`Advice`."""

from datetime import date
from typing import Any

from werkvrede.guideline.catalogue import CATALOGUE
from werkvrede.guideline.model import Advice, Deadline, Finding


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _keys(source: str) -> list[str]:
    return [k.strip() for k in source.replace(";", ",").split(",") if k.strip()]


def finding_to_dict(f: Finding) -> dict[str, Any]:
    keys = _keys(f.source)
    return {
        "code": f.code,
        "severity": f.severity.value,
        "message": {"nl": f.message.nl, "en": f.message.en},
        "source": keys[0] if keys else f.source,
        "sources": keys,
        "subject": f.subject,
        "configured_from": f.configured_from.value if f.configured_from else None,
        "justified": f.justified,
        "matches": list(f.matches),
    }


def deadline_to_dict(d: Deadline) -> dict[str, Any]:
    return {
        "code": d.code,
        "status": d.status.value,
        "due": _iso(d.due),
        "practical_due": _iso(d.practical_due),
        "window_start": _iso(d.window_start),
        "window_end": _iso(d.window_end),
        "done_on": _iso(d.done_on),
        "late_working_days": d.late_working_days,
        "owner": [r.value for r in d.owner],
        "basis": d.basis,
        "source": _keys(d.source)[0] if d.source else None,
        "subject": d.subject,
        "note": d.note,
    }


def advice_to_dict(advice: Advice) -> dict[str, Any]:
    """JSON-ready dict (dates ISO 8601); key order is fixed."""
    return {
        "guideline_version": advice.guideline_version,
        "today": advice.today.isoformat(),
        "variant": advice.variant.value if advice.variant else None,
        "glasl_phase": advice.glasl_phase.value if advice.glasl_phase else None,
        "blocked": advice.blocked,
        "aggregated_first_sick_day": _iso(advice.aggregated_first_sick_day),
        "sick_days_before_current_period": advice.sick_days_before_current_period,
        "routes": list(advice.routes),
        "indications": list(advice.indications),
        "findings": [finding_to_dict(f) for f in advice.findings],
        "deadlines": [deadline_to_dict(d) for d in advice.deadlines],
    }


_LABELS = {
    "nl": {
        "title": "Advies volgens de Werkwijzer",
        "version": "Versie richtlijn",
        "today": "Peildatum",
        "variant": "Variant",
        "none": "geen",
        "routes": "Routes",
        "indications": "Indicaties voor mediation",
        "findings": "Bevindingen",
        "deadlines": "Termijnen",
        "due": "uiterlijk",
        "practical": "in de praktijk",
        "window": "tussen",
        "and": "en",
        "done": "gedaan op",
    },
    "en": {
        "title": "Advice according to the Werkwijzer",
        "version": "Guideline version",
        "today": "Date of evaluation",
        "variant": "Variant",
        "none": "none",
        "routes": "Routes",
        "indications": "Mediation indications",
        "findings": "Findings",
        "deadlines": "Deadlines",
        "due": "due",
        "practical": "in practice",
        "window": "between",
        "and": "and",
        "done": "done on",
    },
}


# One and more working days late (ADR 0100).
_LATE = {"nl": ("werkdag te laat", "werkdagen te laat"), "en": ("working day late", "working days late")}

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}  # fmt: skip


def _fmt(d: date, lang: str) -> str:
    """Dates as people write them: "3 maart 2025" / "3 March 2025", as the pages show them."""
    return f"{d.day} {_MONTHS['nl' if lang == 'nl' else 'en'][d.month - 1]} {d.year}"


def render_text(advice: Advice, lang: str = "nl") -> str:
    """A readable summary for a person, in Dutch (default) or English."""
    lab = _LABELS["nl" if lang == "nl" else "en"]

    def text(code: str) -> str:
        m = CATALOGUE[code].message
        return m.nl if lab is _LABELS["nl"] else m.en

    lines = [lab["title"], "=" * len(lab["title"])]
    lines.append(f"{lab['version']}: {advice.guideline_version}")
    lines.append(f"{lab['today']}: {_fmt(advice.today, lang)}")
    lines.append(f"{lab['variant']}: {advice.variant.value if advice.variant else lab['none']}")
    lines.append("")
    lines.append(f"{lab['routes']}:")
    lines += [f"  {code}  {text(code)}" for code in advice.routes] or [f"  ({lab['none']})"]
    lines.append(f"{lab['indications']}:")
    lines += [f"  {code}  {text(code)}" for code in advice.indications] or [f"  ({lab['none']})"]
    lines.append(f"{lab['findings']}:")
    for f in advice.findings:
        body = f.message.nl if lab is _LABELS["nl"] else f.message.en
        lines.append(f"  [{f.severity.value}] {f.code} ({f.source}): {body}")
    if not advice.findings:
        lines.append(f"  ({lab['none']})")
    lines.append(f"{lab['deadlines']}:")
    for d in advice.deadlines:
        if d.window_start and d.window_end:
            when = f"{lab['window']} {_fmt(d.window_start, lang)} {lab['and']} {_fmt(d.window_end, lang)}"
        elif d.due:
            when = f"{lab['due']} {_fmt(d.due, lang)}"
            if d.practical_due:
                when += f" ({lab['practical']} {_fmt(d.practical_due, lang)})"
        else:
            when = "—"
        done = f", {lab['done']} {_fmt(d.done_on, lang)}" if d.done_on else ""
        if d.late_working_days:
            # A late step stays visibly late (ADR 0100).
            one, many = _LATE["nl" if lab is _LABELS["nl"] else "en"]
            done += f", {d.late_working_days} {one if d.late_working_days == 1 else many}"
        lines.append(f"  {d.code} [{d.status.value}] {when}{done} — {text(d.code)}")
    if not advice.deadlines:
        lines.append(f"  ({lab['none']})")
    return "\n".join(lines) + "\n"
