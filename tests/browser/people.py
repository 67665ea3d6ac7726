"""Shared steps of the browser scenarios: an organisation with its people, logging in, submitting."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from conftest import logged_in
from werkvrede.accounts.models import Membership, Organisation, User
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


def log_in(page: Any, base: str, email: str, password: str) -> None:
    """Log the page's browser context in and open the start page.

    The session is made on the server as the log-in form leaves it (`conftest.logged_in`); the
    log-in form itself is walked in `test_login_and_language.py`.
    """
    user = User.objects.get(email=email)
    assert user.check_password(password), f"wrong password for {email}"
    session = logged_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
    page.goto(f"{base}/")


def logged_in_page(browser: Any, base: str, email: str, password: str) -> Any:
    """A fresh browser context (its own cookies) with the person logged in on the start page."""
    page = browser.new_context(locale="nl-NL").new_page()
    page.set_default_timeout(15_000)
    log_in(page, base, email, password)
    return page


def submit(page: Any, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()
