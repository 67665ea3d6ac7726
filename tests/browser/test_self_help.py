"""The self-help guide and the public protocol in a real browser (docs/self-help.md, ADR 0086, 0087):
an anonymous visitor walks the guide to the vertrouwenspersoon for bullying and to mediation for a
collaboration stuck at Glasl stage 4; neither walk writes a row or sets a cookie. Accessible (axe) at
390 px and 1280 px, without horizontal scroll at 390 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import organisation_with, submit
from werkvrede.confidential.models import Report
from werkvrede.core.roles import Role
from werkvrede.protocol.models import ConflictProtocol

PASSWORD = "browser-test-password"
WIDTHS = (390, 1280)


@pytest.fixture
def organisation(transactional_db: None) -> str:
    organisation, _members = organisation_with(
        "Zorggroep Noord",
        "zorg-noord",
        [("vp", "Vera Vertrouwenspersoon", Role.CONFIDENTIAL_ADVISER)],
        PASSWORD,
        conflict_leave=True,
    )
    ConflictProtocol.objects.filter(organisation=organisation).update(is_public=True)  # chosen by the ADM
    return "zorg-noord"


def _rows() -> dict[str, int]:
    """The number of rows of every model: a request that stores anything changes one of them."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _fits(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def _accessible_at_both_widths(page: Any) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == [], width
        if width == 390:
            assert _fits(page)


def test_bullying_leads_to_the_vertrouwenspersoon_and_nothing_is_stored(
    live_server: Any, page: Any, organisation: str
) -> None:
    before = _rows()
    page.goto(f"{live_server.url}/hulp/{organisation}/")
    expect(page.get_by_role("heading", name="Hulpwijzer voor Zorggroep Noord")).to_be_visible()
    _accessible_at_both_widths(page)
    submit(page, "Ik ben medewerker")
    expect(page.get_by_role("heading", name="Vragen voor de medewerker")).to_be_visible()
    _accessible_at_both_widths(page)
    # Keyboard only: the question groups are fieldsets with a legend, reached with Tab and Space.
    page.get_by_role("group", name="Gebeurt er iets van het volgende?").get_by_label("Pesten").check()
    page.get_by_label("Ja, maar het werd niet beter.").check()
    submit(page, "Bekijk het advies")
    expect(page.get_by_role("heading", name="Ga eerst naar de vertrouwenspersoon")).to_be_visible()
    expect(page.get_by_text("Vera Vertrouwenspersoon").first).to_be_visible()
    expect(
        page.get_by_text("Arbeidsconflictenverlof:", exact=False)
    ).to_be_visible()  # the protocol offers it
    _accessible_at_both_widths(page)
    assert page.url == f"{live_server.url}/hulp/{organisation}/"  # no answer in the address
    assert _rows() == before
    assert page.context.cookies() == []

    # Only when the visitor chooses: the answers fill in the report form, still nothing saved.
    submit(page, "Begin een melding bij de vertrouwenspersoon met deze antwoorden")
    expect(page.get_by_role("heading", name="Anoniem melden bij de vertrouwenspersoon")).to_be_visible()
    assert page.get_by_label("Waar gaat het over?").input_value() == "BULLYING"
    assert (
        "Ik heb de hulpwijzer ingevuld."
        in page.get_by_label("Je bericht aan de vertrouwenspersoon").input_value()
    )
    assert not Report.objects.exists()


def test_a_collaboration_stuck_at_glasl_4_leads_to_mediation_and_nothing_is_stored(
    live_server: Any, page: Any, organisation: str
) -> None:
    before = _rows()
    page.goto(f"{live_server.url}/hulp/")
    _accessible_at_both_widths(page)
    submit(page, "Ik ben leidinggevende")
    expect(page.get_by_role("heading", name="Vragen voor de leidinggevende")).to_be_visible()
    page.get_by_label("We zoeken steun bij anderen en er ontstaan kampen.").check()
    page.locator('input[name="willing"][value="yes"]').check()
    submit(page, "Bekijk het advies")
    expect(page.get_by_role("heading", name="Mediation kan helpen")).to_be_visible()
    expect(page.get_by_text("het conflict is opgelopen of dreigt op te lopen")).to_be_visible()
    expect(page.get_by_role("heading", name="Ga eerst naar de vertrouwenspersoon")).not_to_be_visible()
    _accessible_at_both_widths(page)
    # Changing an answer brings the questions back with what was chosen.
    submit(page, "Antwoorden aanpassen")
    expect(page.get_by_label("We zoeken steun bij anderen en er ontstaan kampen.")).to_be_checked()
    assert _rows() == before
    assert page.context.cookies() == []


def test_the_public_protocol_and_the_guide_link_to_each_other(
    live_server: Any, page: Any, organisation: str
) -> None:
    page.goto(f"{live_server.url}/protocol/{organisation}/")
    expect(page.get_by_role("heading", name="Conflictprotocol van Zorggroep Noord")).to_be_visible()
    expect(page.get_by_text("Vera Vertrouwenspersoon").first).to_be_visible()
    _accessible_at_both_widths(page)
    assert page.context.cookies() == []
    page.get_by_role("link", name="Beantwoord een paar vragen in de hulpwijzer").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Hulpwijzer voor Zorggroep Noord")).to_be_visible()
    page.get_by_role("link", name="Lees het conflictprotocol van je organisatie").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/protocol/{organisation}/"


def test_an_organisation_that_did_not_publish_its_protocol_answers_404(
    live_server: Any, page: Any, organisation: str
) -> None:
    organisation_with("Bouwbedrijf Zuid", "bouw-zuid", [], PASSWORD)  # its protocol stays private
    for path in ("/protocol/bouw-zuid/", "/protocol/bouw-zuid/pdf/", "/protocol/bestaat-niet/"):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 404, path
        assert "Bouwbedrijf Zuid" not in page.content()
    # The one that chose to publish still renders.
    assert page.goto(f"{live_server.url}/protocol/{organisation}/").status == 200
    assert page.context.cookies() == []
