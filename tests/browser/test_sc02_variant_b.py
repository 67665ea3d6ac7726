"""SC-02 in a real browser: variant B, a blocked advice, an employer free-text violation.

HR types symptoms into the employer's sick report (R-131 refuses and names the words; nothing typed
is lost). The bedrijfsarts finds Mark unfit for work with a conflict — variant B — and drafts an advice
that makes re-integration wait for the conflict's solution: R-030 and R-034 stop it (BLOCK*), no send
button. The corrected advice (graded re-integration and a conversation) goes out. Mediation is
indicated (I-4, I-5) and the probleemanalyse (T-03) is due for the bedrijfsarts (Refs issue #4).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.core.roles import Role

PASSWORD = "sc02-browser-password"


@pytest.fixture
def sc02(transactional_db: None) -> None:
    organisation_with(
        "IT BV",
        "it",
        [
            ("mark", "Mark", Role.EMPLOYEE),
            ("manager", "De manager", Role.LINE_MANAGER),
            ("hr", "Hanna HR", Role.HR_ADVISER),
            ("ba", "Eva Bedrijfsarts", Role.OCCUPATIONAL_PHYSICIAN),
        ],
        PASSWORD,
    )


def _fill_advice(
    ba: Any, base: str, case_id: int, *, condition: str, content: tuple[str, ...], text: str
) -> None:
    ba.goto(f"{base}/ziekmelding/{case_id}/advies/")
    ba.get_by_label("Soort advies").select_option("REINTEGRATION")
    for item in content:
        ba.check(f"input[name=content][value={item}]")
    ba.get_by_label("Voorwaarde voor re-integratie").select_option(condition)
    ba.get_by_label("Toelichting").fill(text)
    submit(ba, "Controleren")


def test_sc02_in_the_browser(live_server: Any, browser: Any, sc02: None) -> None:
    base = live_server.url
    today = timezone.localdate()
    first_sick_day = today - timedelta(days=2)

    mark = logged_in_page(browser, base, "mark@it.test", PASSWORD)
    mark.goto(f"{base}/zaken/nieuw/")
    mark.get_by_label("E-mailadres van de wederpartij").fill("manager@it.test")
    mark.get_by_label("Wat is er aan de hand?").fill("Sinds de reorganisatie word ik buitengesloten.")
    submit(mark, "Signaal vastleggen")
    case_id = int(mark.url.rstrip("/").split("/")[-1])

    hr = logged_in_page(browser, base, "hr@it.test", PASSWORD)
    hr.goto(f"{base}/zaken/{case_id}/intake/")
    hr.get_by_label("Partijen").select_option("INDIVIDUAL_INDIVIDUAL")
    hr.get_by_label("Arbeidsverhoudingen").check()
    hr.get_by_label("Escalatiefase (Glasl 1–9)").select_option("5")
    submit(hr, "Intake afronden")
    hr.goto(f"{base}/zaken/{case_id}/")
    hr.get_by_label("E-mailadres van de persoon").fill("ba@it.test")
    hr.get_by_label("Rol in de zaak").select_option("BA")
    submit(hr, "Rol geven")
    hr.goto(f"{base}/ziekmelding/{case_id}/melding/")
    hr.get_by_label("Eerste ziektedag").fill(first_sick_day.isoformat())
    hr.get_by_label("Lopend werk").fill("hartkloppingen, slaapproblemen")
    hr.get_by_role("button").filter(has_text="opslaan").first.click()
    hr.wait_for_load_state()
    refused = hr.locator("main").inner_text()
    assert "R-131" in refused and "hartkloppingen" in refused
    assert hr.get_by_label("Lopend werk").input_value() == "hartkloppingen, slaapproblemen"
    assert hr.get_by_label("Eerste ziektedag").input_value() == first_sick_day.isoformat()
    hr.get_by_label("Lopend werk").fill("de migratie van het netwerk")
    hr.get_by_label("Gemeld bij de arbodienst of bedrijfsarts op").fill(first_sick_day.isoformat())
    hr.get_by_role("button").filter(has_text="opslaan").first.click()
    hr.wait_for_load_state()

    ba = logged_in_page(browser, base, "ba@it.test", PASSWORD)
    ba.goto(f"{base}/ziekmelding/{case_id}/spreekuur/")
    ba.get_by_label("Datum van het spreekuur").fill(today.isoformat())
    ba.locator("main form button[type=submit]").click()
    ba.wait_for_load_state()
    ba.goto(f"{base}/ziekmelding/{case_id}/oordeel/")
    ba.check("input[name=value][value=AO]")
    ba.get_by_label("Mate van arbeidsongeschiktheid (%)").fill("100")
    ba.get_by_label("Mogelijkheden en aanpassingen").fill(
        "Over twee weken 2 uur per dag op een andere locatie"
    )
    ba.get_by_label("Datum van het oordeel").fill(today.isoformat())
    ba.locator("main form button[type=submit]").click()
    ba.wait_for_load_state()
    ba.goto(f"{base}/ziekmelding/{case_id}/conflict/")
    ba.check("input[name=conflict][value=true]")
    ba.get_by_label("Het conflict verlengt naar verwachting de arbeidsongeschiktheid").check()
    ba.fill("input[name=recorded_on]", today.isoformat())
    ba.locator("main form button[type=submit]").click()
    ba.wait_for_load_state()
    ba.goto(f"{base}/ziekmelding/{case_id}/")
    assert "Variant B" in ba.locator("main").inner_text()

    _fill_advice(
        ba, base, case_id, condition="CONFLICT_RESOLVED", content=("REINTEGRATION",),
        text="De re-integratie start pas na oplossing van het conflict.",
    )  # fmt: skip
    blocked = ba.locator("main").inner_text()
    assert "R-030" in blocked and "blokkeert, tenzij de bedrijfsarts motiveert" in blocked  # BLOCK* in words
    expect(ba.get_by_role("button", name="Verstuur naar werkgever én werknemer")).to_be_disabled()
    assert (
        ba.get_by_label("Toelichting").input_value()
        == "De re-integratie start pas na oplossing van het conflict."
    )

    _fill_advice(
        ba, base, case_id, condition="NONE", content=("REINTEGRATION", "GRADED_RETURN", "CONVERSATION"),
        text="Opbouw van het werk op een andere locatie, en een gesprek over het conflict met een derde.",
    )  # fmt: skip
    for box in ba.locator("input[name=acknowledge]").all():
        box.check()
    for reason in ba.locator("textarea[name^=justification_]").all():
        reason.fill("Beide kanten gehoord; het advies is met werkgever en werknemer besproken.")
    ba.check("#confirmed")  # sending is irreversible: confirmed first
    submit(ba, "Verstuur naar werkgever én werknemer")
    mark.goto(f"{base}/ziekmelding/{case_id}/")
    assert "Opbouw van het werk op een andere locatie" in mark.locator("main").inner_text()

    hr.goto(f"{base}/interventies/zaak/{case_id}/")
    interventions = hr.locator("main").inner_text()
    assert "I-4" in interventions and "I-5" in interventions
    ba.goto(f"{base}/zaken/{case_id}/")
    deadlines = ba.locator("section", has=ba.get_by_role("heading", name="Termijnen")).inner_text()
    assert "T-03" in deadlines and "Probleemanalyse" in deadlines
