"""`make bench`: req/s, p50 and p99 of the hot pages and endpoints on PostgreSQL with the bench data, each
as a ratio to three anchors measured in the same run, printed and written to docs/benchmarks.md.

The data (tools/bench/generate.py) is generated only when missing or of another size
(`WERKVREDE_BENCH_CASES`, `WERKVREDE_BENCH_ORGANISATIONS`): the database is then recreated. Anchors (a)
and (c) are served with `settings.bench_plain` (Django's own middleware), (b) and the pages with
`settings.bench`. gunicorn (2 sync workers) and wrk (8 connections, `WERKVREDE_BENCH_SECONDS` per
endpoint, default 10) run on this machine only. See docs/adr/0184-bench-at-a-million-cases.md.
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import ADMIN, FULL_STACK, PLAIN, Machine, Result, Split, document, median_round

REPO = Path(__file__).resolve().parents[2]
PY = REPO / ".venv" / "bin" / "python"
PORT = int(os.environ.get("WERKVREDE_BENCH_PORT", "8123"))
BASE = f"http://127.0.0.1:{PORT}"
# The plain anchors' server runs beside the full stack's while the anchors are measured (`in_turns`).
PLAIN_PORT = PORT + 1
PLAIN_BASE = f"http://127.0.0.1:{PLAIN_PORT}"
SECONDS = int(os.environ.get("WERKVREDE_BENCH_SECONDS", "10"))
# Rounds per endpoint; the median is reported (report.median_round).
ROUNDS = max(1, int(os.environ.get("WERKVREDE_BENCH_ROUNDS", "3")))
CASES = int(os.environ.get("WERKVREDE_BENCH_CASES", "1000000"))
ORGANISATIONS = max(1, min(int(os.environ.get("WERKVREDE_BENCH_ORGANISATIONS", "1000")), CASES))
DATABASE_URL = os.environ.get(
    "WERKVREDE_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkvrede_bench"
)
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "werkvrede.config.settings.bench",
    "WERKVREDE_BENCH_CASES": str(CASES),
    "WERKVREDE_BENCH_ORGANISATIONS": str(ORGANISATIONS),
}
PLAIN_ENV = {**ENV, "DJANGO_SETTINGS_MODULE": "werkvrede.config.settings.bench_plain"}
SETUP = (
    f"gunicorn 2 sync workers, wrk 2 threads and 8 connections, {ROUNDS} rounds of {SECONDS} s per endpoint"
)


def _run(*args: str) -> str:
    result = subprocess.run(args, env=ENV, check=True, capture_output=True, text=True, cwd=REPO)  # noqa: S603
    return result.stdout.strip()


def _server_url() -> tuple[str, str]:
    parts = urlsplit(DATABASE_URL)
    return parts._replace(path="/postgres").geturl(), parts.path.lstrip("/")


def _present_size() -> tuple[int, int] | None:
    """The (cases, organisations) the bench database was generated at, or None."""
    try:
        with psycopg.connect(DATABASE_URL) as connection:
            if connection.execute("SELECT to_regclass('bench_marker')").fetchone() == (None,):
                return None
            row = connection.execute("SELECT cases, organisations FROM bench_marker").fetchone()
    except psycopg.OperationalError:
        return None
    return None if row is None else (int(row[0]), int(row[1]))


def prepare() -> dict[str, Any]:
    """(Re)create and generate the bench database unless it holds this size; log the measured people in."""
    if _present_size() != (CASES, ORGANISATIONS):
        server, name = _server_url()
        print(
            f"generating the bench database {name} ({CASES:,} cases, {ORGANISATIONS:,} organisations)",
            flush=True,
        )
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        _run(str(PY), "manage.py", "migrate", "--noinput", "-v0")
        subprocess.run([str(PY), "tools/bench/generate.py"], env=ENV, check=True, cwd=REPO)  # noqa: S603
    else:
        print(f"bench data present: {CASES:,} cases in {ORGANISATIONS:,} organisations")
        # The data stays; the schema follows the code (a new index is built on the rows there).
        _run(str(PY), "manage.py", "migrate", "--noinput", "-v0")
    measured: dict[str, Any] = json.loads(_run(str(PY), "tools/bench/session.py"))
    return measured


def _generated_in() -> str:
    with psycopg.connect(DATABASE_URL) as connection:
        row = connection.execute("SELECT seconds FROM bench_marker").fetchone()
    return "generated in (unknown)" if row is None else f"generated in {row[0] / 60:.1f} min"


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(out: str, url: str) -> tuple[float, float, float]:
    """req/s, p50 and p99 (ms) from wrk's --latency output; an error response fails the bench."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    if rate is None or p50 is None or p99 is None:
        raise SystemExit(f"could not read wrk's output for {url}:\n{out}")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses — the bench would measure errors")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors and any(int(n) for n in errors.groups()):
        raise SystemExit(f"{url}: {errors.group(0)} — the figures would leave those requests out")
    return float(rate.group(1)), _ms(*p50.groups()), _ms(*p99.groups())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _check(url: str, session: str) -> None:
    """The page answers 200 itself (a redirect to the log-in would be measured as a success by wrk)."""
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}"})  # noqa: S310
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        raise SystemExit(f"{url} answers {status} instead of 200: the bench would not measure the page")


