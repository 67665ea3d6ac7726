"""The OpenAPI document says what each operation takes and answers (ADR 0061).

Components are named after the schema classes; two classes with one name used to overwrite each
other, so operations were documented with another operation's schema. These tests walk the API's
operations from their Python declarations and compare them with the document.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from enum import Enum
from typing import Any

import pytest
from ninja.openapi.schema import REF_TEMPLATE
from ninja.operation import Operation
from ninja.schema import NinjaGenerateJsonSchema
from pydantic import BaseModel, TypeAdapter

from werkvrede.api.api import api
from werkvrede.core import types

DOCUMENT = api.get_openapi_schema()
COMPONENTS = DOCUMENT["components"]["schemas"]
REPLAY = {"$ref": "#/components/schemas/IdempotentReplayOut"}


def _operations() -> Iterator[Operation]:
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            yield from path_view.operations


OPERATIONS = {api.get_openapi_operation_id(op): op for op in _operations()}


def _documented(operation_id: str) -> dict[str, Any]:
    for operations in DOCUMENT["paths"].values():
        for documented in operations.values():
            if documented["operationId"] == operation_id:
                return typing.cast(dict[str, Any], documented)
    raise AssertionError(f"{operation_id} is not in the document")


def _resolve(node: Any, defs: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """The schema with every reference replaced by what it names (titles left out: they are names)."""
    if isinstance(node, list):
        return [_resolve(item, defs, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        assert name not in seen, f"recursive schema {name}"
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return _resolve({**defs[name], **rest}, defs, (*seen, name))
    return {
        key: ({p: _resolve(s, defs, seen) for p, s in value.items()} if key == "properties" else
              _resolve(value, defs, seen))
        for key, value in node.items()
        if key != "title"
    }  # fmt: skip


def _expected(declared: Any, mode: Any, by_alias: bool = True) -> Any:
    schema = TypeAdapter(declared).json_schema(
        ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema, mode=mode, by_alias=by_alias
    )
    return _resolve({k: v for k, v in schema.items() if k != "$defs"}, schema.get("$defs", {}))


def _declared_body(operation: Operation) -> tuple[str, Any] | None:
    bodies = [m for m in operation.models if m.__ninja_param_source__ == "body"]
    if not bodies:
        return None
    (name,) = bodies[0].model_fields
    hints = typing.get_type_hints(operation.view_func, include_extras=True)
    return name, hints[name]


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_each_request_body_is_documented_with_the_schema_its_signature_declares(operation_id: str) -> None:
    declared = _declared_body(OPERATIONS[operation_id])
    documented = _documented(operation_id).get("requestBody")
    if declared is None:
        return
    assert documented is not None
    schema = documented["content"]["application/json"]["schema"]
    assert _resolve(schema, COMPONENTS) == _expected(declared[1], "validation"), declared


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_each_response_is_documented_with_the_schema_its_operation_declares(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    responses = _documented(operation_id)["responses"]
    for status, model in operation.response_models.items():
        if model is None:
            continue
        declared = model.model_fields["response"].annotation
        schema = responses[str(status)]["content"]["application/json"]["schema"]
        # Beside the declared schema: a rule's 422, and the replay of a POST sent again (ADR 0143).
        if "anyOf" in schema and (status == 422 or schema["anyOf"][-1] == REPLAY):
            schema = schema["anyOf"][0]
        expected = _expected(declared, "serialization", operation.by_alias)
        assert _resolve(schema, COMPONENTS) == expected, (status, declared)


def _classes(annotation: Any) -> Iterator[type]:
    for arg in typing.get_args(annotation):
        yield from _classes(arg)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        for field in annotation.model_fields.values():
            yield from _classes(field.annotation)
    elif isinstance(annotation, type) and issubclass(annotation, Enum):
        yield annotation


def test_no_two_schemas_of_the_api_share_a_name() -> None:
    """The document names components after classes: one name, one class (prefix per context)."""
    found: dict[str, set[str]] = {}
    for operation in OPERATIONS.values():
        models = [*operation.models, *(m for m in operation.response_models.values() if m is not None)]
        for model in models:
            for field in model.model_fields.values():
                for cls in _classes(field.annotation):
                    found.setdefault(cls.__name__, set()).add(f"{cls.__module__}.{cls.__qualname__}")
    clashes = {name: places for name, places in found.items() if len(places) > 1}
    assert not clashes


def _strings_and_integers(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        if schema.get("type") in ("string", "integer"):
            yield where, schema
        for key, value in schema.items():
            if key == "properties":
                for name, sub in value.items():
                    yield from _strings_and_integers(sub, f"{where}.{name}")
            elif key == "patternProperties":
                for sub in value.values():
                    yield from _strings_and_integers(sub, f"{where}.*")
            elif key in ("items", "anyOf", "additionalProperties", "allOf", "oneOf"):
                yield from _strings_and_integers(value, where)
    elif isinstance(schema, list):
        for item in schema:
            yield from _strings_and_integers(item, where)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_value_a_request_carries_is_bounded(operation_id: str) -> None:
    """Strings are enumerations, codes, dates in 1900-2199 or text without control characters, all with a
    maximum length; integers have a minimum and a maximum (werkvrede.core.types)."""
    if _declared_body(OPERATIONS[operation_id]) is None:
        return
    documented = _documented(operation_id)
    schema = _resolve(documented["requestBody"]["content"]["application/json"]["schema"], COMPONENTS)
    parameters = [(f"{p['in']}.{p['name']}", p["schema"]) for p in documented.get("parameters", [])]
    for where, value in [*_strings_and_integers(schema, "body"), *parameters]:
        if value.get("type") == "integer":
            assert "minimum" in value and "maximum" in value, where
        elif "enum" in value or "const" in value:
            continue
        elif value.get("format") in ("date", "date-time"):
            assert value.get("pattern") == types.DATE_PATTERN, where
        elif value.get("format") == "email":
            assert value.get("maxLength") == 254, where
        else:
            assert "maxLength" in value, where
            assert value.get("pattern") in (types.TEXT_PATTERN, types.CODE_PATTERN), where


def test_the_advice_input_limits_dates_as_the_other_operations_do() -> None:
    """The guideline's own input schema (POST /advice) takes the same years as every other operation."""
    body = DOCUMENT["paths"]["/api/v1/advice"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    values = [v for d in body["$defs"].values() for _, v in _strings_and_integers(d, "")]
    dates = [v for v in values if v.get("format") == "date"]
    assert dates and all(v["pattern"] == types.DATE_PATTERN for v in dates)
