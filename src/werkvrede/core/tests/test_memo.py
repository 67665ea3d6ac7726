"""Reads made once within a block that only reads (core.memo, ADR 0209)."""

from __future__ import annotations

from datetime import date

from conftest import World
from werkvrede.accounts.models import Organisation
from werkvrede.core.memo import once_while_reading, reading

calls: list[object] = []


@once_while_reading
def _answer(*args: object, **kwargs: object) -> list[object]:
    calls.append((args, kwargs))
    return [len(calls)]


def setup_function() -> None:
    calls.clear()


def test_outside_a_block_every_call_reads() -> None:
    assert _answer(1) == [1]
    assert _answer(1) == [2]


def test_within_a_block_each_question_is_read_once() -> None:
    with reading():
        assert _answer(1, "a", on=date(2026, 1, 1)) == [1]
        assert _answer(1, "a", on=date(2026, 1, 1)) == [1]
        assert _answer(2, "a", on=date(2026, 1, 1)) == [2]  # another question
        assert _answer(1, "a", on=date(2026, 1, 2)) == [3]
        assert _answer("1", "a", on=date(2026, 1, 1)) == [4]  # text is not the number
    assert len(calls) == 4


def test_a_new_block_reads_again_and_nested_blocks_share() -> None:
    with reading():
        _answer(1)
        with reading():
            _answer(1)
        _answer(1)
    with reading():
        _answer(1)
    assert len(calls) == 2


def test_a_list_answer_is_a_copy_per_caller() -> None:
    with reading():
        first = _answer(1)
        first.append("changed by one caller")
        assert _answer(1) == [1]


@once_while_reading
def _roles(user_id: int) -> set[str]:
    calls.append(user_id)
    return {"HR"}


def test_a_set_answer_is_a_copy_per_caller() -> None:
    with reading():
        _roles(1).add("changed by one caller")
        assert _roles(1) == {"HR"}
    assert calls == [1]


def test_a_stored_instance_is_keyed_by_its_model_and_key(world: World) -> None:
    organisation = world.a.organisation
    same_row = Organisation.objects.get(pk=organisation.pk)
    with reading():
        _answer(organisation)
        _answer(same_row)
        _answer(world.b.organisation)
    assert len(calls) == 2


def test_an_argument_it_cannot_key_is_read_every_time() -> None:
    unsaved = Organisation(name="nog niet opgeslagen")
    with reading():
        _answer(unsaved)
        _answer(unsaved)
        _answer({"a": 1})
        _answer({"a": 1})
    assert len(calls) == 4


@reading()
def _page() -> None:
    _answer(1)
    _answer(1)


def test_a_function_marked_reading_is_a_new_block_on_each_call() -> None:
    _page()
    _page()
    assert len(calls) == 2  # once per call, not once for ever
