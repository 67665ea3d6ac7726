"""The rules of the channel: R-115 (procedure), R-116/T-20 and R-117/T-21 (due dates, late stays
late), each with a case that fires and a near miss; SM-8 steps through the guideline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conftest import World
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked
from werkvrede.core.roles import Role
from werkvrede.whistleblower import selectors, services
from werkvrede.whistleblower.models import ChannelSettings, WhistleReport, WhistleState
from werkvrede.whistleblower.tests.helpers import TODAY, named_report, officer, person


def _settings(world: World, workers: int | None, procedure: bool) -> None:
    ChannelSettings.objects.update_or_create(
        organisation=world.a.organisation,
        defaults={"workers": workers, "procedure_adopted": procedure, "updated_on": TODAY},
    )


@pytest.mark.parametrize(
    ("workers", "procedure", "fires"),
    [(50, False, True), (49, False, False), (50, True, False), (400, False, True), (None, False, False)],
)
def test_r115_fires_from_50_workers_without_a_procedure(
    world: World, workers: int | None, procedure: bool, fires: bool
) -> None:
    _settings(world, workers, procedure)
    assert selectors.procedure_findings(person(world, Role.ADMIN), today=TODAY) is fires


def test_r115_is_shown_to_the_beheerder_only(world: World, client_as: Callable[..., Client]) -> None:
    _settings(world, 60, False)
    assert "R-115" in client_as(Role.ADMIN).get("/").content.decode()
    assert "R-115" in client_as(Role.ADMIN).get("/klokkenluiders/instellingen/").content.decode()
    assert "R-115" not in client_as(Role.HR_ADVISER).get("/").content.decode()
    # The Beheerder records the procedure: R-115 is gone.
    response = client_as(Role.ADMIN).post(
        "/klokkenluiders/instellingen/", {"workers": "60", "procedure_adopted": "on"}
    )
    assert response.status_code == 302
    assert "R-115" not in client_as(Role.ADMIN).get("/").content.decode()


@pytest.mark.parametrize("role", [Role.HR_ADVISER, Role.WHISTLEBLOWER_OFFICER, Role.EMPLOYEE])
def test_only_the_beheerder_records_the_procedure(world: World, role: Role) -> None:
    with pytest.raises(AccessDenied):
        services.settings_save(actor=person(world, role), workers=60, procedure_adopted=True, today=TODAY)
    assert not ChannelSettings.objects.filter(organisation=world.a.organisation).exists()
    services.settings_save(actor=person(world, Role.ADMIN), workers=60, procedure_adopted=True, today=TODAY)
    assert ChannelSettings.objects.get(organisation=world.a.organisation).procedure_adopted is True


def _deadline(report: WhistleReport, code: str, today: date) -> selectors.DeadlineView:
    report.refresh_from_db()  # the services lock and save their own copy
    return next(d for d in selectors.deadlines_of(report, today=today) if d.code == code)


def test_t20_is_due_7_days_after_receipt(world: World) -> None:
    report = named_report(world, today=date(2026, 3, 2))
    assert _deadline(report, "T-20", date(2026, 3, 2)).due == date(2026, 3, 9)
    assert _deadline(report, "T-20", date(2026, 3, 6)).status == "OPEN"
    assert _deadline(report, "T-20", date(2026, 3, 7)).status == "DUE_SOON"
    assert _deadline(report, "T-20", date(2026, 3, 9)).status == "DUE_SOON"
    assert _deadline(report, "T-20", date(2026, 3, 10)).status == "OVERDUE"
    assert [d.code for d in selectors.deadlines_of(report, today=TODAY)] == ["T-20"]


def test_acknowledged_on_day_9_stays_acknowledged_late(
    world: World, client_as: Callable[..., Client]
) -> None:
    report = named_report(world, today=date(2026, 3, 2))
    services.acknowledge(actor=officer(world), report=report, text="Ontvangen.", today=date(2026, 3, 11))
    late = _deadline(report, "T-20", date(2026, 6, 1))
    assert (late.status, late.done_on) == ("DONE_LATE", date(2026, 3, 11))
    # Due Mon 9 March, done Wed 11 March: two working days late, under R-116 (ADR 0100).
    assert (late.late_working_days, late.rule) == (2, "R-116")
    page = client_as(Role.WHISTLEBLOWER_OFFICER).get(f"/klokkenluiders/melding/{report.pk}/").content.decode()
    assert "te laat bevestigd" in page
    assert "2 werkdagen te laat, R-116" in page
    # Near miss: on day 7 it is on time.
    other = named_report(world, today=date(2026, 3, 2))
    services.acknowledge(actor=officer(world), report=other, text="Ontvangen.", today=date(2026, 3, 9))
    assert _deadline(other, "T-20", date(2026, 6, 1)).status == "DONE"


def test_acknowledged_on_the_monday_after_a_saturday_due_date_is_on_time(world: World) -> None:
    report = named_report(world, today=date(2026, 3, 7))  # a Saturday: due Saturday 14 March
    services.acknowledge(actor=officer(world), report=report, text="Ontvangen.", today=date(2026, 3, 16))
    on_time = _deadline(report, "T-20", date(2026, 6, 1))
    assert (on_time.status, on_time.late_working_days) == ("DONE", None)
    later = named_report(world, today=date(2026, 3, 7))
    services.acknowledge(actor=officer(world), report=later, text="Ontvangen.", today=date(2026, 3, 17))
    assert _deadline(later, "T-20", date(2026, 6, 1)).late_working_days == 1


def test_t21_is_due_3_months_after_the_acknowledgement(world: World) -> None:
    report = named_report(world, today=date(2026, 3, 2))
    services.acknowledge(actor=officer(world), report=report, text="Ontvangen.", today=date(2026, 3, 5))
    t21 = _deadline(report, "T-21", date(2026, 3, 5))
    assert (t21.due, t21.status) == (date(2026, 6, 5), "OPEN")
    assert _deadline(report, "T-21", date(2026, 5, 22)).status == "DUE_SOON"
    assert _deadline(report, "T-21", date(2026, 5, 21)).status == "OPEN"
    assert _deadline(report, "T-21", date(2026, 6, 6)).status == "OVERDUE"
    do = officer(world)
    services.assess(actor=do, report=report, public_interest=True, today=date(2026, 3, 20))
    services.follow_up(actor=do, report=report, today=date(2026, 3, 21))
    services.feedback(actor=do, report=report, text="Onderzocht.", today=date(2026, 6, 10))
    assert _deadline(report, "T-21", date(2026, 7, 1)).status == "DONE_LATE"


def test_the_inbox_shows_overdue_first(world: World, client_as: Callable[..., Client]) -> None:
    late = named_report(world, today=TODAY - timedelta(days=10))
    fresh = named_report(world, today=TODAY)
    rows = selectors.inbox_for(officer(world), today=TODAY)
    assert [r.report.pk for r in rows][:1] == [late.pk]
    assert rows[0].attention == "OVERDUE"
    assert next(r for r in rows if r.report.pk == fresh.pk).attention == ""


def test_sm8_refuses_a_step_out_of_order(world: World) -> None:
    report = named_report(world)
    # The rule already refuses it; the guideline's SM-8 refuses it too, as a second line.
    with pytest.raises(Blocked):
        services._step(report, "feedback_given", TODAY)
    assert report.state == WhistleState.RECEIVED


def test_the_whole_walk_ends_closed(world: World) -> None:
    report = named_report(world)
    do = officer(world)
    services.acknowledge(actor=do, report=report, text="Ontvangen.", today=TODAY)
    services.assess(actor=do, report=report, public_interest=True, today=TODAY)
    services.follow_up(actor=do, report=report, today=TODAY)
    services.feedback(actor=do, report=report, text="Opgelost.", today=TODAY)
    report = services.close(actor=do, report=report, today=TODAY)
    assert (report.state, report.closed_on) == (WhistleState.CLOSED, TODAY)


def test_the_officers_start_page_signals_overdue(world: World, client_as: Callable[..., Client]) -> None:
    named_report(world, today=timezone.localdate() - timedelta(days=10))
    start = client_as(Role.WHISTLEBLOWER_OFFICER).get("/").content.decode()
    assert "1 termijn verlopen" in start
    assert "termijn verlopen" not in client_as(Role.HR_ADVISER).get("/").content.decode()


def test_feedback_on_a_report_that_is_no_misstand_is_the_officers_message(world: World) -> None:
    report = named_report(world, today=date(2026, 3, 2))
    do = officer(world)
    services.acknowledge(actor=do, report=report, text="Ontvangen.", today=date(2026, 3, 3))
    services.assess(actor=do, report=report, public_interest=False, today=date(2026, 3, 4))
    # Near miss: the melder's message does not count as feedback.
    services.message_write(
        actor=person(world, Role.EMPLOYEE), report=report, text="En nu?", today=date(2026, 3, 5)
    )
    assert _deadline(report, "T-21", date(2026, 3, 6)).status == "OPEN"
    services.message_write(actor=do, report=report, text="Geen misstand; zie de VP.", today=date(2026, 3, 6))
    assert _deadline(report, "T-21", date(2026, 3, 7)).status == "DONE"
