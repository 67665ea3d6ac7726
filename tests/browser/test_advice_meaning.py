"""The advice's meaning in a real browser (R-030, ADR 0111): the bedrijfsarts leaves every structured
condition at "none" but writes "Pas weer aan het werk als het conflict is opgelost." in the explanation.
The check refuses the advice, marks the sentence (a `<mark>` with text for screen readers) and keeps every
field as typed; there is no send button while the refusal stands."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.cases import services as case_services
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.sickness import services
from werkvrede.sickness.models import SentAdvice

PASSWORD = "meaning-browser-password"
FORBIDDEN = "Pas weer aan het werk als het conflict is opgelost."
DIRECTION = "Een gesprek met een mediator over de samenwerking."
CONTACT = "Piet de Vries"


@pytest.fixture
def variant_b_case(transactional_db: None) -> int:
    """A variant B case up to the advice, recorded through the services as the people would."""
    organisation, members = organisation_with(
        "Zorg BV",
        "zorg",
        [
            ("wn", "Wendy", Role.EMPLOYEE),
            ("hr", "Hanna HR", Role.HR_ADVISER),
            ("ba", "Eva Bedrijfsarts", Role.OCCUPATIONAL_PHYSICIAN),
        ],
        PASSWORD,
    )
    case = signal(members["wn"].user, organisation.pk)
    hr = actor_of(members["hr"].user, organisation.pk)
    ba = actor_of(members["ba"].user, organisation.pk)
    case_services.participant_add(actor=hr, case_id=case.pk, membership_id=members["ba"].pk, role="BA")
    today = timezone.localdate()
    services.report_save(
        actor=hr,
        case_id=case.pk,
        data=services.ReportInput(first_sick_day=today - timedelta(days=2), notified_to_ba_on=today),
        today=today,
        expected_version=0,
    )
    services.consult_record(actor=ba, case_id=case.pk, consult_on=today, note="", today=today)
    services.verdict_record(
        actor=ba,
        case_id=case.pk,
        data=services.VerdictInput(
            value="AO",
            degree_pct=100,
            expected_duration="",
            no_work_capacity=False,
            limitations="",
            possibilities="",
            recorded_on=today,
        ),
        today=today,
    )
    services.finding_record(actor=ba, case_id=case.pk, conflict=True, recorded_on=today, today=today)
    return case.pk


def test_the_forbidden_sentence_is_refused_marked_and_nothing_typed_is_lost(
    live_server: Any, browser: Any, variant_b_case: int
) -> None:
    base = live_server.url
    ba = logged_in_page(browser, base, "ba@zorg.test", PASSWORD)
    ba.goto(f"{base}/ziekmelding/{variant_b_case}/advies/")
    ba.get_by_label("Soort advies").select_option("REINTEGRATION")
    for item in ("REINTEGRATION", "GRADED_RETURN", "CONVERSATION"):
        ba.check(f"input[name=content][value={item}]")
    ba.get_by_label("Voorwaarde voor werkhervatting").select_option("NONE")
    ba.get_by_label("Voorwaarde voor re-integratie").select_option("NONE")
    ba.get_by_label("Interventieperiode: contactpersoon voor de afspraak").fill(CONTACT)
    ba.locator("textarea[name=solution_direction]").fill(DIRECTION)
    ba.get_by_label("Toelichting").fill(f"Opbouw in drie weken. {FORBIDDEN}")
    ba.check("input[name=employer_recipients][value=LG]")
    submit(ba, "Controleren")

    main = ba.locator("main")
    text = main.inner_text()
    assert "R-030" in text and "blokkeert, tenzij de bedrijfsarts motiveert" in text  # BLOCK* in words
    # The sentence is marked in a copy of the field, with words a screen reader reads out.
    mark = main.locator("mark")
    assert mark.count() == 1
    marked = mark.inner_text()
    assert FORBIDDEN.rstrip(".") in marked and "begin markering" in marked and "einde markering" in marked
    expect(mark).to_be_visible()
    # The error sits on the field and in the summary that links to it.
    assert "R-030" in main.locator(".wv-error-summary").inner_text()
    # Nothing typed is lost.
    assert ba.get_by_label("Toelichting").input_value() == f"Opbouw in drie weken. {FORBIDDEN}"
    assert ba.locator("textarea[name=solution_direction]").input_value() == DIRECTION
    assert ba.get_by_label("Interventieperiode: contactpersoon voor de afspraak").input_value() == CONTACT
    assert ba.get_by_label("Soort advies").input_value() == "REINTEGRATION"
    assert ba.get_by_label("Voorwaarde voor re-integratie").input_value() == "NONE"
    for item in ("REINTEGRATION", "GRADED_RETURN", "CONVERSATION"):
        expect(ba.locator(f"input[name=content][value={item}]")).to_be_checked()
    expect(ba.locator("input[name=employer_recipients][value=LG]")).to_be_checked()
    expect(ba.locator("input[name=employer_recipients][value=HR]")).to_be_checked()
    # No way to send it while the refusal stands.
    expect(ba.get_by_role("button", name="Verstuur naar werkgever én werknemer")).to_be_disabled()
    assert not SentAdvice.objects.exists()
    assert axe_violations(ba) == []

    # Rephrased without the condition, the sentence is no longer refused.
    ba.get_by_label("Toelichting").fill("Opbouw in drie weken; het gesprek over het conflict loopt parallel.")
    submit(ba, "Controleren")
    assert ba.locator("main mark").count() == 0
    assert "R-030" not in ba.locator("main").inner_text()
