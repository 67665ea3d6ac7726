"""D17 markers: the preparation space reaches the supporter and the supported employee, nobody else.

Row D17 of the permission matrix (docs/rules.md): R for the supported party, RW for the supporter,
'—' for every other role, including the mediator (fn 24). Every role of organisation A and B opens
every page and API response that could show it; e-mails and the audit log never carry it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.roles import Role
from werkvrede.supporters import services
from werkvrede.supporters.models import SupporterGrant
from werkvrede.supporters.tests.helpers import grant_in

MARKERS = {
    "EXPECT": "MARKER-D17-EXPECT-71c2",
    "NOTES": "MARKER-D17-NOTES-0b9d",
    "OWN_POINTS": "MARKER-D17-OWN-a44e",
    "QUESTIONS": "MARKER-D17-QUESTIONS-5d10",
}
READERS = {Role.EMPLOYEE, Role.SUPPORTER}


@pytest.fixture
def grant(world: World, django_capture_on_commit_callbacks: Callable[..., Any]) -> SupporterGrant:
    with django_capture_on_commit_callbacks(execute=True):  # the invitation e-mail is really sent
        return _grant_with_notes(world)


def _grant_with_notes(world: World) -> SupporterGrant:
    """The employee's grant to the SUP user of organisation A, with a marker in every section."""
    grant = grant_in(world, "a")
    organisation_id = world.a.organisation.pk
    supporter = actor_of(world.a.users[Role.SUPPORTER], organisation_id)
    employee = actor_of(world.a.users[Role.EMPLOYEE], organisation_id)
    services.note_write(actor=supporter, grant=grant, section="EXPECT", text=MARKERS["EXPECT"])
    services.note_write(actor=supporter, grant=grant, section="NOTES", text=MARKERS["NOTES"])
    services.note_write(actor=employee, grant=grant, section="OWN_POINTS", text=MARKERS["OWN_POINTS"])
    services.note_write(actor=employee, grant=grant, section="QUESTIONS", text=MARKERS["QUESTIONS"])
    return grant


def PATHS(grant: SupporterGrant) -> list[str]:  # noqa: N802 - a table of pages, shared with tests/security
    return [
        "/",
        "/zaken/",
        f"/zaken/{grant.case_id}/",
        "/zaken/overzicht/",
        "/steun/",
        f"/steun/zaak/{grant.case_id}/",
        f"/steun/{grant.pk}/",
        f"/steun/{grant.pk}/intrekken/",
        "/api/v1/cases",
        f"/api/v1/cases/{grant.case_id}",
        "/api/v1/supporters/mine",
        f"/api/v1/supporters/{grant.pk}",
        "/audit/",
    ]


def _everything_seen(client: Client, grant: SupporterGrant) -> str:
    return "\n".join(client.get(path).content.decode() for path in PATHS(grant))


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_d17_reaches_exactly_the_supporter_and_the_supported_employee(
    world: World, grant: SupporterGrant, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _everything_seen(client_as(role), grant)
    for section, marker in MARKERS.items():
        assert (marker in seen) == (role in READERS), (role, section)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_another_organisation_sees_no_d17(
    world: World, grant: SupporterGrant, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _everything_seen(client_as(role, "b"), grant)
    assert not any(marker in seen for marker in MARKERS.values())


def test_a_revoked_supporter_no_longer_sees_d17(
    world: World, grant: SupporterGrant, client_as: Callable[..., Client]
) -> None:
    services.grant_revoke(actor=actor_of(world.a.users[Role.EMPLOYEE], world.a.organisation.pk), grant=grant)
    seen = _everything_seen(client_as(Role.SUPPORTER), grant)
    assert not any(marker in seen for marker in MARKERS.values())
    assert all(marker in _everything_seen(client_as(Role.EMPLOYEE), grant) for marker in MARKERS.values())


def test_no_d17_text_reaches_the_audit_log_or_an_e_mail(grant: SupporterGrant) -> None:
    assert len(mail.outbox) == 1
    logged = "\n".join(str(d) for d in AuditEvent.objects.values_list("data", flat=True))
    mailed = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    assert not any(marker in logged or marker in mailed for marker in MARKERS.values())


def test_the_mediator_of_the_supported_case_does_not_see_d17(
    world: World, grant: SupporterGrant, client_as: Callable[..., Client]
) -> None:
    """D17 fn 24 (docs/rules.md): not even the mediator, also when the supporter is admitted to it."""
    from werkvrede.mediation.tests.helpers import signed
    from werkvrede.supporters.tests.helpers import admit_supporter

    mediation = signed(world, case=grant.case)
    admit_supporter(world, grant, mediation.pk)
    paths = [f"/mediation/{mediation.pk}/", "/mediation/", f"/mediation/zaak/{grant.case_id}/"]
    for role in (Role.MEDIATOR, Role.LINE_MANAGER, Role.HR_ADVISER):
        client = client_as(role)
        seen = _everything_seen(client, grant) + "".join(client.get(p).content.decode() for p in paths)
        assert not any(marker in seen for marker in MARKERS.values()), role


# --- A grant on a mediation without a case (ADR 0040): the same D17 reach, the mediator included ---


@pytest.fixture
def mediation_grant(world: World) -> SupporterGrant:
    from werkvrede.supporters.tests.helpers import mediation_grant_in

    grant = mediation_grant_in(world, "a")
    organisation_id = world.a.organisation.pk
    supporter = actor_of(world.a.users[Role.SUPPORTER], organisation_id)
    employee = actor_of(world.a.users[Role.EMPLOYEE], organisation_id)
    services.note_write(actor=supporter, grant=grant, section="EXPECT", text=MARKERS["EXPECT"])
    services.note_write(actor=supporter, grant=grant, section="NOTES", text=MARKERS["NOTES"])
    services.note_write(actor=employee, grant=grant, section="OWN_POINTS", text=MARKERS["OWN_POINTS"])
    services.note_write(actor=employee, grant=grant, section="QUESTIONS", text=MARKERS["QUESTIONS"])
    return grant


def _mediation_paths(grant: SupporterGrant) -> list[str]:
    return [
        "/",
        "/steun/",
        f"/steun/mediation/{grant.mediation_id}/",
        f"/steun/{grant.pk}/",
        f"/steun/{grant.pk}/intrekken/",
        "/mediation/",
        f"/mediation/{grant.mediation_id}/",
        "/api/v1/supporters/mine",
        f"/api/v1/supporters/{grant.pk}",
        f"/api/v1/mediations/{grant.mediation_id}",
        "/audit/",
    ]


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_d17_of_a_mediation_grant_reaches_exactly_the_supporter_and_the_supported_party(
    world: World, mediation_grant: SupporterGrant, client_as: Callable[..., Client], role: Role
) -> None:
    """The other party (here the line manager) and the mediator of that mediation see none of it."""
    client = client_as(role)
    seen = "\n".join(client.get(path).content.decode() for path in _mediation_paths(mediation_grant))
    for section, marker in MARKERS.items():
        assert (marker in seen) == (role in READERS), (role, section)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_another_organisation_sees_no_d17_of_a_mediation_grant(
    world: World, mediation_grant: SupporterGrant, client_as: Callable[..., Client], role: Role
) -> None:
    client = client_as(role, "b")
    seen = "\n".join(client.get(path).content.decode() for path in _mediation_paths(mediation_grant))
    assert not any(marker in seen for marker in MARKERS.values())
