"""A download asked for before the export is made, or after it expired, says so: the API answers 409
`not_possible` with the reason (a 404 would say the export the person just asked for does not exist),
the page sends the person back to "Mijn gegevens" with the same words (ADR 0170)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from conftest import World, logged_in
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.mydata.models import ExportRequest


def _api_urls(export_id: int) -> list[str]:
    return [f"/api/v1/me/export/{export_id}/json", f"/api/v1/me/export/{export_id}/pdf"]


def _page_urls(export_id: int) -> list[str]:
    return [
        reverse("mydata:download-json", args=[export_id]),
        reverse("mydata:download-pdf", args=[export_id]),
    ]


def test_a_download_before_the_export_is_made_is_refused_as_not_ready(world: World) -> None:
    client = logged_in(world.a.users[Role.EMPLOYEE])
    # Asked, but the task worker has not run (no on-commit callbacks executed).
    export_id = client.post("/api/v1/me/export").json()["id"]
    for url in _api_urls(export_id):
        response = client.get(url)
        assert response.status_code == 409, (url, response.content)
        body = response.json()
        assert body["detail"] == "not_possible"
        assert "nog gemaakt" in body["message"]
    for url in _page_urls(export_id):
        response = client.get(url, follow=True)
        assert response.redirect_chain == [(reverse("mydata:page"), 302)]
        assert "nog gemaakt" in response.content.decode()
    assert not AuditEvent.objects.filter(action="mydata.export.downloaded").exists()


def test_a_download_after_expiry_is_refused_as_expired_in_the_persons_language(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    client = logged_in(world.a.users[Role.EMPLOYEE])
    with django_capture_on_commit_callbacks(execute=True):
        export_id = client.post("/api/v1/me/export").json()["id"]
    ExportRequest.objects.filter(pk=export_id).update(expires_at=timezone.now() - timedelta(seconds=1))
    for url in _api_urls(export_id):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 409
        assert "expired" in response.json()["message"]
    response = client.get(_page_urls(export_id)[0], follow=True)
    assert "verlopen" in response.content.decode()
    # Someone else still learns nothing: not found.
    other = logged_in(world.a.users[Role.HR_ADVISER])
    assert all(other.get(url).status_code == 404 for url in _api_urls(export_id) + _page_urls(export_id))


def test_a_failed_export_says_to_ask_anew(world: World) -> None:
    client = logged_in(world.a.users[Role.EMPLOYEE])
    export_id = client.post("/api/v1/me/export").json()["id"]
    ExportRequest.objects.filter(pk=export_id).update(state="FAILED")
    response = client.get(_api_urls(export_id)[0])
    assert response.status_code == 409 and "mislukt" in response.json()["message"]
