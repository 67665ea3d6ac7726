"""Keep each case's deadlines (T-xx) in step with the guideline, for fast "what is due" queries."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from werkvrede.cases.extensions import DueOutcome
from werkvrede.cases.guideline_bridge import UNREADABLE, stored_case_advice
from werkvrede.cases.models import Case, CaseDeadline, CaseState
from werkvrede.guideline import GUIDELINE_VERSION

# What a deadline reveals (docs/rules.md): the Poortwachter timers are WVP documents (D10), the
# interventieperiode and conflict leave D09, termination D19, whistleblowing D18, the BA's review of
# "not able to converse" D07, the VP dossier D15; retention is system housekeeping.
_CATEGORY = {f"T-{n:02d}": "D10" for n in range(1, 14)} | {
    "T-14": "D09",
    "T-15": "D09",
    "T-16": "D09",
    "T-17": "D09",
    "T-18": "D19",
    "T-19": "D19",
    "T-20": "D18",
    "T-21": "D18",
    "T-22": "D07",
    "T-23": "D15",
    "T-24": "SYS",
}


def deadline_category(code: str) -> str:
    return _CATEGORY[code]


_STATUS = {
    "DONE": CaseDeadline.Status.DONE,
    "DONE_LATE": CaseDeadline.Status.DONE_LATE,
    "NOT_APPLICABLE": CaseDeadline.Status.NOT_APPLICABLE,
}


def _computed(case: Case, day: date) -> list[CaseDeadline] | None:
    """The deadline rows the guideline gives for the case on `day` (None: a stored value is unreadable)."""
    advice = stored_case_advice(case, today=day)
    if any(f.code == UNREADABLE for f in advice.findings):
        return None
    return [
        CaseDeadline(
            case=case,
            organisation_id=case.organisation_id,
            code=d.code,
            category=deadline_category(d.code),
            subject=d.subject or "",
            status=_STATUS.get(d.status.value, CaseDeadline.Status.PENDING),
            due=d.due or d.window_end,
            practical_due=d.practical_due,
            window_start=d.window_start,
            done_on=d.done_on,
            late_working_days=d.late_working_days,
            # Delimited on both ends so "who owns it" is a safe substring test: ",LG," never matches ",LGX,".
            owner_roles="," + ",".join(sorted(r.value for r in d.owner)) + ",",
            basis=d.basis,
            guideline_version=GUIDELINE_VERSION,
        )
        for d in advice.deadlines
    ]


_COMPARED = (
    "code", "category", "subject", "status", "due", "practical_due", "window_start", "done_on",
    "owner_roles", "basis", "guideline_version",
)  # fmt: skip


def _key(rows: list[CaseDeadline]) -> list[tuple[object, ...]]:
    return sorted((tuple(getattr(r, f) for f in _COMPARED) for r in rows), key=repr)


@transaction.atomic
def case_deadlines_refresh(case_id: int, *, today: date | None = None) -> list[CaseDeadline]:
    """Recompute the case's deadlines from its stored facts and replace the stored rows.

    Call it (on commit) after any change to the facts of a case; it is idempotent.
    """
    case = Case.objects.select_for_update(no_key=True).get(pk=case_id)
    rows = _computed(case, today or timezone.localdate())
    if rows is None:
        return list(CaseDeadline.objects.filter(case=case))  # keep what was computed while it could be
    CaseDeadline.objects.filter(case=case).delete()
    return CaseDeadline.objects.bulk_create(rows)


def deadlines_due_refresh(*, today: date, dry_run: bool = False) -> DueOutcome:
    """Refresh the stored deadlines of every open case whose deadlines changed with the date.

    For `run_due_transitions`: each case in its own transaction, locked with skip_locked so two
    machines never refresh the same case at once; a case whose rows already match is left alone.
    """
    out = DueOutcome()
    ids = list(Case.objects.exclude(state=CaseState.CLOSED).order_by("pk").values_list("pk", flat=True))
    for case_id in ids:
        with transaction.atomic():
            case = Case.objects.select_for_update(skip_locked=True, no_key=True).filter(pk=case_id).first()
            if case is None:
                continue  # another run holds it and refreshes it
            rows = _computed(case, today)
            if rows is None or _key(rows) == _key(list(CaseDeadline.objects.filter(case=case))):
                continue
            out.count("case_deadlines.refreshed")
            if not dry_run:
                CaseDeadline.objects.filter(case=case).delete()
                CaseDeadline.objects.bulk_create(rows)
    return out


def case_deadlines_refresh_on_commit(case_id: int) -> None:
    """Refresh the case's deadlines once the current transaction has committed (the facts are then final)."""
    transaction.on_commit(lambda: case_deadlines_refresh(case_id))
