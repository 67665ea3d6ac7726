"""The live advice check in a real browser: while the bedrijfsarts writes, the guideline's findings
appear beside the form (an `aria-live` region, no "Controleren" click) and the send button is
disabled with the reason while a BLOCK stands, enabled again when it clears (R-030)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page
from tests.browser.test_advice_meaning import FORBIDDEN, PASSWORD, variant_b_case  # noqa: F401
from werkvrede.sickness.models import SentAdvice

SEND = "Verstuur naar werkgever én werknemer"


def test_findings_appear_while_typing_and_the_send_button_follows_the_block(
    live_server: Any,
    browser: Any,
    variant_b_case: int,  # noqa: F811
) -> None:
    base = live_server.url
    ba = logged_in_page(browser, base, "ba@zorg.test", PASSWORD)
    ba.goto(f"{base}/ziekmelding/{variant_b_case}/advies/")
    panel = ba.locator("#advies-controle")
    assert panel.get_attribute("aria-live") == "polite"
    send = ba.get_by_role("button", name=SEND)
    expect(send).to_be_disabled()  # not before the guideline has checked

    ba.get_by_label("Soort advies").select_option("REINTEGRATION")
    for item in ("REINTEGRATION", "GRADED_RETURN", "CONVERSATION"):
        ba.check(f"input[name=content][value={item}]")
    ba.get_by_label("Voorwaarde voor werkhervatting").select_option("NONE")
    ba.get_by_label("Voorwaarde voor re-integratie").select_option("NONE")
    ba.locator("textarea[name=solution_direction]").fill("Een gesprek met een mediator.")
    ba.check("input[name=employer_recipients][value=LG]")
    ba.get_by_label("Toelichting").fill(f"Opbouw in drie weken. {FORBIDDEN}")
    ba.get_by_label("Toelichting").blur()

    panel.get_by_text("blokkeert, tenzij de bedrijfsarts motiveert").first.wait_for()  # BLOCK* in words
    assert "R-030" in panel.inner_text()
    assert "een blokkade van de richtlijn" in ba.locator("#verstuur-reden").inner_text()
    send = ba.get_by_role("button", name=SEND)
    expect(send).to_be_disabled()
    assert send.get_attribute("aria-describedby") == "verstuur-reden"
    assert "Controle door de richtlijn" in panel.inner_text()
    assert ba.url.endswith("/advies/")  # nothing was submitted: the page never reloaded
    assert axe_violations(ba) == []

    ba.get_by_label("Toelichting").fill("Opbouw in drie weken; het gesprek over het conflict loopt parallel.")
    ba.get_by_label("Toelichting").blur()
    ba.wait_for_function(
        "() => { const b = document.querySelector('button[name=send][value=\"1\"]');"
        " return b && !b.disabled; }"
    )
    assert "blokkeert" not in panel.inner_text()
    expect(ba.get_by_role("button", name=SEND)).to_be_enabled()
    assert not SentAdvice.objects.exists()  # a check never sends
