"""Mediation in a real browser (issue #5): (a) a restoration mediation from referral to a signed
behaviour plan; (c) a mediation ended early by a party's withdrawal, closed by the neutral notice.

The referrer (HR) sees only that the mediation started and ended (R-084); sessions are refused until
everyone signed the agreement (R-072).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.people import logged_in_page, organisation_with
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.mediation import services
from werkvrede.mediation.models import Mediation, MediationParty, PartySide

PASSWORD = "mediation-browser-password"
PEOPLE = [
    ("hr", "Hanna HR", Role.HR_ADVISER),
    ("mila", "Mila Mediator", Role.MEDIATOR),
    ("lotte", "Lotte de Vries", Role.EMPLOYEE),
    ("lars", "Lars Leidinggevende", Role.LINE_MANAGER),
]


@pytest.fixture
def org(transactional_db: None, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    with django_capture_on_commit_callbacks(execute=True):
        organisation, members = organisation_with("Winkel BV", "winkel", PEOPLE, PASSWORD)
        case = signal(members["lotte"].user, organisation.pk, other=members["lars"])
    return {"organisation": organisation, "members": members, "case": case}


def _sign(page: Any, name: str) -> None:
    page.get_by_label("Typ je volledige naam om te ondertekenen").fill(name)
    page.get_by_label("Ik heb het document gelezen en onderteken het").check()
    page.get_by_role("button", name="Ondertekenen").click()
    page.wait_for_load_state()


def _sign_waiting(page: Any, base: str, mediation_id: int, name: str) -> None:
    page.goto(f"{base}/mediation/{mediation_id}/")
    page.locator("#tekenen").locator("xpath=..").get_by_role("link").first.click()
    page.wait_for_load_state()
    _sign(page, name)


def test_a_restoration_mediation_from_referral_to_a_signed_behaviour_plan(
    live_server: Any, browser: Any, org: dict[str, Any]
) -> None:
    base, case = live_server.url, org["case"]

    hr = logged_in_page(browser, base, "hr@winkel.test", PASSWORD)
    hr.goto(f"{base}/mediation/zaak/{case.pk}/")
    hr.get_by_role("link", name="Verwijzen naar een mediator").click()
    hr.get_by_label("Onderwerp van de mediation").fill("Samenwerking in het team")
    hr.get_by_label("Werknemer (partij)").select_option(label="Lotte de Vries")
    # The form fills in the case's other party (Lars); here he takes part for the employer instead.
    hr.get_by_label("Wederpartij").select_option(label="—")
    hr.get_by_label("Vertegenwoordiger van de werkgever").select_option(label="Lars Leidinggevende")
    hr.locator("#id_mediator").select_option(label="Mila Mediator")
    hr.get_by_role("button", name="Verwijzen").click()
    hr.wait_for_load_state()
    mediation = Mediation.objects.get()
    assert f"/mediation/{mediation.pk}/" in hr.url
    assert "Nog niet gestart" in hr.locator("main").inner_text()

    mila = logged_in_page(browser, base, "mila@winkel.test", PASSWORD)
    mila.goto(f"{base}/mediation/{mediation.pk}/")
    mila.get_by_role("button", name="Ik verklaar mij onpartijdig").click()
    mila.wait_for_load_state()
    for party in ("Lotte de Vries", "Lars Leidinggevende"):
        mila.goto(f"{base}/mediation/{mediation.pk}/intake/")
        mila.get_by_label("Partij").select_option(label=party)
        mila.get_by_label("Datum van de intake").fill(timezone.localdate().isoformat())
        mila.get_by_label("Standpunten").fill("Wil anders samenwerken")
        mila.get_by_label("Belangen").fill("Rust in het team")
        mila.get_by_label("Onderliggende oorzaken").fill("Onduidelijke taken")
        mila.get_by_role("button", name="Vastleggen").click()
        mila.wait_for_load_state()

    pages = {"lotte": logged_in_page(browser, base, "lotte@winkel.test", PASSWORD)}
    pages["lars"] = logged_in_page(browser, base, "lars@winkel.test", PASSWORD)
    for page in pages.values():
        page.goto(f"{base}/mediation/{mediation.pk}/")
        page.get_by_role("button", name="Ja, ik doe vrijwillig mee").click()
        page.wait_for_load_state()

    mila.goto(f"{base}/mediation/{mediation.pk}/overeenkomst/")
    for label in ("Deelname is vrijwillig", "Geheimhouding, ook na afloop", "De mediator is neutraal"):
        mila.get_by_label(label).check()
    mila.locator("#id_fees").fill("€ 150 per uur")
    mila.get_by_label("Wie betaalt").fill("de werkgever")
    mila.get_by_label("Tussentijdse afspraken").fill("Schriftelijk")
    mila.get_by_role("button", name="Overeenkomst opstellen").click()
    mila.wait_for_load_state()
    assert f"/mediation/{mediation.pk}/" in mila.url

    # no session before everyone signed.
    mila.goto(f"{base}/mediation/{mediation.pk}/gesprek/nieuw/")
    start = (timezone.localtime() + timedelta(days=7)).replace(hour=10, minute=0)
    mila.get_by_label("Datum en tijd").fill(start.strftime("%Y-%m-%dT%H:%M"))
    mila.get_by_label("Lotte de Vries").check()
    mila.get_by_role("button", name="Gesprek plannen").click()
    expect(mila.get_by_role("alert")).to_contain_text("R-072")

    _sign_waiting(pages["lotte"], base, mediation.pk, "Lotte de Vries")
    _sign_waiting(pages["lars"], base, mediation.pk, "Lars Leidinggevende")
    _sign_waiting(mila, base, mediation.pk, "Mila Mediator")
    mediation.refresh_from_db()
    assert mediation.state == "AGREEMENT_SIGNED"

    mila.goto(f"{base}/mediation/{mediation.pk}/")
    mila.get_by_label("Herstelmediation").check()
    mila.get_by_role("button", name="Spoor vastleggen").click()
    mila.wait_for_load_state()
    mila.goto(f"{base}/mediation/{mediation.pk}/gesprek/nieuw/")
    mila.get_by_label("Datum en tijd").fill(start.strftime("%Y-%m-%dT%H:%M"))
    mila.get_by_label("Lotte de Vries").check()
    mila.get_by_label("Lars Leidinggevende").check()
    mila.get_by_role("button", name="Gesprek plannen").click()
    mila.wait_for_load_state()
    assert "Gesprekken lopen" in mila.locator("main").inner_text()

    mila.goto(f"{base}/mediation/{mediation.pk}/afspraken/")
    mila.get_by_label("Gedragsplan").check()
    mila.locator("#id_points").fill("Wekelijks overleg op maandag\nTaken staan op het bord")
    mila.get_by_role("button", name="Afspraken opstellen").click()
    mila.wait_for_load_state()
    _sign_waiting(pages["lotte"], base, mediation.pk, "Lotte de Vries")
    _sign_waiting(pages["lars"], base, mediation.pk, "Lars Leidinggevende")
    mediation.refresh_from_db()
    assert mediation.state == "OUTCOME_SIGNED"

    mila.goto(f"{base}/mediation/{mediation.pk}/beeindigen/")
    _sign_end = mila
    _sign_end.get_by_label("Typ je volledige naam om te ondertekenen").fill("Mila Mediator")
    _sign_end.get_by_label("Ik heb het document gelezen en onderteken het").check()
    _sign_end.get_by_role("button", name="Ondertekenen en beëindigen").click()
    _sign_end.wait_for_load_state()
    assert "Beëindigd met afspraken" in mila.locator("main").inner_text()

    # The referrer: status with dates only.
    hr.goto(f"{base}/mediation/zaak/{case.pk}/")
    text = hr.locator("main").inner_text()
    assert "Mediation gestart op" in text and "beëindigd op" in text
    hr.goto(f"{base}/mediation/{mediation.pk}/")
    assert "Wekelijks overleg" not in hr.content() and "Samenwerking in het team" not in hr.content()


@pytest.fixture
def running(org: dict[str, Any], django_capture_on_commit_callbacks: Any) -> Mediation:
    members, case = org["members"], org["case"]
    organisation = org["organisation"]
    actors = {key: actor_of(m.user, organisation.pk) for key, m in members.items()}
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        mediation = services.mediation_refer(
            actor=actors["hr"],
            case_id=case.pk,
            data=services.ReferralInput(
                subject="Samenwerking",
                parties=[
                    services.PartyInput(members["lotte"].user.pk, PartySide.EMPLOYEE),
                    services.PartyInput(members["lars"].user.pk, PartySide.EMPLOYER_REPRESENTATIVE),
                ],
                mediator_id=members["mila"].user.pk,
            ),
            today=today,
        )
        services.impartiality_declare(actor=actors["mila"], mediation_id=mediation.pk, today=today)
        for key in ("lotte", "lars"):
            party = MediationParty.objects.get(mediation=mediation, user=members[key].user)
            services.intake_record(
                actor=actors["mila"],
                mediation_id=mediation.pk,
                data=services.IntakeInput(party.pk, today, "standpunt", "belang", "oorzaak"),
                today=today,
            )
            services.willingness_record(
                actor=actors[key], mediation_id=mediation.pk, willing=True, today=today
            )
        doc = services.agreement_draft(
            actor=actors["mila"],
            mediation_id=mediation.pk,
            data=services.AgreementInput(
                True, True, True, "MfN", "€ 150", "werkgever", "status", "schriftelijk"
            ),
            today=today,
        )
        for key in ("lotte", "lars", "mila"):
            services.mediation_document_sign(
                actor=actors[key], mediation_id=mediation.pk, document_id=doc.pk,
                typed_name=members[key].user.full_name, today=today,
            )  # fmt: skip
        services.track_set(actor=actors["mila"], mediation_id=mediation.pk, track="RESTORATION", today=today)
        services.session_plan(
            actor=actors["mila"],
            mediation_id=mediation.pk,
            data=services.SessionInput(
                timezone.make_aware(
                    datetime.combine(today + timedelta(days=7), datetime.min.time()).replace(hour=10)
                ),
                60,
                [members["lotte"].user.pk, members["lars"].user.pk],
            ),
            today=today,
        )
    return mediation


def test_c_a_party_withdraws_and_the_neutral_notice_closes_it(
    live_server: Any, browser: Any, org: dict[str, Any], running: Mediation
) -> None:
    base = live_server.url
    lotte = logged_in_page(browser, base, "lotte@winkel.test", PASSWORD)
    lotte.goto(f"{base}/mediation/{running.pk}/")
    lotte.get_by_role("link", name="Stoppen met de mediation").click()
    expect(lotte.locator("main")).to_contain_text("zonder reden")
    lotte.get_by_label("Typ je volledige naam om te ondertekenen").fill("Lotte de Vries")
    lotte.get_by_label("Ik heb het document gelezen en onderteken het").check()
    lotte.get_by_role("button", name="Ondertekenen en stoppen").click()
    lotte.wait_for_load_state()
    main = lotte.locator("main").inner_text()
    assert "Beëindigd zonder afspraken" in main
    assert "Neutraal beëindigingsbericht" in main

    lotte.get_by_role("link", name="Neutraal beëindigingsbericht").click()
    lotte.wait_for_load_state()
    assert "Dit document wordt niet ondertekend" in lotte.locator("main").inner_text()  # not signed
    assert lotte.locator("textarea").count() == 0  # no free text anywhere

    hr = logged_in_page(browser, base, "hr@winkel.test", PASSWORD)
    hr.goto(f"{base}/mediation/zaak/{org['case'].pk}/")
    text = hr.locator("main").inner_text()
    assert "Mediation gestart op" in text and "beëindigd op" in text
    hr.goto(f"{base}/mediation/{running.pk}/")
    assert "Neutraal beëindigingsbericht" not in hr.locator("main").inner_text()


def test_mediation_pages_have_no_serious_accessibility_violations(
    live_server: Any, browser: Any, org: dict[str, Any], running: Mediation
) -> None:
    from tests.browser.conftest import axe_violations
    from werkvrede.documents.models import Document

    base = live_server.url
    agreement = Document.objects.get(kind="MEDIATION_AGREEMENT")
    session = running.sessions.get()
    mila = logged_in_page(browser, base, "mila@winkel.test", PASSWORD)
    for path in (
        f"/mediation/{running.pk}/",
        f"/mediation/{running.pk}/intake/",
        f"/mediation/{running.pk}/overeenkomst/",
        f"/mediation/{running.pk}/gesprek/nieuw/",
        f"/mediation/{running.pk}/gesprek/{session.pk}/",
        f"/mediation/{running.pk}/afspraken/",
        f"/mediation/{running.pk}/beeindigen/",
        f"/mediation/{running.pk}/document/{agreement.pk}/",
        "/mediation/",
    ):
        mila.goto(f"{base}{path}")
        assert axe_violations(mila) == [], path
    lotte = logged_in_page(browser, base, "lotte@winkel.test", PASSWORD)
    for path in (
        f"/mediation/{running.pk}/",
        f"/mediation/{running.pk}/stoppen/",
        f"/mediation/zaak/{org['case'].pk}/",
    ):
        lotte.goto(f"{base}{path}")
        assert axe_violations(lotte) == [], path
