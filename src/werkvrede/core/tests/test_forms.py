"""Every form refuses dates outside 1900-2199 and control characters in text, keeping what was typed
(ADR 0060), by one mechanism: the shared base forms of `werkvrede.core.forms`."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator

import pytest
from django import forms
from django.test import Client

import werkvrede
from conftest import World
from tests.classes import werkvrede_subclasses
from werkvrede.cases.models import Case, CaseParty
from werkvrede.core.forms import InputRulesMixin
from werkvrede.core.roles import Role

ClientAs = Callable[..., Client]


def _form_classes() -> Iterator[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(werkvrede.__path__, "werkvrede."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    yield from werkvrede_subclasses(forms.BaseForm)


def test_every_form_applies_the_shared_input_rules() -> None:
    found = list(_form_classes())
    assert len(found) > 30
    assert [cls for cls in found if not issubclass(cls, InputRulesMixin)] == []


def _signal(client: Client, **fields: str) -> str:
    body = {"signalled_on": "2025-03-03", "employee_name": "Sanne", "other_party_name": "het team",
            "description": "", "description_visibility": "HANDLERS", **fields}  # fmt: skip
    response = client.post("/zaken/nieuw/", body)
    assert response.status_code == 200, "the form should have been shown again"
    return response.content.decode()


@pytest.mark.parametrize("day", ["1899-12-31", "2200-01-01", "9999-12-31"])
def test_a_date_outside_1900_2199_is_refused_and_stays_in_the_field(client_as: ClientAs, day: str) -> None:
    html = _signal(client_as(Role.HR_ADVISER), signalled_on=day)
    assert "Kies een datum tussen 1 januari 1900 en 31 december 2199." in html
    assert f'value="{day}"' in html
    assert not Case.objects.exists()


def test_the_message_is_english_in_english(client_as: ClientAs) -> None:
    client = client_as(Role.HR_ADVISER)
    client.cookies["werkvrede_language"] = "en"
    html = _signal(client, signalled_on="1899-12-31")
    assert "Choose a date between 1 January 1900 and 31 December 2199." in html


@pytest.mark.parametrize(
    ("field", "text"),
    [("employee_name", "Sa\x07nne"), ("description", "Regel\x00een"), ("other_party_name", "het\x1bteam"),
     ("description", "a\x85b")],
)  # fmt: skip
def test_control_characters_in_text_are_refused_and_the_rest_kept(
    client_as: ClientAs, field: str, text: str
) -> None:
    html = _signal(client_as(Role.HR_ADVISER), **{field: text})
    assert "Deze tekst bevat een stuurteken" in html
    assert "Null-tekens zijn niet toegestaan" not in html  # one message for NUL too, not Django's as well
    assert 'value="het team"' in html or field == "other_party_name"
    assert not CaseParty.objects.exists()


def test_tabs_and_line_breaks_are_text(world: World, client_as: ClientAs) -> None:
    response = client_as(Role.HR_ADVISER).post(
        "/zaken/nieuw/",
        {"signalled_on": "1900-01-01", "employee_name": "Sanne", "other_party_name": "het team",
         "description": "Eerste regel\r\nTweede\tregel", "description_visibility": "HANDLERS"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Case.objects.get().signalled_on.year == 1900


def test_date_pickers_offer_only_the_range(client_as: ClientAs) -> None:
    html = client_as(Role.HR_ADVISER).get("/zaken/nieuw/").content.decode()
    assert 'min="1900-01-01"' in html and 'max="2199-12-31"' in html
