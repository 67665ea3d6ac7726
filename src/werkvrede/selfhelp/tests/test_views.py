"""The guide's pages: no log-in, no row written, no cookie set, answers only in a POST body; an
organisation's slug shows that organisation's contacts only (docs/self-help.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from conftest import World
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.confidential.models import Report
from werkvrede.core.roles import Role
from werkvrede.protocol.services import protocol_update

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@contextmanager
def no_writes() -> Iterator[None]:
    with CaptureQueriesContext(connection) as queries:
        yield
    writes = [q["sql"] for q in queries.captured_queries if WRITE.match(q["sql"])]
    assert writes == []


def _post(client: Client, url: str, data: dict[str, Any]) -> Any:
    with no_writes():
        response = client.post(url, data)
    assert response.cookies == {} and "Set-Cookie" not in response.headers
    return response


def test_the_generic_guide_stores_nothing_and_sets_no_cookie(db: None) -> None:
    client = Client()
    with no_writes():
        start = client.get(reverse("selfhelp:guide"))
    assert start.status_code == 200 and start.cookies == {}
    assert "Ik ben medewerker" in start.content.decode()
    assert 'name="csrfmiddlewaretoken"' not in start.content.decode()
    questions = _post(client, reverse("selfhelp:guide"), {"step": "questions", "path": "employee"})
    assert "Heb je al geprobeerd om er samen over te praten?" in questions.content.decode()
    advice = _post(
        client,
        reverse("selfhelp:guide"),
        {"step": "advice", "path": "employee", "feeling": "conflict", "behaviours": ["BULLYING"]},
    )
    page = advice.content.decode()
    assert advice.status_code == 200 and "Ga eerst naar de vertrouwenspersoon" in page
    assert "RT-2" in page  # a badge beside the words
    assert "Sommige organisaties kennen arbeidsconflictenverlof" in page
    assert client.cookies == {}


def test_the_manager_path_asks_about_the_team_and_reaches_mediation(db: None) -> None:
    client = Client()
    questions = _post(client, reverse("selfhelp:guide"), {"step": "questions", "path": "manager"})
    assert "Is je medewerker ziek, of bang om ziek te worden?" in questions.content.decode()
    advice = _post(
        client,
        reverse("selfhelp:guide"),
        {"step": "advice", "path": "manager", "feeling": "conflict", "glasl_stage": "4", "willing": "yes"},
    )
    page = advice.content.decode()
    assert "Mediation kan helpen" in page and "het conflict is opgelopen of dreigt op te lopen" in page
    assert "Ga eerst naar de vertrouwenspersoon" not in page


def test_a_wrong_choice_keeps_the_other_answers(db: None) -> None:
    response = _post(
        Client(),
        reverse("selfhelp:guide"),
        {"step": "advice", "path": "employee", "talked": "failed", "glasl_stage": "12"},
    )
    page = response.content.decode()
    assert response.status_code == 400 and 'href="#vraag-glasl_stage"' in page
    assert re.search(r'value="failed"[^>]*checked', page)


def test_changing_the_answers_brings_them_back(db: None) -> None:
    response = _post(
        Client(),
        reverse("selfhelp:guide"),
        {
            "step": "change",
            "path": "employee",
            "behaviours": ["BULLYING", "DISCRIMINATION"],
            "sick": "afraid",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'value="DISCRIMINATION"[^>]*checked', page)
    assert re.search(r'value="afraid"[^>]*checked', page)


def test_the_answers_never_travel_in_an_address(db: None) -> None:
    page = (
        Client().post(reverse("selfhelp:guide"), {"step": "questions", "path": "employee"}).content.decode()
    )
    assert re.search(r'<form method="post" novalidate>', page)
    assert 'method="get"' not in page.lower()


def test_an_organisations_guide_shows_its_own_vp_and_hands_off_only_on_request(world: World) -> None:
    url = reverse("selfhelp:organisation", args=["org-a"])
    page = _post(
        Client(),
        url,
        {"step": "advice", "path": "employee", "feeling": "conflict", "behaviours": ["BULLYING"]},
    ).content.decode()
    vp_a, vp_b = world.a.users[Role.CONFIDENTIAL_ADVISER], world.b.users[Role.CONFIDENTIAL_ADVISER]
    assert vp_a.full_name in page and vp_a.email in page
    assert vp_b.full_name not in page and vp_b.email not in page and "org-b" not in page
    assert f'action="{reverse("reporting:prefill", args=["org-a"])}"' in page
    assert 'name="category" value="BULLYING"' in page


def test_the_guide_links_the_public_protocol_only_when_it_is_public(world: World) -> None:
    url = reverse("selfhelp:organisation", args=["org-a"])
    public_url = reverse("protocol:public", args=["org-a"])
    assert public_url not in Client().get(url).content.decode()
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    protocol_update(
        actor=admin, values={"is_public": True, "conflict_leave_enabled": True}, expected_version=0
    )
    page = Client().get(url).content.decode()
    assert public_url in page
    advice = Client().post(url, {"step": "advice", "path": "employee"}).content.decode()
    assert "Arbeidsconflictenverlof" in advice and "R-050" in advice


def test_an_unknown_slug_is_a_missing_page(db: None) -> None:
    assert Client().get(reverse("selfhelp:organisation", args=["bestaat-niet"])).status_code == 404
    assert (
        Client().post(reverse("selfhelp:organisation", args=["bestaat-niet"]), {"step": "advice"}).status_code
        == 404
    )


def test_the_guide_speaks_english_to_an_english_browser_without_a_cookie(db: None) -> None:
    with translation.override("nl"):  # the middleware activates English; give the next test Dutch back
        response = Client().get(reverse("selfhelp:guide"), headers={"accept-language": "en"})
    assert "I am an employee" in response.content.decode() and response.cookies == {}


def test_the_reporting_form_takes_the_guides_answers_without_saving(world: World) -> None:
    url = reverse("reporting:prefill", args=["org-a"])
    response = Client().post(url, {"category": "BULLYING", "message": "Ik heb de hulpwijzer ingevuld."})
    page = response.content.decode()
    assert response.status_code == 200 and not Report.objects.exists()
    assert re.search(r'value="BULLYING"[^>]*selected', page)
    assert "Ik heb de hulpwijzer ingevuld." in page and "Er is nog niets verstuurd of bewaard" in page
    # The form's own POST is CSRF-protected as always.
    assert 'name="csrfmiddlewaretoken"' in page
    unknown = Client().post(url, {"category": "NOT-A-CATEGORY", "message": "x"}).content.decode()
    assert not re.search(r'value="NOT-A-CATEGORY"', unknown)
    assert Client().post(reverse("reporting:prefill", args=["bestaat-niet"]), {}).status_code == 404
    assert Client().get(url).status_code == 405


def test_the_start_page_points_to_the_guide_and_the_public_protocol(world: World, client_as: Any) -> None:
    guide_url = reverse("selfhelp:organisation", args=["org-a"])
    public_url = reverse("protocol:public", args=["org-a"])
    home = client_as(Role.EMPLOYEE).get(reverse("core:home")).content.decode()
    assert guide_url in home and public_url not in home
    admin = actor_of(world.a.users[Role.ADMIN], world.a.organisation.pk)
    protocol_update(actor=admin, values={"is_public": True}, expected_version=0)
    home = client_as(Role.MEDIATOR).get(reverse("core:home")).content.decode()
    assert guide_url in home and public_url in home
    assert reverse("selfhelp:organisation", args=["org-b"]) not in home


def test_a_logged_in_member_may_start_a_signal_with_the_answers(world: World, client_as: Any) -> None:
    answers = {"step": "advice", "path": "employee", "talked": "failed", "sick": "afraid"}
    anonymous = Client().post(reverse("selfhelp:organisation", args=["org-a"]), answers).content.decode()
    assert reverse("cases:signal-prefill") not in anonymous
    employee = client_as(Role.EMPLOYEE)
    other = employee.post(reverse("selfhelp:organisation", args=["org-b"]), answers).content.decode()
    assert reverse("cases:signal-prefill") not in other  # not in another organisation's guide
    page = employee.post(reverse("selfhelp:organisation", args=["org-a"]), answers).content.decode()
    assert f'action="{reverse("cases:signal-prefill")}"' in page
    draft = re.search(r'name="description" value="([^"]*)"', page)
    assert draft is not None and "geprobeerd" in draft.group(1)
    assert "ziek" not in draft.group(1)  # nothing about health in a case


def test_the_signal_form_takes_the_guides_answers_without_saving(world: World, client_as: Any) -> None:
    from werkvrede.cases.models import Case

    client = client_as(Role.EMPLOYEE)
    client.handler.enforce_csrf_checks = True  # the guide's POST carries no token
    response = client.post(
        reverse("cases:signal-prefill"), {"description": "Uit de hulpwijzer: het werd niet beter."}
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Case.objects.exists()
    assert "Uit de hulpwijzer: het werd niet beter." in page and "Er is nog niets vastgelegd" in page
    assert f'action="{reverse("cases:signal")}"' in page
    assert (
        Client().post(reverse("cases:signal-prefill"), {"description": "x"}).status_code == 302
    )  # log in first
