"""The bench's one-query views (anchor (a) and its logged-in twin), served only by the bench URLconfs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from werkvrede.core.roles import Role


@pytest.mark.urls("werkvrede.config.bench_plain_urls")
def test_the_logged_in_twin_of_anchor_a_answers_only_a_logged_in_person(
    world: object, client_as: Callable[..., Client]
) -> None:
    assert Client().get("/bench/raw-login/").status_code != 200
    response = client_as(Role.HR_ADVISER).get("/bench/raw-login/")
    assert response.status_code == 200
    assert "case" in response.json()