def _round(url: str, session: str) -> tuple[float, float, float]:
    """One wrk round: req/s, p50 and p99 (ms)."""
    # A slow page (the generic changelist) must be measured, not dropped by wrk's 2 s time-out.
    command = ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--timeout", "60s", "--latency"]
    command += ["-H", f"Cookie: sessionid={session}", url]
    return parse_wrk(subprocess.run(command, check=True, capture_output=True, text=True).stdout, url)  # noqa: S603


def measure(label: str, path: str, session: str, anchor: str = "", base: str = BASE) -> Result:
    return in_turns([(label, base, path, session, anchor)])[0]


def in_turns(endpoints: list[tuple[str, str, str, str, str]]) -> list[Result]:
    """The endpoints (label, base URL, path, session, anchor) measured in turns, one round of each before
    the next round of any. The anchors are measured so: the ratio of (b) to (a) is what #18 judges, and
    on a machine whose speed drifts over minutes (a shared one), measuring them minutes apart moved one
    and not the other (docs/adr/0208-the-session-read-compiled-once.md)."""
    for _label, base, path, session, _anchor in endpoints:
        _check(base + path, session)
    rounds: list[list[tuple[float, float, float]]] = [[] for _ in endpoints]
    for _ in range(ROUNDS):
        for measured, (_label, base, path, session, _anchor) in zip(rounds, endpoints, strict=True):
            measured.append(_round(base + path, session))
    return [
        _report(median_round(label, path, measured, anchor))
        for measured, (label, _base, path, _session, anchor) in zip(rounds, endpoints, strict=True)
    ]


def _report(r: Result) -> Result:
    print(
        f"  {r.label:52} {r.rps:9.0f} req/s  p50 {r.p50_ms:7.1f} ms  p99 {r.p99_ms:7.1f} ms  "
        f"spread {r.spread:.0%}",
        flush=True,
    )
    return r


def in_process(
    results: list[Result], endpoints: list[tuple[str, str, str, str]], environment: dict[str, str]
) -> list[Result]:
    """The results with what one request of each costs inside one process (tools/bench/inprocess.py),
    measured with the same settings after the server has stopped, so the two never share the cores."""
    print("  in-process: one request of each, fastest of several rounds", flush=True)
    asked = json.dumps([[path, session] for _label, path, session, _anchor in endpoints])
    command = [str(PY), "tools/bench/inprocess.py", asked]
    done = subprocess.run(command, env=environment, check=True, capture_output=True, text=True, cwd=REPO)  # noqa: S603
    costs: list[list[Any]] = json.loads(done.stdout)
    return [
        dataclasses.replace(r, inprocess_ms=float(ms), queries=int(queries), split=Split(*spent))
        for r, (ms, queries, spent) in zip(results, costs, strict=True)
    ]


