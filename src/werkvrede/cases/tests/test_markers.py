"""D05 markers: each account appears exactly where docs/rules.md and its author allow (Refs issue #4).

A unique marker is planted in an account of each visibility; every role of organisation A and B then
opens every case page and API response, and the markers must appear for exactly the expected roles.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services
from werkvrede.cases.models import Case, CaseNote
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role

MARKERS = {visibility: f"MARKER-D05-{visibility}-5e1f" for visibility in CaseNote.Visibility.values}
# The employee (author) and the line manager (the other party) take part; HR and CM see every case.
READERS = {
    "PRIVATE": {Role.EMPLOYEE},
    "HANDLERS": {Role.EMPLOYEE, Role.HR_ADVISER, Role.CASEMANAGER},
    "SHARED": {Role.EMPLOYEE, Role.HR_ADVISER, Role.CASEMANAGER, Role.LINE_MANAGER},
}


@pytest.fixture
def case(world: World) -> Case:
    case = signal(
        world.a.users[Role.EMPLOYEE], world.a.organisation.pk, other=world.a.memberships[Role.LINE_MANAGER]
    )
    author = actor_of(world.a.users[Role.EMPLOYEE], world.a.organisation.pk)
    for visibility, marker in MARKERS.items():
        services.note_add(actor=author, case_id=case.pk, text=marker, visibility=visibility)
    return case


def _everything_seen(client: Client, case: Case) -> str:
    paths = [
        "/",
        "/zaken/",
        f"/zaken/{case.pk}/",
        "/api/v1/cases",
        f"/api/v1/cases/{case.pk}",
        "/zaken/overzicht/",
    ]
    return "\n".join(client.get(path).content.decode() for path in paths)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_each_account_reaches_exactly_its_readers(
    world: World, case: Case, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _everything_seen(client_as(role), case)
    for visibility, marker in MARKERS.items():
        assert (marker in seen) == (role in READERS[visibility]), (role, visibility)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_another_organisation_sees_no_account(
    world: World, case: Case, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _everything_seen(client_as(role, "b"), case)
    assert not any(marker in seen for marker in MARKERS.values())


def test_no_account_text_reaches_the_audit_log_or_an_e_mail(case: Case) -> None:
    logged = "\n".join(str(d) for d in AuditEvent.objects.values_list("data", flat=True))
    mailed = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    assert not any(marker in logged or marker in mailed for marker in MARKERS.values())


def test_the_other_party_does_not_learn_that_a_sick_report_or_a_bedrijfsarts_exists(
    world: World, case: Case, client_as: Callable[..., Client]
) -> None:
    from werkvrede.cases.models import CaseDeadline, TimelineEvent

    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    services.participant_add(
        actor=hr,
        case_id=case.pk,
        membership_id=world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
    )
    TimelineEvent.objects.create(case=case, kind="sickness.reported", actor=world.a.users[Role.HR_ADVISER])
    TimelineEvent.objects.create(case=case, kind="unregistered.kind", actor=world.a.users[Role.HR_ADVISER])
    CaseDeadline.objects.create(
        case=case, organisation=case.organisation, code="T-03", category="D10", status="PENDING",
        due=case.signalled_on, owner_roles=",BA,", basis="R-150", guideline_version="test",
    )  # fmt: skip
    physician = str(world.a.users[Role.OCCUPATIONAL_PHYSICIAN].full_name)
    other_party = client_as(Role.LINE_MANAGER)
    for seen in (
        other_party.get(f"/zaken/{case.pk}/").content.decode(),
        other_party.get(f"/api/v1/cases/{case.pk}").content.decode(),
    ):
        assert "ziekmelding" not in seen.lower() and "sickness" not in seen
        assert physician not in seen
        assert "unregistered.kind" not in seen
        assert "T-03" not in seen
    hr_page = client_as(Role.HR_ADVISER).get(f"/zaken/{case.pk}/").content.decode()
    assert "ziekmelding" in hr_page.lower()
    assert physician in hr_page
    assert "T-03" in hr_page
