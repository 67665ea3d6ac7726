"""Shared steps of the browser scenarios: an organisation with its people, logging in, submitting."""

from __future__ import annotations

from typing import Any

from werkvrede.accounts.models import Membership, Organisation
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.core.roles import Role
from werkvrede.protocol.services import protocol_ensure_default


def organisation_with(
    name: str, slug: str, people: list[tuple[str, str, Role]], password: str, *, conflict_leave: bool = False
) -> tuple[Organisation, dict[str, Membership]]:
    """People log in as `<key>@<slug>.test`."""
    organisation = organisation_create(name=name, slug=slug)
    protocol_ensure_default(organisation=organisation, conflict_leave_enabled=conflict_leave)
    members = {}
    for key, full_name, role in people:
        user = user_create(email=f"{key}@{slug}.test", full_name=full_name, password=password)
        members[key] = membership_grant(user=user, organisation=organisation, roles=[role])
    return organisation, members


def logged_in_page(browser: Any, base: str, email: str, password: str) -> Any:
    """A fresh browser context (its own cookies) with the person logged in on the start page."""
    page = browser.new_context(locale="nl-NL").new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    return page


def submit(page: Any, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()
