"""R-140: a legal hold carries its reason, and the T-24 deletions it suspends say it."""

from typing import Any

import pytest

from werkvrede.guideline import InvalidSituation, parse_situation
from werkvrede.guideline.model import Deadline, DeadlineStatus, LegalHoldCategory
from werkvrede.guideline.tests.builders import run, sit

DATES = {"employment_ended_on": "2025-01-31", "mediation_ended_on": "2025-01-31"}


def _t24(retention: dict[str, Any]) -> list[Deadline]:
    return [dl for dl in run(sit(retention=retention)).deadlines if dl.code == "T-24"]


def test_hold_with_reason_suspends_every_deletion_and_says_why() -> None:
    hold = {"category": "PENDING_LITIGATION", "reason": "Kantonrechter, zaak 123", "since": "2025-06-01"}
    rows = _t24(DATES | {"hold": hold})
    assert len(rows) == 2
    for dl in rows:
        assert dl.status is DeadlineStatus.NOT_APPLICABLE
        assert dl.note == ("legal hold (PENDING_LITIGATION) since 2025-06-01: Kantonrechter, zaak 123")


def test_hold_without_reason_text_names_its_category() -> None:
    [first, *_] = _t24(DATES | {"hold": {"category": "AUTHORITY_REQUEST"}})
    assert first.note == "legal hold (AUTHORITY_REQUEST)"


def test_the_older_bare_flag_is_still_accepted() -> None:
    rows = _t24(DATES | {"legal_hold": True})
    assert {dl.status for dl in rows} == {DeadlineStatus.NOT_APPLICABLE}
    assert {dl.note for dl in rows} == {"legal hold (no reason given)"}


def test_no_hold_leaves_the_deletions_open() -> None:
    rows = _t24(DATES)
    assert rows and all(dl.status is not DeadlineStatus.NOT_APPLICABLE for dl in rows)
    assert all(dl.note is None for dl in rows)


def test_hold_category_is_checked() -> None:
    s = parse_situation(sit(retention={"hold": {"category": "OTHER", "reason": "x"}}))
    assert s.retention is not None and s.retention.hold is not None
    assert s.retention.hold.category is LegalHoldCategory.OTHER
    with pytest.raises(InvalidSituation) as exc:
        parse_situation(sit(retention={"hold": {"category": "BECAUSE"}}))
    assert exc.value.path == "retention.hold.category"
