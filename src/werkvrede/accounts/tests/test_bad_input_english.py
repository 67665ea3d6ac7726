"""Bad input on the pages of people, log-in and password, in English (Refs #11, "Bad input and failure").

Each page answers in the user's language, beside the field, keeping what was typed (passwords excepted);
the Dutch pages are tested beside each feature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World, logged_in, password_only, totp_device_for
from werkvrede.core.roles import Role

LANGUAGE_COOKIE = "werkvrede_language"


def _english(client: Client) -> Client:
    client.cookies[LANGUAGE_COOKIE] = "en"
    return client


def _page(response: Any) -> str:
    html = str(response.content.decode())
    assert response.status_code in (200, 400), html[:300]
    assert '<html lang="en">' in html
    assert 'aria-invalid="true"' in html
    return html


def test_inviting_and_changing_roles_answer_in_english_beside_the_field(
    world: World, client_as: Callable[..., Client]
) -> None:
    admin = _english(client_as(Role.ADMIN))
    typed = {"email": "not-an-address", "full_name": "Iemand Nieuw", "roles": ["HR"]}
    html = _page(admin.post(reverse("accounts:person-invite"), typed))
    assert "Enter a valid email address." in html and 'value="not-an-address"' in html
    assert 'value="Iemand Nieuw"' in html
    sod = {"email": "iemand@voorbeeld.test", "full_name": "Iemand", "roles": ["MED", "HR"]}
    html = _page(admin.post(reverse("accounts:person-invite"), sod))
    assert "SOD-2" in html and "mediator" in html.lower() and "Een mediator" not in html
    assert 'value="iemand@voorbeeld.test"' in html
    membership = world.a.memberships[Role.EMPLOYEE]
    url = reverse("accounts:person-roles", kwargs={"membership_id": membership.pk})
    membership.refresh_from_db()
    html = _page(admin.post(url, {"roles": ["VP", "LG"], "version": membership.version}))
    assert "SOD-1" in html and "Een vertrouwenspersoon" not in html


def test_an_unreadable_import_file_is_refused_in_english(client_as: Callable[..., Client]) -> None:
    admin = _english(client_as(Role.ADMIN))
    upload = SimpleUploadedFile("people.csv", "email,name,roles\n".encode("utf-16"), "text/csv")
    html = _page(admin.post(reverse("accounts:people-import"), {"file": upload}))
    assert "UTF-8" in html and "Het bestand" not in html


def test_a_short_new_password_is_refused_in_english_and_not_shown_again(world: World) -> None:
    client = _english(logged_in(world.a.users[Role.EMPLOYEE]))
    typed = {"old_password": PASSWORD, "new_password1": "kort-wacht1", "new_password2": "kort-wacht1"}
    html = _page(client.post(reverse("accounts:password-change"), typed))
    assert "too short" in html and "12" in html and "te kort" not in html
    assert "kort-wacht1" not in html and PASSWORD not in html


def test_a_wrong_code_is_refused_in_english_at_log_in_and_at_set_up(world: World) -> None:
    enrolled = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    totp_device_for(enrolled)
    client = _english(password_only(enrolled))
    html = _page(client.post(reverse("accounts:mfa-verify"), {"code": "000000"}))
    assert "This code is not right" in html
    html = _page(client.post(reverse("accounts:mfa-recovery"), {"code": "aaaa-bbbb"}))
    assert "This recovery code is not right or has already been used." in html
    new = _english(password_only(world.a.users[Role.CONFIDENTIAL_ADVISER]))
    new.get(reverse("accounts:mfa-enrol"))
    html = _page(new.post(reverse("accounts:mfa-enrol"), {"code": "000000"}))
    assert "Check that the time on your phone is correct" in html
