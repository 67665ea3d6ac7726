"""The VP compiles the annual report in a real browser (D16, R-105): a category with one report shows
"< 3", and so does the cell that would give it away; the annual-report, trends and advice pages pass axe
and do not scroll sideways at 390px."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.people import log_in, organisation_with, submit
from werkvrede.accounts.models import User
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.confidential import annual_services, services
from werkvrede.confidential.models import AnnualReport, Report, ReportState
from werkvrede.core.roles import Role

PASSWORD = "browser-test-password"


@pytest.fixture
def organisation(transactional_db: None) -> Any:
    organisation, members = organisation_with(
        "Zorg BV",
        "zorg-bv",
        [
            ("vp", "Vera Vertrouwen", Role.CONFIDENTIAL_ADVISER),
            ("wn", "Willem Werknemer-Met-Een-Lange-Achternaam", Role.EMPLOYEE),
            ("lg", "Lotte Leiding", Role.LINE_MANAGER),
        ],
        PASSWORD,
    )
    adviser = actor_of(members["vp"].user, organisation.pk)
    melder = actor_of(members["wn"].user, organisation.pk)
    day = date(timezone.localdate().year - 1, 6, 2)
    for category in ("BULLYING", "BULLYING", "BULLYING", "BULLYING", "DISCRIMINATION"):
        report = services.report_write(
            actor=melder, message="Het gaat niet goed.", registration_consent=True, today=day
        )
        report = services.category_record(actor=adviser, report=report, category=category, today=day)
        report = services.route_record(actor=adviser, report=report, route="INFORMAL", today=day)
        report = services.aftercare_start(actor=adviser, report=report, today=day)
        services.report_close(actor=adviser, report=report, today=day)
    return organisation


def _fits(page: Any) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []


def test_the_vp_compiles_an_annual_report_with_a_small_category_suppressed(
    live_server: Any, page: Any, organisation: Any
) -> None:
    year = timezone.localdate().year - 1
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url
    log_in(page, base, "vp@zorg-bv.test", PASSWORD)
    page.goto(f"{base}/vertrouwenspersoon/jaarverslag/")
    _fits(page)
    page.get_by_role("link", name=f"Jaarverslag {year} samenstellen").click()
    expect(page).to_have_url(re.compile(r"/samenstellen/"))
    page.get_by_label("Aanbevelingen aan de organisatie").fill(
        "Bespreek met Willem Werknemer-Met-Een-Lange-Achternaam hoe het gaat."
    )
    submit(page, "Bekijken")
    # a name is refused, the text stays.
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("R-105").first).to_be_visible()
    assert "Willem" in page.get_by_label("Aanbevelingen aan de organisatie").input_value()
    _fits(page)
    page.get_by_label("Aanbevelingen aan de organisatie").fill("Meer voorlichting over pesten in de teams.")
    submit(page, "Bekijken")
    expect(page.get_by_role("button", name="Ja, samenstellen")).to_be_visible()
    assert not AnnualReport.objects.exists()
    _fits(page)
    submit(page, "Ja, samenstellen")
    expect(page).to_have_url(re.compile(r"/jaarverslag/\d+/$"))
    report = AnnualReport.objects.get()
    assert report.year == year
    table = page.get_by_role("table", name="Afgesloten meldingen per categorie")
    # Discrimination 1: suppressed; bullying 4, the smallest other cell, is its complementary cell.
    expect(table.get_by_role("row", name=re.compile(r"^Discriminatie"))).to_contain_text("< 3")
    expect(table.get_by_role("row", name=re.compile(r"^Pesten"))).to_contain_text("< 3")
    expect(table.get_by_role("row", name=re.compile(r"^Integriteit"))).to_contain_text("0")
    expect(
        page.get_by_role("table", name="Totalen").get_by_role(
            "row", name=re.compile(r"^Afgesloten meldingen")
        )
    ).to_contain_text("5")
    expect(page.get_by_text("5 dossiers kunnen nu worden vernietigd")).to_be_visible()
    _fits(page)

    page.get_by_role("link", name="Dossiers vernietigen").click()
    expect(page.get_by_role("button", name="Ja, vernietigen")).to_be_visible()
    _fits(page)
    submit(page, "Ja, vernietigen")
    expect(page.get_by_text("5 dossiers zijn vernietigd.")).to_be_visible()
    assert Report.objects.filter(state=ReportState.DOSSIER_DESTROYED).count() == 5
    expect(
        page.get_by_role("table", name="Afgesloten meldingen per categorie").get_by_role(
            "row", name=re.compile(r"^Discriminatie")
        )
    ).to_contain_text("< 3")

    page.goto(f"{base}/vertrouwenspersoon/trends/")
    expect(page.get_by_role("table", name="Meldingen per categorie per kwartaal")).to_be_visible()
    _fits(page)
    page.goto(f"{base}/vertrouwenspersoon/adviezen/")
    page.get_by_label("Advies aan het management").fill("Zet werkdruk op de agenda van het teamoverleg.")
    submit(page, "Advies opslaan")
    expect(page.get_by_text("Zet werkdruk op de agenda van het teamoverleg.")).to_be_visible()
    _fits(page)


def test_the_line_manager_reads_the_annual_report_and_the_advice(
    live_server: Any, page: Any, organisation: Any
) -> None:
    vp_user = User.objects.get(email="vp@zorg-bv.test")
    year = timezone.localdate().year - 1
    report = annual_services.annual_compile(
        actor=actor_of(vp_user, organisation.pk),
        year=year,
        recommendations="Meer voorlichting.",
        today=timezone.localdate(),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url
    log_in(page, base, "lg@zorg-bv.test", PASSWORD)
    page.goto(f"{base}/vertrouwenspersoon/jaarverslag/{report.pk}/")
    expect(page.get_by_text("Meer voorlichting.")).to_be_visible()
    assert page.get_by_role("link", name="Dossiers vernietigen").count() == 0
    _fits(page)
    page.goto(f"{base}/vertrouwenspersoon/adviezen/")
    assert page.get_by_label("Advies aan het management").count() == 0
    _fits(page)
