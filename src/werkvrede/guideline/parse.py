"""Turn a JSON-like dict into a :class:`Situation`, and describe that input as JSON Schema.

The parser is driven by the dataclass type hints of ``model.py``, so the schema, the parser and
the model cannot drift apart. Errors raise :class:`InvalidSituation` with the field path
(``sick_report.consult_on``, ``ba_advice[0].kind``) and what was expected.
"""

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from werkvrede.guideline.model import Situation

MIN_YEAR, MAX_YEAR = 1900, 2199
# The year range as a JSON Schema pattern on a date, so that clients and generators see it too.
DATE_PATTERN = "^(19|2[01])[0-9]{2}-"
MAX_INT = 1000


class InvalidSituation(ValueError):  # noqa: N818 - public name fixed by the API contract
    """The input does not describe a valid situation."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path or "$"
        self.message = message
        super().__init__(f"{self.path}: {message}")


def _key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _fields(cls: type) -> tuple[tuple[str, str, Any, dataclasses.Field[Any]], ...]:
    hints = _hints(cls)
    return tuple((f.name, _key(f), hints[f.name], f) for f in dataclasses.fields(cls))


@cache
def _known(cls: type) -> frozenset[str]:
    return frozenset(key for _, key, _, _ in _fields(cls))


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _type_name(tp: Any) -> str:
    if tp is bool:
        return "true or false"
    if tp is int:
        return "an integer"
    if tp is str:
        return "a string"
    if tp is date:
        return "a date YYYY-MM-DD"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "one of " + ", ".join(str(m.value) for m in tp)
    if dataclasses.is_dataclass(tp):
        return "an object"
    return "a list"


@cache
def _plan(tp: Any) -> tuple[bool, str, Any]:
    """(nullable, kind, inner type) of a field type, computed once per type."""
    nullable = False
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        nullable = True
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
    if tp is bool or tp is int or tp is str or tp is date:
        return nullable, tp.__name__, tp
    if isinstance(tp, type) and issubclass(tp, Enum):
        return nullable, "enum", tp
    if typing.get_origin(tp) is tuple:
        return nullable, "tuple", typing.get_args(tp)[0]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return nullable, "object", tp
    raise TypeError(tp)  # pragma: no cover - the model uses only the above


def _convert(value: Any, tp: Any, path: str, meta: typing.Mapping[str, object]) -> Any:
    nullable, kind, base = _plan(tp)
    if value is None:
        if nullable:
            return None
        raise InvalidSituation(path, f"must not be null; expected {_type_name(base)}")
    if kind == "date":
        if not isinstance(value, str) or len(value) != 10:
            raise InvalidSituation(path, "expected a date YYYY-MM-DD")
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise InvalidSituation(path, f"expected a date YYYY-MM-DD, got {value!r}") from None
        # Deadlines run up to decades ahead; keep every computed date representable.
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise InvalidSituation(path, f"expected a date between {MIN_YEAR} and {MAX_YEAR}")
        return parsed
    if kind == "enum":
        if not isinstance(value, str):
            raise InvalidSituation(path, f"expected {_type_name(base)}")
        try:
            return base(value)
        except ValueError:
            raise InvalidSituation(path, f"unknown code {value!r}; expected {_type_name(base)}") from None
    if kind == "bool":
        if not isinstance(value, bool):
            raise InvalidSituation(path, "expected true or false")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidSituation(path, "expected an integer")
        lo = meta.get("minimum")
        hi = meta.get("maximum", MAX_INT)
        if isinstance(lo, int) and value < lo:
            raise InvalidSituation(path, f"expected an integer >= {lo}")
        if isinstance(hi, int) and value > hi:
            raise InvalidSituation(path, f"expected an integer <= {hi}")
        return value
    if kind == "str":
        if not isinstance(value, str):
            raise InvalidSituation(path, "expected a string")
        if len(value) > 20000:
            raise InvalidSituation(path, "string too long (max 20000 characters)")
        return value
    if kind == "tuple":
        if meta.get("kv"):
            if not isinstance(value, dict):
                raise InvalidSituation(path, "expected an object of text fields")
            pairs: list[tuple[str, str]] = []
            for k, v in value.items():
                if not isinstance(v, str | int | bool) and v is not None:
                    raise InvalidSituation(_join(path, str(k)), "expected a text value")
                pairs.append((str(k), "" if v is None else str(v)))
            return tuple(sorted(pairs))
        if not isinstance(value, list):
            raise InvalidSituation(path, f"expected a list of {_type_name(base)}")
        return tuple(_convert(v, base, f"{path}[{i}]", _NO_META) for i, v in enumerate(value))
    return _build(base, value, path)


_NO_META: typing.Mapping[str, object] = {}


def _build(cls: Any, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise InvalidSituation(path, "expected an object")
    fields = _fields(cls)
    known = _known(cls)
    for k in data:
        if k not in known:
            raise InvalidSituation(
                _join(path, str(k)), "unknown field; expected one of " + ", ".join(sorted(known))
            )
    kwargs: dict[str, Any] = {}
    for name, key, tp, f in fields:
        fpath = _join(path, key)
        if key in data:
            kwargs[name] = _convert(data[key], tp, fpath, f.metadata)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise InvalidSituation(fpath, f"required; expected {_type_name(tp)}")
    return cls(**kwargs)


def _check_order(path: str, earlier: date | None, later: date | None, what: str) -> None:
    if earlier is not None and later is not None and later < earlier:
        raise InvalidSituation(path, what)


def _validate(s: Situation) -> None:
    """Cross-field checks: impossible date combinations."""
    sr = s.sick_report
    if sr is not None:
        fsd = sr.first_sick_day
        # Documents of the WVP track may date from an earlier, aggregated sick period.
        track_start = min([fsd, *(p.first_sick_day for p in sr.previous_periods)])
        for key, value in (
            ("notified_to_ba_on", sr.notified_to_ba_on),
            ("consult_on", sr.consult_on),
            ("recovery_date", sr.recovery_date),
            ("uwv_notified_on", sr.uwv_notified_on),
            ("wia_applied_on", sr.wia_applied_on),
        ):
            _check_order(
                f"sick_report.{key}", fsd, value, f"must not be before sick_report.first_sick_day ({fsd})"
            )
        if sr.verdict is not None:
            _check_order(
                "sick_report.verdict.recorded_on",
                track_start,
                sr.verdict.recorded_on,
                "must not be before the first sick day",
            )
        if sr.problem_analysis is not None:
            _check_order(
                "sick_report.problem_analysis.on",
                track_start,
                sr.problem_analysis.on,
                "must not be before the first sick day",
            )
        if sr.action_plan is not None:
            _check_order(
                "sick_report.action_plan.on",
                track_start,
                sr.action_plan.on,
                "must not be before the first sick day",
            )
        prev_end: date | None = None
        for i, p in enumerate(sorted(sr.previous_periods, key=lambda p: p.first_sick_day)):
            ppath = f"sick_report.previous_periods[{i}]"
            _check_order(
                f"{ppath}.last_sick_day",
                p.first_sick_day,
                p.last_sick_day,
                "must not be before first_sick_day",
            )
            if p.last_sick_day >= fsd:
                raise InvalidSituation(
                    ppath, "a previous sick period must end before sick_report.first_sick_day"
                )
            if prev_end is not None and p.first_sick_day <= prev_end:
                raise InvalidSituation(ppath, "previous sick periods overlap")
            prev_end = p.last_sick_day
    for i, ip in enumerate(s.intervention_periods):
        path = f"intervention_periods[{i}]"
        _check_order(f"{path}.end_on", ip.start_on, ip.end_on, "must not be before start_on")
        _check_order(f"{path}.extension_end_on", ip.end_on, ip.extension_end_on, "must not be before end_on")
        if ip.start_on is None and ip.extension_end_on is not None:
            raise InvalidSituation(f"{path}.start_on", "required when an extension is requested")
    for i, lr in enumerate(s.conflict_leave_requests):
        _check_order(
            f"conflict_leave_requests[{i}].end_on", lr.start_on, lr.end_on, "must not be before start_on"
        )
    for i, lp in enumerate(s.conflict_leave_history):
        _check_order(
            f"conflict_leave_history[{i}].end_on", lp.start_on, lp.end_on, "must not be before start_on"
        )
    for i, ta in enumerate(s.termination_agreements):
        if ta.dissolution is not None:
            _check_order(
                f"termination_agreements[{i}].dissolution.received_on",
                ta.dissolution.sent_on,
                ta.dissolution.received_on,
                "must not be before sent_on",
            )
    wb = s.whistleblower_report
    if wb is not None:
        _check_order(
            "whistleblower_report.acknowledged_on",
            wb.received_on,
            wb.acknowledged_on,
            "must not be before received_on",
        )
        _check_order(
            "whistleblower_report.feedback_on",
            wb.acknowledged_on,
            wb.feedback_on,
            "must not be before acknowledged_on",
        )


def parse_situation(data: Any) -> Situation:
    """Build a :class:`Situation` from decoded JSON; raise :class:`InvalidSituation` with a field path."""
    situation: Situation = _build(Situation, data, "")
    _validate(situation)
    return situation


# --------------------------------------------------------------------------------------------
# JSON Schema
# --------------------------------------------------------------------------------------------


def _schema_of(tp: Any, meta: typing.Mapping[str, object], defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_schema_of(args[0], meta, defs), {"type": "null"}]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        out: dict[str, Any] = {"type": "integer", "maximum": meta.get("maximum", MAX_INT)}
        if isinstance(meta.get("minimum"), int):
            out["minimum"] = meta["minimum"]
        return out
    if tp is str:
        return {"type": "string", "maxLength": 20000}
    if tp is date:
        return {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "description": f"YYYY-MM-DD, years {MIN_YEAR}-{MAX_YEAR}",
        }
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if origin is tuple:
        if meta.get("kv"):
            return {
                "type": "object",
                "additionalProperties": {"type": ["string", "integer", "boolean", "null"]},
            }
        return {"type": "array", "items": _schema_of(typing.get_args(tp)[0], {}, defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            props: dict[str, Any] = {}
            required: list[str] = []
            for _, key, ftp, f in _fields(tp):
                prop = _schema_of(ftp, f.metadata, defs)
                desc = f.metadata.get("description")
                if desc:
                    prop = {**prop, "description": desc}
                if f.default is not dataclasses.MISSING and isinstance(f.default, bool | int | str):
                    prop = {**prop, "default": f.default.value if isinstance(f.default, Enum) else f.default}
                props[key] = prop
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    required.append(key)
            body: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
            if required:
                body["required"] = required
            doc = (tp.__doc__ or "").strip().splitlines()
            if doc and not doc[0].startswith(name + "("):
                body["description"] = doc[0]
            defs[name] = body
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(tp)  # pragma: no cover


def situation_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the input accepted by :func:`parse_situation`."""
    defs: dict[str, Any] = {}
    _schema_of(Situation, {}, defs)
    root = dict(defs.pop("Situation"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://werkvrede.nl/schema/situation.json",
        "title": "Werkvrede guideline situation",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
