"""Every role reaches its main pages from the menu: the top-level navigation per role."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from werkvrede.core.roles import Role

pytestmark = pytest.mark.django_db

MAIN_PAGES: dict[Role, set[str]] = {
    Role.EMPLOYEE: {"core:home", "cases:list", "cases:signal", "selfhelp:guide", "protocol:page"},
    Role.LINE_MANAGER: {"core:home", "cases:list", "cases:signal", "protocol:page"},
    Role.HR_ADVISER: {"core:home", "cases:list", "cases:signal", "cases:overview", "protocol:page"},
    Role.OCCUPATIONAL_PHYSICIAN: {"core:home", "cases:list", "sickness:open-consults"},
    Role.MEDIATOR: {"core:home", "mediation:list", "contact:list"},
    Role.CONFIDENTIAL_ADVISER: {"core:home", "confidential:inbox", "confidential:annual-list"},
    Role.SUPPORTER: {"core:home", "supporters:mine"},
}

# Pages of one role that another role's menu must not offer (near misses).
NOT_IN_MENU: dict[Role, set[str]] = {
    Role.EMPLOYEE: {"contact:list", "confidential:annual-list", "cases:overview"},
    Role.LINE_MANAGER: {"contact:list", "sickness:open-consults", "supporters:mine"},
    Role.MEDIATOR: {"cases:signal", "confidential:annual-list", "supporters:mine"},
    Role.CONFIDENTIAL_ADVISER: {"contact:list", "cases:signal"},
    Role.SUPPORTER: {"cases:signal", "selfhelp:guide", "contact:list"},
}


def _menu_links(client: Client) -> set[str]:
    page = client.get(reverse("core:home")).content.decode()
    match = re.search(r'<nav class="wv-nav".*?</nav>', page, re.S)
    assert match is not None, "the page has no main menu"
    return set(re.findall(r'href="([^"]+)"', match.group(0)))


@pytest.mark.parametrize("role", list(MAIN_PAGES), ids=lambda r: r.name)
def test_every_main_page_of_a_role_is_in_its_menu(role: Role, client_as: Callable[..., Client]) -> None:
    links = _menu_links(client_as(role))
    missing = {name for name in MAIN_PAGES[role] if reverse(name) not in links}
    assert not missing, f"{role.name} misses {sorted(missing)} in the menu"


@pytest.mark.parametrize("role", list(NOT_IN_MENU), ids=lambda r: r.name)
def test_a_menu_offers_no_page_of_another_role(role: Role, client_as: Callable[..., Client]) -> None:
    links = _menu_links(client_as(role))
    offered = {name for name in NOT_IN_MENU[role] if reverse(name) in links}
    assert not offered, f"{role.name} is offered {sorted(offered)}"


@pytest.mark.parametrize("role", list(MAIN_PAGES), ids=lambda r: r.name)
def test_every_menu_item_opens_for_that_role(role: Role, client_as: Callable[..., Client]) -> None:
    client = client_as(role)
    for href in _menu_links(client):
        assert client.get(href).status_code == 200, href
