"""A case saved with a date outside 1900-2199 (before such dates were refused) keeps its pages working:
where the guideline's advice would be, a finding says which stored value it cannot read (ADR 0063)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from conftest import World
from werkvrede.cases.deadlines import case_deadlines_refresh
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.core.roles import Role
from werkvrede.sickness.tests.helpers import conflict_case, consulted, report

ClientAs = Callable[..., Client]


@pytest.fixture
def legacy_case(world: World) -> Case:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    case_deadlines_refresh(case.pk, today=date(2025, 3, 20))
    Case.objects.filter(pk=case.pk).update(signalled_on=date(9999, 12, 31))
    return case


def test_the_interventions_page_and_api_answer_and_name_the_stored_value(
    legacy_case: Case, client_as: ClientAs
) -> None:
    client = client_as(Role.HR_ADVISER)
    page = client.get(f"/interventies/zaak/{legacy_case.pk}/")
    assert page.status_code == 200
    assert "conflict.signalled_on" in page.content.decode()
    api = client.get(f"/api/v1/cases/{legacy_case.pk}/interventions")
    assert api.status_code == 200
    assert api.json()["routes"] == []


def test_the_bedrijfsarts_sees_the_sick_report_with_the_finding(
    legacy_case: Case, client_as: ClientAs
) -> None:
    client = client_as(Role.OCCUPATIONAL_PHYSICIAN)
    page = client.get(f"/ziekmelding/{legacy_case.pk}/")
    assert page.status_code == 200
    assert "conflict.signalled_on" in page.content.decode()
    api = client.get(f"/api/v1/cases/{legacy_case.pk}/sick-report")
    assert api.status_code == 200
    assert [f["subject"] for f in api.json()["guideline_findings"]] == ["conflict.signalled_on"]


def test_refreshing_the_deadlines_keeps_the_ones_stored(legacy_case: Case) -> None:
    before = list(CaseDeadline.objects.filter(case=legacy_case).values_list("code", flat=True))
    assert before
    case_deadlines_refresh(legacy_case.pk, today=date(2025, 3, 21))
    assert list(CaseDeadline.objects.filter(case=legacy_case).values_list("code", flat=True)) == before
