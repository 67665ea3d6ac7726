"""`make bench`: throughput and p99 of the main pages and endpoints on PostgreSQL with 100,000 cases.

Each figure is also given as a ratio to a raw one-query Django view measured in the same run, so the
numbers say what Werkvrede's own layers cost on this machine. Uses gunicorn (2 sync workers) and
wrk (8 connections, 10 s per endpoint), both on this machine only.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[2]
PY = REPO / ".venv" / "bin" / "python"
PORT = int(os.environ.get("WERKVREDE_BENCH_PORT", "8123"))
BASE = f"http://127.0.0.1:{PORT}"
SECONDS = int(os.environ.get("WERKVREDE_BENCH_SECONDS", "10"))
CASES = int(os.environ.get("WERKVREDE_BENCH_CASES", "100000"))
ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "werkvrede.config.settings.bench"}


def _run(*args: str) -> str:
    result = subprocess.run(args, env=ENV, check=True, capture_output=True, text=True, cwd=REPO)  # noqa: S603
    return result.stdout.strip()


def _create_database() -> None:
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = 'werkvrede_bench'").fetchone()
        if not exists:
            connection.execute("CREATE DATABASE werkvrede_bench")


def prepare() -> tuple[str, int]:
    """Create and migrate the bench database, generate the data, and log the bench HR user in."""
    _create_database()
    _run(str(PY), "manage.py", "migrate", "--noinput", "-v0")
    subprocess.run([str(PY), "tools/bench/generate.py", str(CASES)], env=ENV, check=True, cwd=REPO)  # noqa: S603
    session, case_id = _run(str(PY), "tools/bench/session.py", str(CASES)).split()
    return session, int(case_id)


def wrk(url: str, session: str) -> tuple[float, float]:
    command = ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--latency", "-H", f"Cookie: sessionid={session}", url]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99_raw = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    if rate is None or p99_raw is None:
        raise SystemExit(f"could not read wrk's output for {url}:\n{out}")
    rps = float(rate.group(1))
    p99 = float(p99_raw.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99_raw.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses — the bench would measure errors")
    return rps, p99


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    session, case_id = prepare()
    gunicorn = str(REPO / ".venv" / "bin" / "gunicorn")
    command = [
        gunicorn,
        "werkvrede.config.wsgi",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=ENV, cwd=REPO)  # noqa: S603
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"{BASE}/health/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        endpoints = [
            ("raw one-query view (baseline)", "/bench/raw/"),
            ("signal page (start page with Signalen)", "/"),
            ("case list (HTML)", "/zaken/"),
            ("case detail (HTML)", f"/zaken/{case_id}/"),
            ("case list (API)", "/api/v1/cases"),
            ("case detail (API)", f"/api/v1/cases/{case_id}"),
        ]
        setup = f"gunicorn 2 workers; wrk 8 connections, {SECONDS} s"
        print(f"\nWerkvrede bench: {CASES:,} cases on PostgreSQL ({setup})")
        print(f"{'endpoint':44} {'req/s':>9} {'p99 ms':>8} {'vs raw':>7}")
        baseline = None
        for label, path in endpoints:
            rps, p99 = wrk(BASE + path, session)
            baseline = baseline or rps
            print(f"{label:44} {rps:9.0f} {p99:8.1f} {rps / baseline:7.2f}", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
