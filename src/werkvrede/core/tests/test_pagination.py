"""Page numbers in a query string are input too: out of range they show the first page (ADR 0060)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from werkvrede.core.roles import Role


@pytest.mark.parametrize("page", ["99999999999999999999999", "9223372036854775808", "-1", "x"])
def test_a_page_number_out_of_range_shows_the_first_page(client_as: Callable[..., Client], page: str) -> None:
    response = client_as(Role.HR_ADVISER).get(f"/zaken/?pagina={page}")
    assert response.status_code == 200
