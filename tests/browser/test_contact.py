"""Vrijblijvend contact in a real browser: a visitor asks without an account, a mediator sets up the
organisation, and both parties get an invitation e-mail with a one-time link (seed 002, issue #5)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.accounts.models import RoleGrant
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.contact.models import ContactRequest
from werkvrede.contact.services import settings_update
from werkvrede.core.roles import Role
from werkvrede.mediation.models import Mediation

if TYPE_CHECKING:
    from playwright.sync_api import Page

PASSWORD = "browser-test-password"


@pytest.fixture
def mediator(transactional_db: None) -> str:
    cache.clear()  # the form's rate limit lives in the cache
    organisation, members = organisation_with(
        "QenA verzuimadvies", "qena", [("mediator", "Quinten de Mediator", Role.MEDIATOR)], PASSWORD
    )
    settings_update(actor=actor_of(members["mediator"].user, organisation.pk), accepts=True)
    return "mediator@qena.test"


def test_contact_request_to_invited_parties(live_server: Any, browser: Any, page: Any, mediator: str) -> None:
    base = live_server.url
    # 1. A small-business owner asks, without logging in.
    page.goto(f"{base}/contact/")
    expect(page.get_by_role("heading", name="Vrijblijvend contact")).to_be_visible()
    expect(page.get_by_text("Beschrijf hier het conflict niet.")).to_be_visible()
    expect(page.get_by_role("heading", name="Privacyverklaring")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Je naam").fill("Ingrid de Ondernemer")
    page.get_by_label("Naam van de organisatie").fill("Bakkerij Ondernemer")
    page.get_by_label("E-mailadres").fill("ingrid@bakkerij.example")
    page.get_by_label("Werkgever").check()
    page.get_by_label("Met hoeveel mensen gaat het ongeveer?").fill("2")
    page.get_by_label("E-mail", exact=True).check()
    submit(page, "Versturen")
    expect(page.get_by_role("heading", name="Bedankt, je aanvraag is verstuurd")).to_be_visible()
    assert ContactRequest.objects.count() == 1
    notice = [m for m in mail.outbox if m.to == [mediator]]
    assert len(notice) == 1 and "Bakkerij" not in str(notice[0].body)

    # 2. The mediator takes it and sets up the organisation.
    med = logged_in_page(browser, base, mediator, PASSWORD)
    med.goto(f"{base}/contact/aanvragen/")
    med.get_by_role("link", name="Bakkerij Ondernemer").click()
    submit(med, "Aanvraag oppakken")
    expect(med.get_by_text("Je hebt de aanvraag opgepakt.")).to_be_visible()
    med.get_by_role("link", name="Organisatie inrichten en partijen uitnodigen").click()
    assert med.get_by_label("E-mailadres van de werkgever").input_value() == "ingrid@bakkerij.example"
    med.get_by_label("Naam van de werkgever (vertegenwoordiger)").fill("Ingrid de Ondernemer")
    med.get_by_label("Naam van de werknemer").fill("Wim Werknemer")
    med.get_by_label("E-mailadres van de werknemer").fill("wim@bakkerij.example")
    assert axe_violations(med) == []
    mail.outbox.clear()
    submit(med, "Inrichten en uitnodigen")
    expect(med.get_by_text("is ingericht en de partijen hebben een uitnodiging")).to_be_visible()

    # 3. Both parties are invited; nobody is a member until they accept (ADR 0070).
    assert sorted(m.to[0] for m in mail.outbox) == ["ingrid@bakkerij.example", "wim@bakkerij.example"]

    def roles() -> set[tuple[str, str]]:
        return set(
            RoleGrant.objects.filter(membership__organisation__name="Bakkerij Ondernemer").values_list(
                "membership__user__email", "role"
            )
        )

    def accept(address: str) -> tuple[Page, str]:
        """The party chooses a password through the link in the e-mail and logs in."""
        body = str(next(m for m in mail.outbox if m.to == [address]).body)
        link = re.search(r"/account/uitnodiging/\?\S+", body)
        assert link is not None
        party = browser.new_context(locale="nl-NL").new_page()
        party.set_default_timeout(15_000)
        party.goto(f"{base}{link.group(0)}")
        expect(party.get_by_role("heading", name="Uitnodiging aannemen")).to_be_visible()
        party.locator("#id_new_password1").fill("een lang en sterk wachtwoord 42")
        party.locator("#id_new_password2").fill("een lang en sterk wachtwoord 42")
        assert axe_violations(party) == []
        submit(party, "Wachtwoord instellen")
        party.get_by_label("E-mailadres").fill(address)
        party.get_by_label("Wachtwoord").fill("een lang en sterk wachtwoord 42")
        party.get_by_role("button", name="Inloggen").click()
        party.wait_for_url(f"{base}/")
        return party, link.group(0)

    assert roles() == {(mediator, "MED")}
    assert not Mediation.objects.filter(organisation__name="Bakkerij Ondernemer").exists()
    accept("ingrid@bakkerij.example")
    assert roles() == {(mediator, "MED"), ("ingrid@bakkerij.example", "LG")}
    assert not Mediation.objects.filter(organisation__name="Bakkerij Ondernemer").exists()
    wim, link = accept("wim@bakkerij.example")
    assert roles() == {(mediator, "MED"), ("ingrid@bakkerij.example", "LG"), ("wim@bakkerij.example", "WN")}
    # Once every party has accepted, the mediation is there.
    assert Mediation.objects.filter(organisation__name="Bakkerij Ondernemer").count() == 1
    wim.goto(f"{base}/mediation/")
    assert wim.get_by_role("link", name=re.compile(r"^MED-\d+$")).count() == 1
    # The link was for one use only, and says so (ADR 0071).
    wim.goto(f"{base}{link}")
    expect(wim.get_by_role("heading", name="Deze uitnodiging is al aangenomen")).to_be_visible()
