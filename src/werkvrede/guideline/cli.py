"""Command line: ``werkvrede advise [FILE|-]`` and ``werkvrede rules [--format text|json|md]``.

Exit codes: 0 with advice (BLOCK findings are data), 2 on invalid input or usage. Never a traceback.
"""

import argparse
import json
import sys
from datetime import date
from typing import Any, TextIO

from werkvrede.guideline.catalogue import Entry, Kind, Status, decidable_ratio, entries
from werkvrede.guideline.engine import evaluate
from werkvrede.guideline.output import advice_to_dict, render_text
from werkvrede.guideline.parse import InvalidSituation, parse_situation, situation_json_schema
from werkvrede.guideline.rulesdoc import render_markdown

EXIT_OK = 0
EXIT_INVALID = 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # never sys.exit from inside the parser
        raise _UsageError(message)


def _parser() -> _Parser:
    p = _Parser(prog="werkvrede", description="Werkvrede guideline engine (STECR Werkwijzer).")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    a = sub.add_parser("advise", help="evaluate a situation (JSON) and print the advice")
    a.add_argument("file", nargs="?", default="-", help="situation JSON file, or - for standard input")
    a.add_argument("--schema", action="store_true", help="print the JSON Schema of the input and exit")
    a.add_argument("--format", choices=("json", "text"), default="json")
    a.add_argument("--lang", choices=("nl", "en"), default="nl")
    a.add_argument("--today", help="date of evaluation YYYY-MM-DD (default: the situation's today)")
    r = sub.add_parser("rules", help="list every code (R-, RT-, I-, T-, SM-) and its status here")
    r.add_argument(
        "--format",
        choices=("text", "json", "md"),
        default="text",
        help="md: the whole of docs/rules.md (werkvrede rules --format md > docs/rules.md)",
    )
    return p


def _read(path: str, stdin: TextIO) -> Any:
    try:
        if path == "-":
            raw = (
                stdin.buffer.read()
                if hasattr(stdin, "buffer")
                else stdin.read().encode("utf-8", "surrogateescape")
            )
        else:
            with open(path, "rb") as fh:
                raw = fh.read()
    except OSError as exc:
        raise InvalidSituation("$", f"cannot read input file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidSituation("$", "input is not UTF-8 text; expected a JSON object") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidSituation(
            "$", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); expected a JSON object"
        ) from None
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing left to say
        return EXIT_OK
    except RecursionError:
        raise InvalidSituation("$", "JSON nested too deeply") from None


def _advise(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    if args.schema:
        out.write(json.dumps(situation_json_schema(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    data = _read(args.file, stdin)
    situation = parse_situation(data)
    today: date | None = None
    if args.today is not None:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise InvalidSituation("--today", f"expected a date YYYY-MM-DD, got {args.today!r}") from None
    if today is None and situation.today is None:
        today = date.today()  # noqa: DTZ011 - the edge is the only place that reads the clock
    advice = evaluate(situation, today=today)
    if args.format == "text":
        out.write(render_text(advice, args.lang))
    else:
        out.write(json.dumps(advice_to_dict(advice), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def rules_listing() -> list[dict[str, Any]]:
    """Every code with its status (used by ``werkvrede rules --format json``)."""
    return [
        {
            "code": e.code,
            "kind": e.kind.value,
            "status": e.status.value,
            "where": e.where if e.status is not Status.IMPLEMENTED or e.kind is Kind.DEADLINE else None,
            "severity": e.severity.value if e.severity else None,
            "source": e.source,
            "message": {"nl": e.message.nl, "en": e.message.en},
        }
        for e in entries()
    ]


def _status_text(e: Entry) -> str:
    if e.status is Status.IMPLEMENTED:
        return "implemented here" + (f" (rule {e.where})" if e.kind is Kind.DEADLINE and e.where else "")
    if e.status is Status.ELSEWHERE:
        return f"enforced elsewhere: {e.where}"
    return f"not yet: {e.where}"


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "md":
        out.write(render_markdown())
        return EXIT_OK
    implemented, decidable = decidable_ratio()
    if args.format == "json":
        body = {
            "implemented": implemented,
            "decidable_from_facts": decidable,
            "ratio": round(implemented / decidable, 4) if decidable else 1.0,
            "codes": rules_listing(),
        }
        out.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    for e in entries():
        sev = e.severity.value if e.severity else "-"
        out.write(f"{e.code:<6} {sev:<7} {_status_text(e)}\n")
    pct = 100 * implemented / decidable if decidable else 100.0
    out.write(f"\n{implemented} of {decidable} codes decidable from facts are implemented ({pct:.1f} %).\n")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``werkvrede`` console script."""
    out, err, stdin = sys.stdout, sys.stderr, sys.stdin
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
        if args.command == "advise":
            return _advise(args, out, stdin)
        if args.command == "rules":
            return _rules(args, out)
        raise _UsageError("expected a command: advise or rules")
    except _UsageError as exc:
        err.write(f"werkvrede: usage error: {exc}\n")
        return EXIT_INVALID
    except InvalidSituation as exc:
        err.write(f"werkvrede: invalid input at {exc.path}: {exc.message}\n")
        return EXIT_INVALID
    except SystemExit as exc:  # argparse --help
        return EXIT_OK if exc.code in (0, None) else EXIT_INVALID
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing left to say
        return EXIT_OK
    except RecursionError:
        err.write("werkvrede: invalid input at $: structure nested too deeply\n")
        return EXIT_INVALID
    except Exception as exc:  # the edge: never a traceback
        err.write(
            f"werkvrede: internal error while evaluating ({type(exc).__name__}); please report this input\n"
        )
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
