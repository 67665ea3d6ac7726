"""The vertrouwenspersoon route in a real browser (issue scenario b): HR records bullying on a case
and offers the VP (R-100); the employee chooses the VP on the case page and sees who that is; the VP
records the intake and the category and proposes a referral to a mediator (R-102); the employee
consents in writing (CC-6); the referral arrives in the mediator's list of mediations.

The new pages are axe-clean and have no horizontal scroll at 390px.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.confidential.models import Referral, ReferralStatus, Report, ReportState
from werkvrede.core.roles import Role
from werkvrede.interventions.tests.helpers import behaviour_suspected, intervention_recorded
from werkvrede.mediation.models import Mediation
from werkvrede.mediation.services import reference

PASSWORD = "vp-route-browser-password"
PEOPLE = [
    ("hr", "Hanna HR", Role.HR_ADVISER),
    ("vera", "Vera Vertrouwenspersoon", Role.CONFIDENTIAL_ADVISER),
    ("mila", "Mila Mediator", Role.MEDIATOR),
    ("lotte", "Lotte de Vries", Role.EMPLOYEE),
    ("lars", "Lars Leidinggevende", Role.LINE_MANAGER),
]
SUMMARY = "Lotte wil met hulp van een mediator praten over de omgang in het team."
JUSTIFICATION = "Alleen om de werking van de lijst te tonen."
CONDITIONS = [
    "Ik heb geprobeerd toestemming van de melder te krijgen.",
    "Zwijgen brengt mij in ernstige gewetensnood.",
    "Er is geen andere weg dan doorbreken.",
    "Zonder doorbreken is ernstige schade",
    "Doorbreken voorkomt of beperkt die schade.",
    "De melder is vooraf geïnformeerd.",
    "Waar mogelijk heb ik de melder verwezen",
    "Ik kan mijn besluit verantwoorden.",
]
MESSAGE = "Lars maakt mij al maanden belachelijk waar het team bij is."


@pytest.fixture
def org(transactional_db: None, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    """HR records suspected bullying on Lotte's case and offers the VP (R-100, RT-2)."""
    with django_capture_on_commit_callbacks(execute=True):
        organisation, members = organisation_with("Bakkerij BV", "bakkerij", PEOPLE, PASSWORD)
        hr = actor_of(members["hr"].user, organisation.pk)
        case = signal(members["hr"].user, organisation.pk, employee=members["lotte"], other=members["lars"])
        today = timezone.localdate()
        behaviour_suspected(hr, case, "BULLYING", today=today)
        intervention_recorded(hr, case, "REFERRAL_VP", today=today)
    return {"organisation": organisation, "members": members, "case": case}


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def _fine(page: Any) -> None:
    assert _no_horizontal_scroll(page), page.url
    assert axe_violations(page) == [], page.url


