"""One way to declare what the API takes and answers (ADR 0060, ADR 0207): every request body derives
from core.types.Input (strict JSON types), every answer from core.types.Out (plain pydantic, checked
without django-ninja's per-object wrapper)."""

from __future__ import annotations

from typing import get_args

from ninja import Schema
from pydantic import BaseModel

from tests.classes import werkvrede_subclasses
from werkvrede.api.api import api
from werkvrede.core.types import Input, Out


def _models_in(annotation: object) -> set[type]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    found: set[type] = set()
    for arg in get_args(annotation):
        found |= _models_in(arg)
    return found


def test_every_answer_class_of_the_api_is_a_plain_model() -> None:
    answers: set[type] = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in (operation.response_models or {}).values():
                    if model is None:  # an answer without a body (204)
                        continue
                    answers |= _models_in(model.model_fields["response"].annotation)
    assert len(answers) > 50, "the API documents its answers"
    for model in answers:
        assert issubclass(model, Out), f"{model.__name__} answers through ninja's Schema"
        assert not issubclass(model, Schema), model.__name__


def test_every_request_body_is_strict_input() -> None:
    """What remains of ninja's Schema in Werkvrede is what a request sends: each takes JSON types as
    the document states them (no "1" for 1)."""
    bodies = set(werkvrede_subclasses(Schema))
    assert Input in bodies
    for model in bodies:
        assert issubclass(model, Input), f"{model.__module__}.{model.__name__} is not strict Input"
