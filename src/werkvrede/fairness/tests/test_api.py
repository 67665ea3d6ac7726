"""The JSON API of "did it feel fair?" (ADR 0135)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from conftest import World
from werkvrede.core.phases import INTAKE, MEDIATION
from werkvrede.core.roles import Role
from werkvrede.fairness.models import Answer
from werkvrede.fairness.tests.helpers import answered, intake_done


def _the_employees_question(world: World, client_as: Callable[..., Client]) -> tuple[Client, str]:
    """The employee's client and the address of their one question, after the intake ended."""
    intake_done(world)
    client = client_as(Role.EMPLOYEE)
    items = client.get("/api/v1/me/fairness-questions").json()
    assert [i["phase"] for i in items] == [INTAKE]
    return client, f"/api/v1/me/fairness-questions/{items[0]['invitation_id']}"


def test_a_party_lists_and_answers_their_question_once(
    world: World, client_as: Callable[..., Client]
) -> None:
    client, url = _the_employees_question(world, client_as)
    refused = client.post(url, {"heard": 9, "respect": 4, "understood": 4}, content_type="application/json")
    assert refused.status_code == 422 and not Answer.objects.exists()
    body = {"heard": 2, "respect": 4, "understood": 5, "comment": "Duidelijk"}
    assert client.post(url, body, content_type="application/json").status_code == 204
    assert client.post(url, body, content_type="application/json").status_code == 404
    assert Answer.objects.values_list("heard", "respect", "understood", "comment").get() == (
        2,
        4,
        5,
        "Duidelijk",
    )
    assert client.get("/api/v1/me/fairness-questions").json() == []


def test_an_answer_is_taken_as_the_document_states_its_types(
    world: World, client_as: Callable[..., Client]
) -> None:
    """A score is a JSON number (core.types.Input, ADR 0060): "3" and true are refused, naming the field."""
    client, url = _the_employees_question(world, client_as)
    for wrong in ("3", True):
        refused = client.post(
            url, {"heard": wrong, "respect": 4, "understood": 4}, content_type="application/json"
        )
        assert refused.status_code == 422
        assert [e["loc"][-1] for e in refused.json()["detail"]] == ["heard"]
    assert not Answer.objects.exists()
    # 8.0 is a whole number to JSON Schema, so it is one here too.
    body = {"heard": 3.0, "respect": 4, "understood": 4}
    assert client.post(url, body, content_type="application/json").status_code == 204


def test_the_results_hide_small_cells_and_the_mediator_sees_only_mediation(
    world: World, client_as: Callable[..., Client]
) -> None:
    answered(world, 1, MEDIATION, mediator=Role.MEDIATOR)
    hr = client_as(Role.HR_ADVISER).get("/api/v1/fairness/results").json()
    assert hr["scope"] == "organisation" and hr["min_cell"] == 3
    assert all(c["respondents"] is None and c["heard"] is None for c in hr["cells"])
    mediator = client_as(Role.MEDIATOR).get("/api/v1/fairness/results").json()
    assert mediator["scope"] == "mediator" and {c["phase"] for c in mediator["cells"]} == {MEDIATION}
    assert client_as(Role.EMPLOYEE).get("/api/v1/fairness/results").status_code == 403
