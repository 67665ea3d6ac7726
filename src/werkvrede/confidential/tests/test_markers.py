"""D15 markers: a named report reaches its melder and the organisation's VP, nobody else — not its
content, and not that it exists (D15 in docs/rules.md; ADR 0074).

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
from werkvrede.confidential import services
from werkvrede.confidential.models import Report
from werkvrede.confidential.tests.helpers import TODAY, named_report, vp
from werkvrede.core.roles import Role

MARKERS = ("MARKER-D15-MELDER-3b8e", "MARKER-D15-VP-c41d")
READERS = {Role.EMPLOYEE, Role.CONFIDENTIAL_ADVISER}


@pytest.fixture
def report(world: World, django_capture_on_commit_callbacks: Callable[..., Any]) -> Report:
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails are really sent
        report = named_report(world, text=MARKERS[0])
        services.message_write(actor=vp(world), report=report, text=MARKERS[1], today=TODAY)
    return report


def paths(report: Report) -> list[str]:
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
        f"/vertrouwenspersoon/melding/{report.pk}/",
        "/api/v1/me",
        "/api/v1/cases",
        "/api/v1/people",
    ]


def _seen(client: Client, report: Report) -> str:
    return "\n".join(client.get(path).content.decode() for path in paths(report))


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_d15_reaches_exactly_the_melder_and_the_vp(
    world: World, report: Report, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _seen(client_as(role), report)
    for marker in MARKERS:
        assert (marker in seen) == (role in READERS), (role, marker)
    # Existence: nobody else gets a link to the report, or an audit line about it.
    assert (f"/vertrouwenspersoon/melding/{report.pk}/" in seen) == (role in READERS), role
    if role not in READERS:
        assert "confidential." not in seen, role


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_another_organisation_sees_no_d15(
    world: World, report: Report, client_as: Callable[..., Client], role: Role
) -> None:
    seen = _seen(client_as(role, "b"), report)
    assert not any(marker in seen for marker in MARKERS)
    assert f"/vertrouwenspersoon/melding/{report.pk}/" not in seen


def test_no_d15_text_reaches_the_audit_log_or_an_e_mail(report: Report) -> None:
    assert len(mail.outbox) == 2  # the VP about the report, the melder about the reply
    logged = "\n".join(str(d) for d in AuditEvent.objects.values_list("data", flat=True))
    mailed = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    assert not any(marker in logged or marker in mailed for marker in MARKERS)


def test_the_platform_admin_does_not_learn_of_the_report(
    world: World, report: Report, client: Client
) -> None:
    """D15 (ADR 0074): not in the Django admin's audit log either, while the chain keeps the events."""
    from conftest import logged_in
    from werkvrede.accounts.models import User

    superuser = User.objects.create_superuser(
        email="root@operator.test", full_name="Operator", password="x" * 16
    )
    logged_in(superuser, client)
    page = client.get("/beheer/audit/auditevent/?all=").content.decode()
    assert "audit" in page and "confidential." not in page
    assert client.get("/beheer/confidential/report/").status_code == 404
    assert AuditEvent.objects.filter(action__startswith="confidential.").exists()


def test_the_audit_log_still_shows_the_organisations_other_events(
    world: World, report: Report, client_as: Callable[..., Client]
) -> None:
    """Leaving out the VP's events (ADR 0074) must not leave out anything else."""
    shown = client_as(Role.ADMIN).get("/audit/?pagina=1").content.decode()
    assert "accounts.role.granted" in shown and "confidential." not in shown
    assert "vault.sealed.created" not in shown  # the only sealed rows here are the report's (D15)
