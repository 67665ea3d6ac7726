"""Admitting a supporter to a mediation in a real browser (R-076, CC-8), with the generic admission of
the mediation app: the employee proposes her supporter, both parties consent, the supporter signs the
confidentiality statement and only then is invited to a session, reads the agreement (fn 19, docs/rules.md).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.people import logged_in_page, organisation_with
from tests.browser.test_mediation import PASSWORD, _sign, running  # noqa: F401
from werkvrede.accounts.services import membership_grant, user_create
from werkvrede.core.roles import Role
from werkvrede.mediation.models import Admission, Mediation


@pytest.fixture
def org(transactional_db: None, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    from werkvrede.cases.tests.helpers import signal

    people = [
        ("hr", "Hanna HR", Role.HR_ADVISER),
        ("mila", "Mila Mediator", Role.MEDIATOR),
        ("lotte", "Lotte de Vries", Role.EMPLOYEE),
        ("lars", "Lars Leidinggevende", Role.LINE_MANAGER),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        organisation, members = organisation_with("Winkel BV", "winkel", people, PASSWORD)
        sam = user_create(email="sam@winkel.test", full_name="Sam Steun", password=PASSWORD)
        membership_grant(user=sam, organisation=organisation, roles=[Role.EMPLOYEE])
        case = signal(members["lotte"].user, organisation.pk, other=members["lars"])
    return {"organisation": organisation, "members": members, "case": case}


def test_b_a_supporter_is_admitted_only_with_everyones_consent_and_a_signed_statement(
    live_server: Any,
    browser: Any,
    org: dict[str, Any],
    running: Mediation,  # noqa: F811 - the fixture imported above
) -> None:
    base = live_server.url
    lotte = logged_in_page(browser, base, "lotte@winkel.test", PASSWORD)
    lotte.goto(f"{base}/mediation/{running.pk}/")
    lotte.get_by_role("link", name="Ondersteuner of advocaat voorstellen").click()
    lotte.get_by_label("Persoon").select_option(label="Sam Steun")
    lotte.get_by_label("Ondersteuner").check()
    lotte.get_by_role("button", name="Voorstellen").click()
    lotte.wait_for_load_state()
    assert "wacht op instemming" in lotte.locator("main").inner_text()

    sam = logged_in_page(browser, base, "sam@winkel.test", PASSWORD)
    sam.goto(f"{base}/mediation/{running.pk}/")
    assert "Gesprekken" not in sam.locator("main").inner_text()  # a candidate sees no content
    sam.locator("#tekenen").locator("xpath=..").get_by_role("link").first.click()
    sam.wait_for_load_state()
    assert "Geheimhoudingsverklaring" in sam.locator("main").inner_text()
    _sign(sam, "Sam Steun")

    for page in (lotte, logged_in_page(browser, base, "lars@winkel.test", PASSWORD)):
        page.goto(f"{base}/mediation/{running.pk}/")
        page.get_by_role("button", name="Ik stem in").click()
        page.wait_for_load_state()
    admission = Admission.objects.get()
    assert admission.admitted_at is not None

    mila = logged_in_page(browser, base, "mila@winkel.test", PASSWORD)
    mila.goto(f"{base}/mediation/{running.pk}/gesprek/nieuw/")
    mila.get_by_label("Datum en tijd").fill("2030-01-07T10:00")
    for name in ("Lotte de Vries", "Lars Leidinggevende", "Sam Steun"):
        mila.get_by_label(name).check()
    mila.get_by_role("button", name="Gesprek plannen").click()
    mila.wait_for_load_state()

    sam.goto(f"{base}/mediation/{running.pk}/")
    text = sam.locator("main").inner_text()
    assert "7 januari 2030 10:00" in text
    assert "Mediationovereenkomst" in text  # D12 R (fn 19, docs/rules.md)
