"""The VP's annual report (D16): compiling (R-105, SM-6 row 10), reading it (VP, LG, HR only), its PDF,
and destroying the dossiers after it (R-107, R-145, SM-6 row 11); trends per quarter."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.confidential import annual, annual_services, services
from werkvrede.confidential.annual_views import annual_html
from werkvrede.confidential.models import AnnualReport, Report, ReportMessage, ReportState
from werkvrede.confidential.tests.annual_helpers import closed_report, compiled
from werkvrede.confidential.tests.helpers import person, vp
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.protocol.services import protocol_update
from werkvrede.vault.models import SealedContent

pytestmark = pytest.mark.django_db

MARKER = "Verhaal-ZX81-uniek"  # in a report's message: D15, never in the annual report
ADVICE_MARKER = "Aanbeveling-QW42-uniek"  # in the recommendations: D16, for VP, LG and HR of A


def _anonymous_closed(world: World, on: date, category: str = "BULLYING") -> tuple[Report, str]:
    report, receipt = services.anonymous_report(
        organisation_id=world.a.organisation.pk, category=category, message=f"{MARKER} anoniem", today=on
    )
    adviser = vp(world)
    report = services.category_record(actor=adviser, report=report, category=category, today=on)
    report = services.route_record(actor=adviser, report=report, route="INFORMAL", today=on)
    report = services.aftercare_start(actor=adviser, report=report, today=on)
    return services.report_close(actor=adviser, report=report, today=on), receipt


@pytest.fixture
def year_2025(world: World) -> dict[str, Any]:
    """2025: bullying 6 (one anonymous), discrimination 1 (formal complaint), integrity 4; one report
    still running; 2024: bullying 3; one report closed in 2026."""
    day = date(2025, 5, 12)
    for _ in range(5):
        closed_report(world, on=day, text=f"{MARKER} pesten")
    anonymous, receipt = _anonymous_closed(world, day)
    closed_report(
        world, on=day, category="DISCRIMINATION", route="FORMAL_COMPLAINT", melder=Role.LINE_MANAGER
    )
    for _ in range(4):
        closed_report(world, on=date(2025, 9, 1), category="INTEGRITY")
    running = services.report_write(
        actor=person(world, Role.CASEMANAGER), message=MARKER, registration_consent=True, today=day
    )
    for _ in range(3):
        closed_report(world, on=date(2024, 2, 2))
    later = closed_report(world, on=date(2026, 1, 5))
    return {"anonymous": anonymous, "receipt": receipt, "running": running, "later": later}


def _cells(table: dict[str, Any], dimension: str) -> dict[str, Any]:
    return {
        c["key"]: ("< min" if c["suppressed"] else c["count"])
        for c in table["dimensions"][dimension]["cells"]
    }


def test_compiling_stores_counts_with_suppression_and_the_year_before(
    world: World, year_2025: dict[str, Any]
) -> None:
    report = compiled(world, year=2025, recommendations="Meer voorlichting.")
    data = report.aggregates
    assert data["min_cell"] == 3 == report.min_cell
    now, before = data["current"], data["previous"]
    assert now["year"] == 2025 and before["year"] == 2024
    closed = now["closed"]
    assert closed["total"] == {"key": "total", "count": 11, "suppressed": False}
    category = _cells(closed, "category")
    # Discrimination 1 is small; integrity 4, the smallest other cell, hides it (complementary).
    assert category["BULLYING"] == 6 and category["DISCRIMINATION"] == "< min"
    assert category["INTEGRITY"] == "< min" and category["SEXUAL_HARASSMENT"] == 0
    assert _cells(closed, "channel") == {
        "NAMED": "< min",
        "ANONYMOUS": "< min",
        "CASE_CHOICE": 0,
        "MEDIATION_PAUSE": 0,
        "RECORDED": 0,
        "WHISTLEBLOWER": 0,
    }
    assert _cells(closed, "route")["REFERRED"] == 0
    assert _cells(closed, "route")["INFORMAL"] == "< min"
    # Opened in 2025: 11 closed and 1 still at intake.
    assert now["opened"]["total"]["count"] == 12
    assert _cells(now["opened"], "state")["INTAKE"] == "< min"
    # Every report written counted as a contact (SM-6 row 1).
    assert now["contacts"] == {"key": "contacts", "count": 12, "suppressed": False}
    # The year before: a cell equal to min_cell is shown.
    assert before["closed"]["total"]["count"] == 3
    assert _cells(before["closed"], "category")["BULLYING"] == 3
    # No number kept for a suppressed cell, and nothing but counts: no ids, names or dates.
    for table in (now["closed"], now["opened"]):
        for dimension in table["dimensions"].values():
            assert all(c["count"] is None for c in dimension["cells"] if c["suppressed"])
    text = json.dumps(data)
    for forbidden in (MARKER, world.a.users[Role.EMPLOYEE].full_name, "2025-", "melder", "concerns"):
        assert forbidden not in text
    assert set(json.loads(text)) == {"version", "min_cell", "current", "previous"}


def test_compiling_moves_the_years_closed_reports_to_the_annual_report(
    world: World, year_2025: dict[str, Any]
) -> None:
    report = compiled(world, year=2025)
    moved = Report.objects.filter(annual_report=report)
    assert moved.count() == 11
    assert set(moved.values_list("state", flat=True)) == {ReportState.IN_ANNUAL_REPORT}
    assert set(moved.values_list("in_annual_report_on", flat=True)) == {date(2026, 1, 15)}
    # Reports of other years and running ones stay as they are.
    year_2025["later"].refresh_from_db()
    year_2025["running"].refresh_from_db()
    assert year_2025["later"].state == ReportState.CLOSED and year_2025["later"].annual_report is None
    assert year_2025["running"].state == ReportState.INTAKE
    assert Report.objects.filter(closed_on__year=2024, state=ReportState.CLOSED).count() == 3
    event = AuditEvent.objects.get(action="confidential.annual_report.compiled")
    assert event.data == {"year": 2025, "reports": 11}


def test_a_year_not_over_or_compiled_already_is_refused(world: World, year_2025: dict[str, Any]) -> None:
    with pytest.raises(NotPossible, match="nog niet voorbij"):
        annual_services.annual_compile(
            actor=vp(world), year=2026, recommendations="", today=date(2026, 12, 1)
        )
    compiled(world, year=2025)
    with pytest.raises(NotPossible, match="al samengesteld"):
        compiled(world, year=2025)
    assert AnnualReport.objects.filter(organisation=world.a.organisation).count() == 1


@pytest.mark.parametrize(
    "mention",
    [
        lambda w: w.a.users[Role.EMPLOYEE].full_name,
        lambda w: w.a.users[Role.EMPLOYEE].full_name.upper(),
        lambda w: w.a.users[Role.LINE_MANAGER].email,
        lambda w: w.a.users[Role.HR_ADVISER].full_name,  # a member, not a melder: also refused
    ],
)
def test_recommendations_with_a_name_or_address_are_refused_naming_r105(
    world: World, year_2025: dict[str, Any], mention: Callable[[World], str]
) -> None:
    text = f"Let op de afdeling van {mention(world)}, daar speelt veel."
    with pytest.raises(Invalid) as refused:
        compiled(world, year=2025, recommendations=text)
    message = refused.value.errors["recommendations"][0]
    assert "R-105" in message and "Haal" in message
    assert not AnnualReport.objects.exists()
    assert not Report.objects.filter(state=ReportState.IN_ANNUAL_REPORT).exists()


def test_recommendations_without_names_pass_even_with_name_like_words(
    world: World, year_2025: dict[str, Any]
) -> None:
    # "Leidinggevende A" is a member's name; "leidinggevenden" and "werknemers" are not.
    text = "Leidinggevenden en werknemers vragen om een training; mail naar info@example.org."
    assert compiled(world, year=2025, recommendations=text).recommendations == text


def test_the_compile_page_refuses_a_name_and_keeps_the_typed_text(
    world: World, year_2025: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    text = f"Gesprek met {world.a.users[Role.EMPLOYEE].full_name} over de sfeer."
    response = client.post(reverse("confidential:annual-compile"), {"year": "2025", "recommendations": text})
    body = response.content.decode()
    assert response.status_code == 400
    assert "R-105" in body and text in body
    assert not AnnualReport.objects.exists()


def test_the_compile_page_confirms_before_storing(
    world: World, year_2025: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    url = reverse("confidential:annual-compile")
    assert "2025" in client.get(url).content.decode()
    response = client.post(url, {"year": "2025", "recommendations": ADVICE_MARKER})
    body = response.content.decode()
    assert response.status_code == 200 and "Ja, samenstellen" in body and "&lt; 3" in body
    assert "11 afgesloten meldingen" in body
    assert not AnnualReport.objects.exists()  # only shown
    back = client.post(url, {"year": "2025", "recommendations": ADVICE_MARKER, "edit": "yes"})
    assert ADVICE_MARKER in back.content.decode() and not AnnualReport.objects.exists()
    done = client.post(url, {"year": "2025", "recommendations": ADVICE_MARKER, "confirm": "yes"})
    stored = AnnualReport.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse(
        "confidential:annual-report", kwargs={"annual_report_id": stored.pk}
    )
    assert stored.recommendations == ADVICE_MARKER and stored.made_by_id == world.a.users[vp_role()].pk


def vp_role() -> Role:
    return Role.CONFIDENTIAL_ADVISER


READERS = {Role.CONFIDENTIAL_ADVISER, Role.LINE_MANAGER, Role.HR_ADVISER}


def test_the_recommendations_are_read_by_vp_lg_and_hr_of_the_organisation_only(
    world: World, year_2025: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    report = compiled(world, year=2025, recommendations=ADVICE_MARKER)
    detail = reverse("confidential:annual-report", kwargs={"annual_report_id": report.pk})
    pdf = reverse("confidential:annual-pdf", kwargs={"annual_report_id": report.pk})
    for tenant in ("a", "b"):
        for role in Role:
            client = client_as(role, tenant)
            response = client.get(detail)
            reads = tenant == "a" and role in READERS
            assert (ADVICE_MARKER in response.content.decode()) is reads, (tenant, role)
            assert response.status_code == (200 if reads else 404)
            listing = client.get(reverse("confidential:annual-list"))
            assert ADVICE_MARKER not in listing.content.decode()
            assert client.get(pdf).status_code == (200 if reads else 404)


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_html_and_pdf_show_small_cells_as_less_than_and_no_report_content(
    world: World, year_2025: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    report = compiled(world, year=2025, recommendations=ADVICE_MARKER)
    client = client_as(Role.LINE_MANAGER)
    page = client.get(reverse("confidential:annual-report", kwargs={"annual_report_id": report.pk}))
    html = page.content.decode()
    response = client.get(reverse("confidential:annual-pdf", kwargs={"annual_report_id": report.pk}))
    assert response["Content-Type"] == "application/pdf" and response["Cache-Control"] == "no-store"
    pdf = _pdf_text(response.content)
    for text in (html, pdf, annual_html(report, language="nl")):
        assert ADVICE_MARKER in text
        assert "< 3" in text or "&lt; 3" in text
        assert "Discriminatie" in text and "2024" in text
        for secret in (MARKER, world.a.users[Role.EMPLOYEE].full_name, world.a.users[Role.EMPLOYEE].email):
            assert secret not in text
    # Discrimination (1 in 2025, 0 in 2024) and its complementary cell, integrity (4), read "< 3".
    assert '<th scope="row">Discriminatie</th><td>&lt; 3</td><td>0</td>' in html
    assert '<th scope="row">Integriteit</th><td>&lt; 3</td><td>0</td>' in html
    assert '<th scope="row">Pesten</th><td>6</td><td>3</td>' in html
    assert "Discriminatie < 3 0" in pdf and "Pesten 6 3" in pdf
    # LG reads the aggregate but is not offered to destroy anything.
    assert "vernietigen" not in html.lower()
    event = AuditEvent.objects.get(action="confidential.annual_report.downloaded")
    assert (
        event.data == {"year": 2025, "language": "nl"}
        and event.user_id == world.a.users[Role.LINE_MANAGER].pk
    )


def test_the_pdf_follows_the_readers_language(
    world: World, year_2025: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    report = compiled(world, year=2025)
    client = client_as(Role.HR_ADVISER)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("confidential:annual-pdf", kwargs={"annual_report_id": report.pk}))
    text = _pdf_text(response.content)
    assert "annual report" in text.lower() and "Jaarverslag" not in text
    assert 'filename="jaarverslag-vp-2025-en.pdf"' in response["Content-Disposition"]


def test_destroying_leaves_only_the_aggregates(
    world: World, year_2025: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    report = compiled(world, year=2025, recommendations=ADVICE_MARKER)
    reports = list(Report.objects.filter(annual_report=report))
    sealed_ids = list(ReportMessage.objects.filter(report__in=reports).values_list("sealed_id", flat=True))
    assert len(sealed_ids) == 11
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    detail = reverse("confidential:annual-report", kwargs={"annual_report_id": report.pk})
    before = client.get(detail).content.decode()
    assert "11 dossiers kunnen nu worden vernietigd" in before
    destroy = reverse("confidential:annual-destroy", kwargs={"annual_report_id": report.pk})
    confirm = client.get(destroy)
    assert confirm.status_code == 200 and "Ja, vernietigen" in confirm.content.decode()
    assert not Report.objects.filter(state=ReportState.DOSSIER_DESTROYED).exists()  # only asked

    assert client.post(destroy).status_code == 302

    assert not SealedContent.objects.filter(pk__in=sealed_ids).exists()
    assert not ReportMessage.objects.filter(report__in=reports).exists()
    for row in Report.objects.filter(pk__in=[r.pk for r in reports]):
        assert row.state == ReportState.DOSSIER_DESTROYED and row.destroyed_on is not None
        assert row.melder_id is None and row.receipt_digest == "" and row.category == ""
        assert row.route == "" and row.concerns_ref == "" and row.closed_on is None
        assert row.intake_on is None and row.in_annual_report_on is None
        assert row.opened_on == row.last_activity_on == row.destroyed_on
    digest = services.receipt_digest(year_2025["receipt"])
    assert not Report.objects.filter(receipt_digest=digest).exists()
    assert services.receipt_holder(year_2025["receipt"]) is None
    # The annual report reads the same numbers; nothing is left to destroy.
    after = client.get(detail).content.decode()
    assert after.split('id="cijfers"')[1] == before.split('id="cijfers"')[1]
    assert "kunnen nu worden vernietigd" not in after
    event = AuditEvent.objects.get(action="confidential.dossiers.destroyed")
    assert event.data == {"count": 11}
    # The running report and the other years are untouched.
    assert ReportMessage.objects.filter(report=year_2025["running"]).exists()
    # A second time there is nothing to destroy.
    assert client.post(destroy).status_code == 409


def test_the_destroyed_dossier_is_gone_for_the_vp_and_the_melder(
    world: World, client_as: Callable[..., Client]
) -> None:
    dossier = closed_report(world, on=date(2025, 3, 3), text=MARKER)
    report = compiled(world, year=2025)
    annual_services.dossiers_destroy(actor=vp(world), annual_report=report, today=date(2026, 1, 20))
    for role in (Role.CONFIDENTIAL_ADVISER, Role.EMPLOYEE):
        client = client_as(role)
        assert client.get(reverse("confidential:report", kwargs={"report_id": dossier.pk})).status_code == 404
        assert MARKER not in client.get(reverse("confidential:inbox")).content.decode()
    assert MARKER not in annual_html(report, language="nl")


def test_trends_count_per_category_per_quarter_with_suppression(
    world: World, client_as: Callable[..., Client]
) -> None:
    today = timezone.localdate()
    for _ in range(4):
        closed_report(world, on=today)
    closed_report(world, on=today, category="DISCRIMINATION")
    tables = annual.trend_tables(world.a.organisation.pk, today, 3)
    assert len(tables) == 8
    (_quarter, table) = tables[-1]
    cells = {c.key: c for c in table.dimensions["category"].cells}
    assert table.total.count == 5
    assert cells["DISCRIMINATION"].suppressed and cells["BULLYING"].suppressed  # complementary
    assert cells["INTEGRITY"].count == 0
    assert all(t.total.count == 0 for _q, t in tables[:-1])
    for role, status in ((Role.CONFIDENTIAL_ADVISER, 200), (Role.MEDIATOR, 200), (Role.LINE_MANAGER, 404)):
        response = client_as(role).get(reverse("confidential:trends"))
        assert response.status_code == status
        if status == 200:
            assert "&lt; 3" in response.content.decode() and MARKER not in response.content.decode()


def test_the_start_page_leads_lg_hr_and_mediators_to_what_they_may_read(
    world: World, client_as: Callable[..., Client]
) -> None:
    annual_list, trends = reverse("confidential:annual-list"), reverse("confidential:trends")
    for role, sees_annual, sees_trends in (
        (Role.LINE_MANAGER, True, False),
        (Role.HR_ADVISER, True, False),
        (Role.MEDIATOR, False, True),
        (Role.EMPLOYEE, False, False),
        (Role.ADMIN, False, False),
    ):
        home = client_as(role).get(reverse("core:home")).content.decode()
        assert (f'href="{annual_list}"' in home) is sees_annual, role
        assert (f'href="{trends}"' in home) is sees_trends, role


def test_the_year_before_comes_from_its_own_annual_report_after_its_dossiers_are_gone(
    world: World, year_2025: dict[str, Any]
) -> None:
    earlier = compiled(world, year=2024)
    annual_services.dossiers_destroy(actor=vp(world), annual_report=earlier, today=date(2025, 1, 20))
    assert annual.year_counts(world.a.organisation.pk, 2024)["closed"]["category"][1] == ("BULLYING", 0)
    report = compiled(world, year=2025)
    assert report.aggregates["previous"] == earlier.aggregates["current"]
    assert report.aggregates["previous"]["closed"]["total"]["count"] == 3
    assert annual.min_cell_of(world.a.organisation.pk) == 3  # the guideline's default (R-105)


def test_the_vp_is_offered_the_years_that_are_over_and_not_compiled(
    world: World, year_2025: dict[str, Any]
) -> None:
    oid = world.a.organisation.pk
    assert annual_services.years_open(oid, date(2026, 2, 1)) == [2025, 2024]
    compiled(world, year=2024)
    assert annual_services.years_open(oid, date(2026, 2, 1)) == [2025]
    assert annual_services.years_open(oid, date(2027, 2, 1)) == [2026, 2025]


def test_the_organisation_sets_min_cell_in_its_protocol(world: World, year_2025: dict[str, Any]) -> None:
    """R-105: `vp.annual_report.min_cell` is a protocol parameter (default 3; at least 2, so that
    something is always suppressed)."""
    admin = person(world, Role.ADMIN)
    with pytest.raises(Invalid) as refused:
        protocol_update(actor=admin, values={"vp_min_cell": 1}, expected_version=0)
    assert "vp_min_cell" in refused.value.errors
    protocol_update(actor=admin, values={"vp_min_cell": 5}, expected_version=0)
    assert annual.min_cell_of(world.a.organisation.pk) == 5
    report = compiled(world, year=2025)
    assert report.min_cell == 5 and report.aggregates["min_cell"] == 5