def _narrow(page: Any) -> Any:
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def _go(page: Any, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def test_bullying_to_the_vp_to_a_mediator_with_the_melders_consent(
    live_server: Any, browser: Any, org: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    base, case = live_server.url, org["case"]

    # The employee chooses the VP on the case page and sees who the VP is.
    lotte = _narrow(logged_in_page(browser, base, "lotte@bakkerij.test", PASSWORD))
    lotte.goto(f"{base}/zaken/{case.pk}/")
    assert "Vera Vertrouwenspersoon" in lotte.locator("main").inner_text()
    lotte.get_by_label("Ik ga in gesprek met de vertrouwenspersoon").check()
    _go(lotte, "Keuze vastleggen")
    report = Report.objects.get()
    assert report.state == ReportState.CONTACT and report.melder_id == org["members"]["lotte"].user_id

    # The VP finds the report in the inbox, records the intake and the category.
    vera = _narrow(logged_in_page(browser, base, "vera@bakkerij.test", PASSWORD))
    vera.goto(f"{base}/vertrouwenspersoon/")
    assert "Lotte de Vries" in vera.locator("main").inner_text()
    vera.get_by_role("link", name=f"Melding {report.pk}").click()
    vera.wait_for_load_state()
    for label in (
        "Ik heb uitgelegd wat geheimhouding",
        "Ik heb uitgelegd dat een vertrouwenspersoon",
        "De melder geeft",
    ):
        vera.get_by_label(label).check()
    _go(vera, "Intake vastleggen")
    vera.get_by_label("Categorie").select_option("BULLYING")
    _go(vera, "Categorie vastleggen")
    report.refresh_from_db()
    assert report.state == ReportState.ADVICE

    # The employee writes in the report (sealed, D15): it never reaches the mediator.
    lotte.goto(f"{base}/vertrouwenspersoon/melding/{report.pk}/")
    lotte.get_by_label("Bericht", exact=True).fill(MESSAGE)
    _go(lotte, "Bericht versturen")

    # The VP proposes a referral to the mediator; a missing summary keeps what was typed.
    vera.goto(f"{base}/vertrouwenspersoon/melding/{report.pk}/")
    _fine(vera)
    vera.get_by_role("link", name="Doorverwijzing voorstellen").click()
    vera.wait_for_load_state()
    _fine(vera)
    vera.get_by_label("Naar wie verwijs je?").select_option(label="Mediator")
    vera.get_by_label("Wie ontvangt de verwijzing?").select_option(label="Mila Mediator (Mediator)")
    vera.get_by_label("Bij een mediator: met wie gaat de melder in gesprek?").select_option(
        label="Lars Leidinggevende"
    )
    vera.get_by_label("Bij een mediator: het onderwerp van de mediation").fill("De omgang in het team")
    _go(vera, "Voorstel aan de melder geven")
    expect(vera.get_by_role("alert")).to_be_visible()
    assert (
        vera.get_by_label("Bij een mediator: het onderwerp van de mediation").input_value()
        == "De omgang in het team"
    )
    _fine(vera)
    vera.get_by_label("Wat mag je doorgeven?").fill(SUMMARY)
    _go(vera, "Voorstel aan de melder geven")
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.PROPOSED
    assert Mediation.objects.count() == 0  # nothing passes before the consent

    # The checklist for breaking confidentiality: seven of eight conditions are refused with
    # the missing one named and everything typed kept; a complete one asks for confirmation first.
    vera.goto(f"{base}/vertrouwenspersoon/melding/{report.pk}/geheimhouding/")
    _fine(vera)
    vera.get_by_label("Aan wie zou je iets verstrekken?").select_option(label="Politie")
    for condition in CONDITIONS[:-1]:
        vera.get_by_label(condition).check()
    vera.get_by_label("Op welke dag heb je de melder geïnformeerd?").fill(timezone.localdate().isoformat())
    vera.get_by_label("Je verantwoording").fill(JUSTIFICATION)
    _go(vera, "Controleren")
    assert "R-103" in vera.get_by_role("alert").inner_text()
    assert "besluit te verantwoorden" in vera.get_by_role("alert").inner_text()
    assert vera.get_by_label("Je verantwoording").input_value() == JUSTIFICATION
    _fine(vera)
    vera.get_by_label(CONDITIONS[-1]).check()
    _go(vera, "Controleren")
    assert "Afweging vastleggen?" in vera.locator("main").inner_text()
    _fine(vera)
    _go(vera, "Nee, terug naar de lijst")
    assert vera.get_by_label("Je verantwoording").input_value() == JUSTIFICATION
    report.refresh_from_db()
    assert report.state == ReportState.ADVICE  # nothing recorded without the confirmation

    # The employee reads the proposal, with recipient and scope, and consents.
    lotte.goto(f"{base}/vertrouwenspersoon/melding/{report.pk}/")
    lotte.get_by_role("link", name="Bekijk het voorstel en beslis").click()
    lotte.wait_for_load_state()
    _fine(lotte)
    shown = lotte.locator("main").inner_text()
    assert "Mila Mediator" in shown and "Lars Leidinggevende" in shown and SUMMARY in shown
    with django_capture_on_commit_callbacks(execute=True):
        lotte.get_by_label("Ik geef schriftelijk toestemming").check()
        _go(lotte, "Ja, ik geef toestemming")
    referral.refresh_from_db()
    report.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED and report.state == ReportState.REFERRED
    mediation = Mediation.objects.get()
    assert mediation.referrer_role == "VP"

    # The referral arrives in the mediator's list of mediations; her referrals page shows the summary only.
    mila = _narrow(logged_in_page(browser, base, "mila@bakkerij.test", PASSWORD))
    mila.goto(f"{base}/mediation/")
    assert reference(mediation) in mila.locator("main").inner_text()
    mila.get_by_role("link", name=reference(mediation)).click()
    mila.wait_for_load_state()
    detail = mila.locator("main").inner_text()
    assert "Lotte de Vries" in detail and "Lars Leidinggevende" in detail and MESSAGE not in detail
    mila.goto(f"{base}/vertrouwenspersoon/verwijzingen/")
    _fine(mila)
    seen = mila.locator("main").inner_text()
    assert SUMMARY in seen and MESSAGE not in seen
