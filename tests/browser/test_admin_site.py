"""The admin site (`/beheer/`: superusers only, read-only, the people and the audit log) works under
the Content-Security-Policy (ADR 0156): every page opens and the browser refuses no script or style
(the check in tests/browser/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.people import log_in
from werkvrede.accounts.models import User
from werkvrede.accounts.services import organisation_create
from werkvrede.audit.models import AuditEvent

PASSWORD = "browser-test-password"


@pytest.fixture
def operator(transactional_db: None) -> dict[str, Any]:
    organisation = organisation_create(name="Beheer BV", slug="beheer-bv")
    user = User.objects.create_superuser("operator@beheer.test", PASSWORD, full_name="Olga Operator")
    employee = User.objects.create_user("wn@beheer.test", PASSWORD, full_name="Wim Werknemer")
    return {"email": user.email, "organisation": organisation, "employee": employee}


def test_the_operator_walks_the_admin_site_without_a_refused_script_or_style(
    live_server: Any, page: Any, operator: dict[str, Any]
) -> None:
    base = live_server.url
    log_in(page, base, operator["email"], PASSWORD)
    pages = [
        "/beheer/",
        "/beheer/accounts/user/",
        "/beheer/accounts/user/?q=beheer",
        f"/beheer/accounts/user/{operator['employee'].pk}/change/",
        "/beheer/audit/auditevent/",
    ]
    event = AuditEvent.objects.order_by("pk").first()  # the organisation made above
    assert event is not None
    pages.append(f"/beheer/audit/auditevent/{event.pk}/change/")
    for path in pages:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("load")
