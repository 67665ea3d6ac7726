"""SC-01 in a real browser: a late consult, variant C and an interventieperiode advice
that employer and employee receive identically (Refs issue #4).

Sanne signals the conflict; HR completes the intake, gives the bedrijfsarts a role and records the
sick report; the bedrijfsarts holds the consult 9 days after the first sick day (R-011 warns), finds
her not unfit for work and finds a conflict — the guideline derives variant C — and sends a 7-day
interventieperiode advice. HR and Sanne then read the same advice; HR never sees the medical note.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.core.roles import Role

PASSWORD = "sc01-browser-password"
MEDICAL = "MARKER-slaapt-slecht-sc01"
ADVICE = "Zeven dagen werken in het andere magazijn; op dag twee een gesprek met de teamleider en HR."


@pytest.fixture
def sc01(transactional_db: None) -> None:
    organisation_with(
        "Magazijn BV",
        "magazijn",
        [
            ("sanne", "Sanne", Role.EMPLOYEE),
            ("teamleider", "De teamleider", Role.LINE_MANAGER),
            ("hr", "Hanna HR", Role.HR_ADVISER),
            ("ba", "Eva Bedrijfsarts", Role.OCCUPATIONAL_PHYSICIAN),
        ],
        PASSWORD,
    )


def test_sc01_in_the_browser(live_server: Any, browser: Any, sc01: None) -> None:
    base = live_server.url
    today = timezone.localdate()
    first_sick_day = today - timedelta(days=9)

    sanne = logged_in_page(browser, base, "sanne@magazijn.test", PASSWORD)
    sanne.goto(f"{base}/zaken/nieuw/")
    sanne.get_by_label("E-mailadres van de wederpartij").fill("teamleider@magazijn.test")
    sanne.get_by_label("Wat is er aan de hand?").fill("Het nieuwe rooster wordt me opgelegd.")
    submit(sanne, "Signaal vastleggen")
    case_url = sanne.url
    assert "/zaken/" in case_url and "nieuw" not in case_url
    case_id = int(case_url.rstrip("/").split("/")[-1])

    hr = logged_in_page(browser, base, "hr@magazijn.test", PASSWORD)
    hr.goto(f"{base}/zaken/{case_id}/intake/")
    hr.get_by_label("Partijen").select_option("INDIVIDUAL_INDIVIDUAL")
    hr.get_by_label("Arbeidsvoorwaarden").check()
    hr.get_by_label("Arbeidsverhoudingen").check()
    hr.get_by_label("Escalatiefase (Glasl 1–9)").select_option("3")
    submit(hr, "Intake afronden")
    hr.goto(case_url)
    hr.get_by_label("E-mailadres van de persoon").fill("ba@magazijn.test")
    hr.get_by_label("Rol in de zaak").select_option("BA")
    submit(hr, "Rol geven")
    hr.goto(f"{base}/ziekmelding/{case_id}/melding/")
    hr.get_by_label("Eerste ziektedag").fill(first_sick_day.isoformat())
    hr.get_by_label("Gemeld bij de arbodienst of bedrijfsarts op").fill(
        (first_sick_day + timedelta(days=2)).isoformat()
    )
    hr.get_by_role("button").filter(has_text="opslaan").first.click()
    hr.wait_for_load_state()

    ba = logged_in_page(browser, base, "ba@magazijn.test", PASSWORD)
    ba.goto(f"{base}/ziekmelding/{case_id}/spreekuur/")
    ba.get_by_label("Datum van het spreekuur").fill(today.isoformat())
    ba.get_by_label("Medische aantekening (alleen voor bedrijfsarts en werknemer)").fill(MEDICAL)
    ba.locator("main form button[type=submit]").click()
    ba.wait_for_load_state()
    ba.goto(f"{base}/ziekmelding/{case_id}/oordeel/")
    ba.check("input[name=value][value=NOT_AO]")
    ba.get_by_label("Datum van het oordeel").fill(today.isoformat())
    ba.locator("main form button[type=submit]").click()
    ba.wait_for_load_state()
    ba.goto(f"{base}/ziekmelding/{case_id}/conflict/")
    ba.check("input[name=conflict][value=true]")
    ba.fill("input[name=recorded_on]", today.isoformat())
    ba.locator("main form button[type=submit]").click()
    ba.wait_for_load_state()
    section = ba.goto(f"{base}/ziekmelding/{case_id}/")
    assert section is not None and section.status == 200
    ba_section = ba.locator("main").inner_text()
    assert "C" in ba_section and "R-011" in ba_section

    ba.goto(f"{base}/ziekmelding/{case_id}/advies/")
    ba.get_by_label("Soort advies").select_option("INTERVENTION_PERIOD")
    for content in ("WORK_EXPECTATION", "INTERVENTION_PERIOD", "CONVERSATION"):
        ba.check(f"input[name=content][value={content}]")
    ba.get_by_label("Interventieperiode: vorm").select_option("ALT_WORKPLACE")
    ba.get_by_label("Interventieperiode: begin").fill((today + timedelta(days=1)).isoformat())
    ba.get_by_label("Interventieperiode: aantal dagen").fill("7")
    ba.get_by_label("Interventieperiode: contactpersoon voor de afspraak").fill("de teamleider")
    ba.get_by_label("Toelichting").fill(ADVICE)
    submit(ba, "Controleren")
    for box in ba.locator("input[name=acknowledge]").all():
        box.check()
    for reason in ba.locator("textarea[name^=justification_]").all():
        reason.fill("Besproken met werkgever en werknemer; zie het advies.")
    ba.check("#confirmed")  # sending is irreversible: confirmed first
    submit(ba, "Verstuur naar werkgever én werknemer")
    assert "bevindingen" not in ba.url

    employer_view = hr.goto(f"{base}/ziekmelding/{case_id}/")
    assert employer_view is not None and employer_view.status == 200
    hr_text = hr.locator("main").inner_text()
    sanne.goto(f"{base}/ziekmelding/{case_id}/")
    sanne_text = sanne.locator("main").inner_text()
    assert ADVICE in hr_text and ADVICE in sanne_text
    assert MEDICAL not in hr_text
    assert "Niet arbeidsongeschikt" in hr_text
