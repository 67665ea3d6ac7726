"""The one table of `make bench` (docs/benchmarks.md): each endpoint's req/s, p50 and p99, and its
throughput as a ratio to the three anchors measured in the same run. Pure: no Django, no network."""

from __future__ import annotations

from dataclasses import dataclass

# The anchors every row is compared with (docs/adr/0184-bench-at-a-million-cases.md).
PLAIN, FULL_STACK, ADMIN = "a", "b", "c"


@dataclass(frozen=True)
class Split:
    """Where one request's time goes, the mean of timed requests in one process (inprocess.split)."""

    ms: float
    database_ms: float
    compile_ms: float
    templates_ms: float

    @property
    def python_ms(self) -> float:
        return max(self.ms - self.database_ms - self.compile_ms - self.templates_ms, 0.0)


@dataclass(frozen=True)
class Result:
    label: str
    path: str
    rps: float
    p50_ms: float
    p99_ms: float
    anchor: str = ""
    spread: float = 0.0  # (highest - lowest) / median req/s over the rounds; 0 for one round
    # One request inside one process (tools/bench/inprocess.py): ms of the fastest round, and queries.
    inprocess_ms: float | None = None
    queries: int | None = None
    split: Split | None = None


def median_round(label: str, path: str, rounds: list[tuple[float, float, float]], anchor: str = "") -> Result:
    """The round with the median req/s (its own p50 and p99), and how far the rounds lay apart: one
    wrk run on a shared machine varies by ±10 %, as much as the flatness the bench must judge."""
    if not rounds:
        raise ValueError("no rounds measured")
    ordered = sorted(rounds)
    rps, p50, p99 = ordered[(len(ordered) - 1) // 2]
    spread = (ordered[-1][0] - ordered[0][0]) / rps if rps else 0.0
    return Result(label, path, rps, p50, p99, anchor, spread)


def _ratio(value: float, anchor: float | None) -> str:
    return "–" if not anchor else f"{value / anchor:.2f}"


def _rate(rps: float) -> str:
    return f"{rps:,.0f}" if rps >= 100 else f"{rps:.1f}"


def table(results: list[Result]) -> list[str]:
    """The results as a Markdown table, anchors first as measured, with ratios of req/s to (a), (b), (c),
    and what one request costs in-process."""
    anchors = {r.anchor: r.rps for r in results if r.anchor}
    lines = [
        "| endpoint | req/s | spread | p50 ms | p99 ms | × (a) | × (b) | × (c) | in-process ms | queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        label = f"({r.anchor}) {r.label}" if r.anchor else r.label
        ratios = " | ".join(_ratio(r.rps, anchors.get(a)) for a in (PLAIN, FULL_STACK, ADMIN))
        spread = f"{r.spread:.0%}"
        inprocess = "–" if r.inprocess_ms is None else f"{r.inprocess_ms:.2f}"
        queries = "–" if r.queries is None else str(r.queries)
        lines.append(
            f"| {label} `{r.path}` | {_rate(r.rps)} | {spread} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | {ratios} "
            f"| {inprocess} | {queries} |"
        )
    return lines


def _part(ms: float, whole: float) -> str:
    return f"{ms:.1f} ({ms / whole:.0%})" if whole else f"{ms:.1f}"


def split_table(results: list[Result]) -> list[str]:
    """Where one request's time goes, for every row that was split: the database (queries sent, run
    and their rows received), the ORM compiling SQL, template rendering, and the rest of Python."""
    lines = [
        "| endpoint | ms | database ms | compiling SQL ms | templates ms | other Python ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r.split is None:
            continue
        s = r.split
        label = f"({r.anchor}) {r.label}" if r.anchor else r.label
        lines.append(
            f"| {label} | {s.ms:.1f} | {_part(s.database_ms, s.ms)} | {_part(s.compile_ms, s.ms)} "
            f"| {_part(s.templates_ms, s.ms)} | {_part(s.python_ms, s.ms)} |"
        )
    return lines


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    memory_gib: float
    postgres: str
    load_before: float
    load_after: float


def document(
    results: list[Result],
    machine: Machine,
    *,
    date: str,
    cases: int,
    organisations: int,
    setup: str,
    generated_in: str,
) -> str:
    """docs/benchmarks.md: what was measured, on what, and the table."""
    # The load before: the one after includes the bench's own server and wrk, which keep the cores busy.
    busy = machine.load_before > machine.cores * 0.5
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (tools/bench/run.py); how it works and why: "
        "`docs/adr/0184-bench-at-a-million-cases.md`. The load mix of many people at once (`make bench-mix`) "
        "writes its own table to `docs/benchmarks-mix.md`.",
        "",
        f"- Date: {date}",
        f"- Machine: {machine.cores} cores ({machine.cpu}), {machine.memory_gib:.0f} GiB RAM, "
        f"PostgreSQL {machine.postgres}",
        f"- Data: {cases:,} cases in {organisations:,} organisations (the measured one holds a tenth), "
        f"{generated_in}",
        f"- Load: {setup}; load average {machine.load_before:.1f} before, {machine.load_after:.1f} after "
        "(the bench's own load)",
        "",
    ]
    if busy:
        lines += [
            "**The machine was busy with other work during this run** (load average above half its cores): "
            "the figures are disturbed and say little about what the code can do; compare only within "
            "this run, and take a quiet machine's run for absolute numbers.",
            "",
        ]
    lines += [
        "Anchors: (a) a plain Django one-query view with Django's own middleware and none of Werkvrede's "
        "(what the machine allows); (b) the same view through Werkvrede's full middleware stack; (c) the "
        "Django admin changelist of all cases with a search and a filter, as a generic CRUD would serve it. "
        "Each endpoint is measured in several rounds; the table gives the round with the median req/s, "
        "and the spread is how far the rounds lay apart (highest minus lowest, over the median). "
        "(a), its logged-in row and (b) are measured in turns, one round of each before the next, so a "
        "drift in the machine's speed moves all three alike. "
        "Ratios are req/s of the row divided by req/s of the anchor. (a) reads neither the session nor "
        "the user; the row after it is (a) for a logged-in person, so what lies between it and (b) is "
        "Werkvrede's own middleware. The last two columns are one request inside one process, without "
        "gunicorn, wrk or the network (tools/bench/inprocess.py): the fastest of several rounds, in ms, and "
        "the queries it makes. They vary far less from run to run than req/s, so compare those between runs.",
        "",
        *table(results),
        "",
    ]
    if any(r.split for r in results):
        lines += [
            "## Where one request's time goes",
            "",
            "The mean of timed requests in one process (tools/bench/inprocess.py, `split`): the database is "
            "each query from sending it to having its rows, the driver included; compiling SQL is the ORM "
            "turning querysets into SQL; templates are the page's rendering, its includes and form fields, "
            "without the queries they run; other Python is the rest: middleware, the view, the ORM building "
            "querysets and objects. The timing itself adds a little, so the total is above the fastest "
            "round of the table above.",
            "",
            *split_table(results),
            "",
        ]
    return "\n".join(lines)
