"""R-118: a purely personal conflict leaves the channel only with the melder's consent, to a new
conflict case or the VP, and carries nothing of the whistleblower report."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from conftest import World
from werkvrede.cases.models import Case, CaseNote
from werkvrede.confidential.models import Report as VPReport
from werkvrede.consent.models import Consent
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.whistleblower import services
from werkvrede.whistleblower.models import RouteTarget, WhistleReport, WhistleState
from werkvrede.whistleblower.tests.helpers import STORY, TODAY, person, report_at


def test_routing_without_consent_is_refused(world: World) -> None:
    report = report_at(world, "a", WhistleState.NOT_A_MISSTAND, route=RouteTarget.CASE)
    with pytest.raises(NotPossible):
        services._route(report, consent_id=None, today=TODAY)
    report.refresh_from_db()
    assert report.state == WhistleState.NOT_A_MISSTAND


def test_the_officer_cannot_route_in_the_melders_place(
    world: World, client_as: Callable[..., Client]
) -> None:
    report = report_at(world, "a", WhistleState.NOT_A_MISSTAND, route=RouteTarget.CASE)
    response = client_as(Role.WHISTLEBLOWER_OFFICER).post(
        f"/klokkenluiders/melding/{report.pk}/toestemming/", {"confirm": "on"}
    )
    assert response.status_code == 403
    assert Case.objects.filter(organisation=world.a.organisation).count() == 0


def test_with_consent_a_case_opens_that_carries_nothing_of_the_report(
    world: World, client_as: Callable[..., Client]
) -> None:
    report = report_at(world, "a", WhistleState.NOT_A_MISSTAND, route=RouteTarget.CASE)
    cases_before = Case.objects.count()
    client = client_as(Role.EMPLOYEE)
    # Near miss first: without ticking the confirmation nothing happens.
    assert client.post(f"/klokkenluiders/melding/{report.pk}/toestemming/", {}).status_code == 400
    assert Case.objects.count() == cases_before
    response = client.post(f"/klokkenluiders/melding/{report.pk}/toestemming/", {"confirm": "on"})
    assert response.status_code == 302
    report = WhistleReport.objects.get(pk=report.pk)
    assert report.state == WhistleState.ROUTED
    consent = Consent.objects.get(pk=report.route_consent_id or 0)
    assert consent.categories == ["D18"] and consent.data_subject_id == world.a.users[Role.EMPLOYEE].pk
    case = Case.objects.latest("pk")
    assert Case.objects.count() == cases_before + 1
    assert not CaseNote.objects.filter(case=case).exists()
    # The case page as HR sees it holds nothing of the report.
    page = client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/").content.decode()
    assert STORY not in page and "klokkenluider" not in page.casefold()


def test_with_consent_the_vp_gets_an_empty_report(world: World) -> None:
    report = report_at(world, "a", WhistleState.NOT_A_MISSTAND, route=RouteTarget.VP)
    services.route_consent(actor=person(world, Role.EMPLOYEE), report=report, today=TODAY)
    vp_report = VPReport.objects.get(organisation=world.a.organisation, channel="WHISTLEBLOWER")
    assert vp_report.melder_id == world.a.users[Role.EMPLOYEE].pk
    assert not vp_report.messages.exists()


def test_an_anonymous_melder_is_not_routed_to_a_case(world: World) -> None:
    report, _code = services.anonymous_report(
        organisation_id=world.a.organisation.pk, message=STORY, today=TODAY
    )
    do = person(world, Role.WHISTLEBLOWER_OFFICER)
    services.acknowledge(actor=do, report=report, text="Ontvangen.", today=TODAY)
    services.assess(actor=do, report=report, public_interest=False, today=TODAY)
    with pytest.raises(Invalid):
        services.route_propose(actor=do, report=report, target=RouteTarget.CASE, today=TODAY)
