"""The live advice check (`sickness:advice-check`): the same check as "Controleren", shown beside
the form while it is written; the send button is disabled with the reason while a BLOCK stands."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.test import Client

from conftest import World
from werkvrede.core.roles import Role
from werkvrede.sickness.models import SentAdvice
from werkvrede.sickness.tests.helpers import conflict_case, consulted, finding, report, verdict
from werkvrede.sickness.tests.test_views import ADVICE_FORM

ClientAs = Callable[..., Client]


def _ready(world: World) -> int:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case)
    finding(world, case)
    return int(case.pk)


def _send_button(html: str) -> str:
    button = re.search(r'<button[^>]*name="send" value="1"[^>]*>', html)
    assert button is not None, "the send button is always there"
    return button.group(0)


def test_the_check_returns_the_findings_and_a_disabled_send_button_while_blocked(
    world: World, client_as: ClientAs
) -> None:
    case_id = _ready(world)
    response = client_as(Role.OCCUPATIONAL_PHYSICIAN).post(
        f"/ziekmelding/{case_id}/advies/controle/", ADVICE_FORM
    )
    html = response.content.decode()
    assert response.status_code == 200  # htmx replaces the panel also when a BLOCK stands
    assert "<html" not in html  # only the panel
    assert "R-030" in html and "BLOCK*" in html
    button = _send_button(html)
    assert " disabled" in button and 'aria-describedby="verstuur-reden"' in button
    assert 'id="verstuur-reden"' in html and "R-030" in html.split('id="verstuur-reden"')[1]
    assert not SentAdvice.objects.exists()


def test_the_send_button_is_enabled_again_when_the_block_clears(world: World, client_as: ClientAs) -> None:
    case_id = _ready(world)
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    form = {**ADVICE_FORM, "reintegration_condition": "NONE"}
    justifications = {
        f"justification_{code}": "Beide partijen zijn gehoord"
        for code in ("R-022", "R-023", "R-030", "R-034")
    }
    html = client.post(
        f"/ziekmelding/{case_id}/advies/controle/", {**form, **justifications}
    ).content.decode()
    assert " disabled" not in _send_button(html)
    assert 'id="verstuur-reden"' not in html
    assert not SentAdvice.objects.exists()  # a check never sends, even with send=1 in the body
    client.post(f"/ziekmelding/{case_id}/advies/controle/", {**form, **justifications, "send": "1"})
    assert not SentAdvice.objects.exists()


def test_an_incomplete_form_says_what_comes_first(world: World, client_as: ClientAs) -> None:
    case_id = _ready(world)
    html = (
        client_as(Role.OCCUPATIONAL_PHYSICIAN)
        .post(f"/ziekmelding/{case_id}/advies/controle/", {"text": "half"})
        .content.decode()
    )
    assert "Vul eerst de verplichte velden in" in html
    assert " disabled" in _send_button(html)


def test_the_form_page_asks_for_the_live_check_and_keeps_the_button_without_js(
    world: World, client_as: ClientAs
) -> None:
    case_id = _ready(world)
    html = client_as(Role.OCCUPATIONAL_PHYSICIAN).get(f"/ziekmelding/{case_id}/advies/").content.decode()
    assert f'hx-post="/ziekmelding/{case_id}/advies/controle/"' in html
    assert 'aria-live="polite"' in html and 'id="advies-controle"' in html
    assert 'name="send" value="0"' in html  # "Controleren" without JS
    assert " disabled" in _send_button(html)  # not before the guideline has checked


def test_the_check_is_only_for_the_bedrijfsarts(world: World, client_as: ClientAs) -> None:
    case_id = _ready(world)
    response = client_as(Role.HR_ADVISER).post(f"/ziekmelding/{case_id}/advies/controle/", ADVICE_FORM)
    assert response.status_code == 403
    assert (
        client_as(Role.OCCUPATIONAL_PHYSICIAN).get(f"/ziekmelding/{case_id}/advies/controle/").status_code
        == 405
    )


def test_sending_without_the_confirmation_sends_nothing(world: World, client_as: ClientAs) -> None:
    case_id = _ready(world)
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    form = {**ADVICE_FORM, "reintegration_condition": "NONE", "send": "1"}
    justifications = {
        f"justification_{code}": "Beide partijen zijn gehoord"
        for code in ("R-022", "R-023", "R-030", "R-034")
    }
    response = client.post(f"/ziekmelding/{case_id}/advies/", {**form, **justifications})
    html = response.content.decode()
    assert response.status_code == 400 and not SentAdvice.objects.exists()
    assert 'aria-describedby="confirmed_error"' in html and 'id="confirmed_error"' in html
    assert "Terugkeer in twee weken, eerst halve dagen." in html  # nothing typed is lost
    done = client.post(f"/ziekmelding/{case_id}/advies/", {**form, **justifications, "confirmed": "yes"})
    assert done.status_code == 302 and SentAdvice.objects.count() == 1
