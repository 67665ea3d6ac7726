"""D18 markers: a whistleblower report reaches its melder and the organisation's designated officers,
nobody else — not its content, and not that it exists (D18 in docs/rules.md, R-118, R-139).

Every role of organisation A and B opens every page and API response that could show it; the audit
log's data and the e-mails never carry it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.whistleblower import services
from werkvrede.whistleblower.models import WhistleReport
from werkvrede.whistleblower.tests.helpers import TODAY, named_report, officer

MARKERS = ("MARKER-D18-MELDER-7f2a", "MARKER-D18-DO-19ce")
READERS = {Role.EMPLOYEE, Role.WHISTLEBLOWER_OFFICER}


@pytest.fixture
def report(world: World, django_capture_on_commit_callbacks: Callable[..., Any]) -> WhistleReport:
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails are really sent
        report = named_report(world, text=MARKERS[0], concerned=(Role.LINE_MANAGER,))
        services.acknowledge(actor=officer(world), report=report, text=MARKERS[1], today=TODAY)
    return report


def paths(report: WhistleReport) -> list[str]:
    return [
        "/",
        "/zaken/",
        "/zaken/overzicht/",
        "/protocol/",
        "/audit/",
        "/toestemming/",
        "/mediation/",
        "/steun/",
        "/e-mail/mislukt/",
        "/account/mensen/",
        "/vertrouwenspersoon/",
        "/vertrouwenspersoon/mijn/",
        "/klokkenluiders/",
        "/klokkenluiders/mijn/",
        "/klokkenluiders/instellingen/",
        f"/klokkenluiders/melding/{report.pk}/",
        "/api/v1/me",
        "/api/v1/cases",
        "/api/v1/people",
    ]


def _seen(client: Client, report: WhistleReport) -> str:
    return "\n".join(client.get(path).content.decode() for path in paths(report))


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_d18_reaches_exactly_the_melder_and_the_officer(
    world: World, report: WhistleReport, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _seen(client_as(role), report)
    for marker in MARKERS:
        assert (marker in seen) == (role in READERS), (role, marker)
    # Existence: nobody else gets a link to the report.
    assert (f"/klokkenluiders/melding/{report.pk}/" in seen) == (role in READERS), role


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_another_organisation_sees_no_d18(
    world: World, report: WhistleReport, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _seen(client_as(role, "b"), report)
    assert not any(marker in seen for marker in MARKERS)
    assert f"/klokkenluiders/melding/{report.pk}/" not in seen


def test_no_marker_in_the_audit_log_or_an_email(world: World, report: WhistleReport) -> None:
    for event in AuditEvent.objects.all():
        assert not any(m in str(event.data) for m in MARKERS)
    assert mail.outbox, "the officer and the melder were told something waits"
    for message in mail.outbox:
        assert not any(m in f"{message.subject}\n{message.body}" for m in MARKERS)


def test_an_officer_who_is_concerned_never_sees_the_report(
    world: World, client_as: Callable[..., Client]
) -> None:
    # R-118, D18 fn 25 in docs/rules.md: the melder names the officer, who holds the role but is
    # excluded.
    report = named_report(world, text=MARKERS[0], concerned=(Role.WHISTLEBLOWER_OFFICER,))
    client = client_as(Role.WHISTLEBLOWER_OFFICER)
    assert client.get(f"/klokkenluiders/melding/{report.pk}/").status_code == 404
    inbox = client.get("/klokkenluiders/").content.decode()
    assert f"/klokkenluiders/melding/{report.pk}/" not in inbox
    assert MARKERS[0] not in inbox
    # Nor is the concerned officer mailed about it.
    do = world.a.users[Role.WHISTLEBLOWER_OFFICER]
    assert not [m for m in mail.outbox if do.email in m.to]