@contextmanager
def server(environment: dict[str, str], port: int = PORT) -> Iterator[None]:
    gunicorn = str(REPO / ".venv" / "bin" / "gunicorn")
    command = [gunicorn, "werkvrede.config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen([*command, "--log-level", "warning"], env=environment, cwd=REPO)  # noqa: S603
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/raw/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def machine(load_before: float) -> Machine:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if "MemTotal" in line
        )
    except (OSError, StopIteration):
        kib = 0
    with psycopg.connect(DATABASE_URL) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return Machine(
        cpu,
        os.cpu_count() or 0,
        kib / 1024 / 1024,
        str(row[0] if row else "?"),
        load_before,
        os.getloadavg()[0],
    )


def settle(limit: int = int(os.environ.get("WERKVREDE_BENCH_SETTLE_SECONDS", "180"))) -> float:
    """Wait (at most `limit` seconds) for the load of generating the data or of other work to ebb below
    half the cores, so the figures are the code's; the report says so when it did not."""
    cores = os.cpu_count() or 1
    waited = 0
    while (load := os.getloadavg()[0]) > cores * 0.5 and waited < limit:
        print(f"waiting for a quiet machine: load average {load:.1f}, {waited} of {limit} s", flush=True)
        time.sleep(15)
        waited += 15
    return load


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    ids = prepare()
    load_before = settle()
    print(f"\nWerkvrede bench: {CASES:,} cases in {ORGANISATIONS:,} organisations ({SETUP})")
    plain = [
        ("plain Django one-query view", "/bench/raw/", ids["admin"], PLAIN),
        (
            "plain Django one-query view, logged in (session and user read)",
            "/bench/raw-login/",
            ids["admin"],
            "",
        ),
        (
            "admin changelist, search and filter",
            "/bench/admin/cases/case/?q=B-000012&state__exact=INTAKE",
            ids["admin"],
            ADMIN,
        ),
    ]
    full_stack = ("full-stack one-query view", "/bench/raw/", ids["hr"], FULL_STACK)
    with server(ENV):
        with server(PLAIN_ENV, PLAIN_PORT):
            # (a), its logged-in row and (b) in turns, round by round; then the changelist.
            a, logged_in, b = in_turns(
                [(label, PLAIN_BASE, path, session, anchor) for label, path, session, anchor in plain[:2]]
                + [(full_stack[0], BASE, *full_stack[1:])]
            )
            plain_measured = [a, logged_in, measure(*plain[2], base=PLAIN_BASE)]
        pages = [
            full_stack,
            ("start page with Signalen (HR)", "/", ids["hr"], ""),
            ("case list (HTML)", "/zaken/", ids["hr"], ""),
            ("case detail (HTML)", f"/zaken/{ids['case']}/", ids["hr"], ""),
            ("case list (API)", "/api/v1/cases", ids["hr"], ""),
            ("case detail (API)", f"/api/v1/cases/{ids['case']}", ids["hr"], ""),
            ("sick-report page (HR, demo)", f"/ziekmelding/{ids['sick_case']}/", ids["demo_hr"], ""),
            ("mediation page (mediator, demo)", f"/mediation/{ids['mediation']}/", ids["mediator"], ""),
            ("VP inbox (vertrouwenspersoon, demo)", "/vertrouwenspersoon/", ids["vp"], ""),
        ]
        measured = [b] + [measure(*endpoint) for endpoint in pages[1:]]
    results = in_process(plain_measured, plain, PLAIN_ENV) + in_process(measured, pages, ENV)
    text = document(
        results,
        machine(load_before),
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        cases=CASES,
        organisations=ORGANISATIONS,
        setup=SETUP,
        generated_in=_generated_in(),
    )
    print("\n" + text)
    (REPO / "docs" / "benchmarks.md").write_text(text)


if __name__ == "__main__":
    main()
