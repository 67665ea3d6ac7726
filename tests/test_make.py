"""`make test`'s passes schedule their tests so that both processes end together (ADR 0202).

With xdist's default `load` mode a process was handed hundreds of tests at once and kept them: on the
SQLite pass one process ran the browser walks for three minutes while the other stood idle. In
`worksteal` mode an idle process takes half of a busy one's queue.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The Makefile as written: a `make test TEST_WORKERS=0` that runs these tests passes its variables to
# every make below it, through MAKEFLAGS and the environment; the tests name the variables they read.
CLEAN = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


def _make(*args: str) -> str:
    """What `make` prints with `args`, from the Makefile as written."""
    if shutil.which("make") is None:
        pytest.fail("make is needed to run the suite at all")
    done = subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env=CLEAN,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _pytest_lines(*args: str) -> list[str]:
    shown = _make("--dry-run", *args)
    return [line for line in shown.splitlines() if "-m pytest" in line and "test_api_fuzz" not in line]


def test_every_parallel_pass_lets_an_idle_process_take_work() -> None:
    lines = _pytest_lines("test-sqlite", "test-postgres", "soak", "TEST_WORKERS=2")
    assert len(lines) == 4, lines  # SQLite, PostgreSQL, and soak on either database
    for line in lines:
        assert re.search(r"-n 2 --dist worksteal\b", line), line


def test_one_process_runs_without_a_scheduler() -> None:
    (line,) = _pytest_lines("test-sqlite", "TEST_WORKERS=0")
    assert "-n 0" in line
    assert "--dist" not in line


def test_the_environment_is_installed_with_its_bytecode_compiled() -> None:
    """A fresh checkout's first test processes would otherwise each compile the libraries at once."""
    shown = _make("--eval", "shown-to-commands: ; @echo $$UV_COMPILE_BYTECODE", "shown-to-commands")
    assert shown.strip() == "1"
