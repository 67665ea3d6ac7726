"""Crash safety (issue #16 point 4, docs/operations.md): SIGKILL the web process inside writes.

20 kills in `make test` (the PostgreSQL pass), 200 in `make soak`. A failure prints the seed; set
WERKVREDE_CRASH_SEED to it to run the same kills again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import World
from tests.crash.harness import Harness, check_all, check_audit, report_line, seed_from_environment

REPO = Path(__file__).resolve().parents[2]


def _kill_and_check(world: World, tmp_path: Path, kills: int) -> None:
    harness = Harness(world=world, tmp=tmp_path, seed=seed_from_environment())
    print(f"crash seed={harness.seed} (WERKVREDE_CRASH_SEED={harness.seed} repeats this run)")
    report = harness.run(kills)
    checked = check_all(harness.documents_dir)
    check_audit()
    print(report_line(report, checked))
    assert report.kills == kills
    # The kills land inside the writes: some requests are cut, and some cut writes were rolled back.
    assert sum(report.cut.values()) > 0 and sum(report.rolled_back.values()) > 0, report.summary()
    # Every committed e-mail had its task: the worker sent it all, the safety net found nothing left.
    assert report.mails_by_safety_net == 0, report.summary()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_kills_leave_every_record_whole_or_absent(
    on_postgres: None, world: World, tmp_path: Path
) -> None:
    _kill_and_check(world, tmp_path, kills=20)


@pytest.mark.soak
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_hundred_kills_leave_every_record_whole_or_absent(
    on_postgres: None, world: World, tmp_path: Path
) -> None:
    _kill_and_check(world, tmp_path, kills=200)


def test_the_slow_down_cannot_be_switched_on_in_production() -> None:
    """The pause hook is read only by the crash tests' own server settings, never by the package."""
    found = [
        str(path.relative_to(REPO))
        for path in (REPO / "src").rglob("*.py")
        if "WERKVREDE_CRASH_DELAY" in path.read_text() or "tests.crash" in path.read_text()
    ]
    assert found == []
    settings_text = (REPO / "tests" / "crash" / "server_settings.py").read_text()
    assert "werkvrede.config.settings.prod" in settings_text
