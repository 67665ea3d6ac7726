""" "Mijn gegevens": per role, the export holds every marker of the person's own data and none that the
matrix hides from them; the JSON validates against the published schema (jsonschema-rs, in the dev
group through schemathesis), the PDF says the same (docs/adr/0170-my-data-export.md, 0171, 0172)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import jsonschema_rs
import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conftest import World, logged_in
from werkvrede.accounts.models import User
from werkvrede.audit.models import AuditEvent
from werkvrede.core.classification import subjects_query
from werkvrede.core.exports import export_sections
from werkvrede.core.roles import Role
from werkvrede.mydata.models import ExportRequest, ExportState
from werkvrede.mydata.rendering import schema
from werkvrede.mydata.services import exports_expire_due
from werkvrede.mydata.tests.helpers import MELDER_NAME, plant
from werkvrede.mydata.tests.test_export_registry import exported_models

# A clause of the mediation agreement the parties and the mediator signed: the signed text is in the
# export of the parties it is about, not of the mediator who signed it too (ADR 0198).
AGREEMENT_TEXT = "Schriftelijk, door alle partijen getekend"

ALL_MARKERS = (
    "MK-WN-PRIVATE",
    "MK-WN-SHARED",
    "MK-LG-PRIVATE",
    "MK-LG-SHARED",
    "MK-HR-HANDLERS",
    "MK-SICK-DURATION",
    "MK-D01-NOTE",
    "positie WN",
    "positie LG",
    "MK-MEDIATOR-NOTE",
    "MK-SUP-NOTE",
    "MK-WN-PREP",
    "MK-CONSENT-PURPOSE",
    "MK-VP-STORY",
    "MK-WB-STORY",
    MELDER_NAME,
    "MK-VERDICT-LIMITS",
    "MK-HOLD-REASON",
    "MK-CONTACT-VISITOR",
    AGREEMENT_TEXT,
    "MK-PA-POSSIBILITIES",
)

# role -> the markers of data that is theirs to receive; every other marker must be absent.
EXPECTED: dict[str, set[str]] = {
    # Own accounts, the other party's shared one; own sick report, D01 note, the BA's verdict (D04); own
    # intake and the signed mediation agreement; the preparation space of their supporter; own consent;
    # own whistleblower report. Never the legal hold's reason (ADR 0101) nor a visitor's contact request.
    "employee": {
        "MK-VERDICT-LIMITS",
        AGREEMENT_TEXT,
        "MK-WN-PRIVATE",
        "MK-WN-SHARED",
        "MK-LG-SHARED",
        "MK-SICK-DURATION",
        "MK-D01-NOTE",
        "positie WN",
        "MK-SUP-NOTE",
        "MK-WN-PREP",
        "MK-CONSENT-PURPOSE",
        "MK-WB-STORY",
    },
    # The other party (the accused of the VP report, concerned in the whistleblower report): own
    # accounts, the employee's shared one, own intake; never the melder's identity or story.
    "manager": {"MK-LG-PRIVATE", "MK-LG-SHARED", "MK-WN-SHARED", "positie LG", AGREEMENT_TEXT},
    "hr": {"MK-HR-HANDLERS"},
    "ba": set(),
    # The agreement they signed, without its text (the parties'); never the visitor's contact request.
    "mediator": set(),
    "vp": set(),
    # As supporter: what they wrote, not what the employee wrote there.
    "supporter": {"MK-SUP-NOTE"},
    "melder": {"MK-VP-STORY", MELDER_NAME},
}


# Rows the registry finds about the person that the matrix keeps from them in this role, with why; the
# test also fails when such a row is no longer found or is given after all (it must then leave here).
NOT_GIVEN: dict[str, dict[str, str]] = {
    # The hold on the case is seen by the employee it concerns and the handlers (cases.legal_hold.view).
    "manager": {"cases.legalhold": "ADR 0101: the other party does not see a legal hold"},
}


def _user(world: World, who: str, melder: User) -> User:
    roles = {
        "employee": Role.EMPLOYEE,
        "manager": Role.LINE_MANAGER,
        "hr": Role.HR_ADVISER,
        "ba": Role.OCCUPATIONAL_PHYSICIAN,
        "mediator": Role.MEDIATOR,
        "vp": Role.CONFIDENTIAL_ADVISER,
        "supporter": Role.SUPPORTER,
    }
    return melder if who == "melder" else world.a.users[roles[who]]


def _client(user: User) -> Client:
    return logged_in(user)


def _run(client: Client, capture: Any, language: str = "nl") -> dict[str, Any]:
    with capture(execute=True):
        response = client.post("/api/v1/me/export", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 202, response.content
    body: dict[str, Any] = client.get(f"/api/v1/me/export/{response.json()['id']}").json()
    assert body["state"] == "READY" and body["progress"] == 100, body
    return body


def _files(client: Client, body: dict[str, Any]) -> tuple[str, str]:
    raw = client.get(body["json_url"])
    assert raw.status_code == 200 and raw["Content-Type"] == "application/json"
    pdf = client.get(body["pdf_url"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    return raw.content.decode(), " ".join(text.split())


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_role_gets_its_own_data_and_nothing_the_matrix_hides(
    world: World, who: str, django_capture_on_commit_callbacks: Any
) -> None:
    planted = plant(world)
    user = _user(world, who, planted.melder)
    client = _client(user)
    raw, pdf_text = _files(client, _run(client, django_capture_on_commit_callbacks))
    data = json.loads(raw)
    jsonschema_rs.validator_for(schema(), validate_formats=True).validate(data)
    assert data["person"]["email"] == user.email
    for marker in ALL_MARKERS:
        expected = marker in EXPECTED[who]
        assert (marker in raw) is expected, f"{who}: {marker} {'missing' if expected else 'leaked'}"
        assert (marker in pdf_text) is expected, f"{who} PDF: {marker}"
    # The registry and the export agree on this person (ADR 0198): every model the registry exports
    # that holds rows about them is the source of records, each in the section that declares it.
    declared = {section.key: set(section.sources) for section in export_sections()}
    emitted = set()
    for section in data["sections"]:
        sources = {record["source"] for record in section["records"]}
        assert sources <= declared[section["key"]], (section["key"], sources - declared[section["key"]])
        emitted |= sources
    about = {
        label
        for label in exported_models()
        if apps.get_model(label)._default_manager.filter(subjects_query(label, user, exported=True)).exists()
    }
    missing = about - emitted - NOT_GIVEN.get(who, {}).keys()
    assert not missing, f"{who}: rows about them, in no record: {sorted(missing)}"
    for label in NOT_GIVEN.get(who, {}):
        assert label in about and label not in emitted, (who, label)
    # The PDF shows every record the JSON holds, new kinds included (one template for all).
    titles = {" ".join(r["title"].split()) for section in data["sections"] for r in section["records"]}
    assert not {t for t in titles if t not in pdf_text}, who
    # Reading one's own sealed data for the export is audited, on the right of access (AVG art. 15);
    # nothing is read about the melder for anyone else.
    reads = AuditEvent.objects.filter(action="audit.data.read", user_id=user.pk)
    if who == "employee":
        assert reads.filter(subject_id=user.pk, category="D01", legal_basis="right_of_access").exists()
    assert not reads.filter(subject_id=planted.melder.pk).exclude(user_id=planted.melder.pk).exists()
    # Every export says what the law keeps from the person.
    assert data["left_out"] and "Wat niet in dit overzicht staat" in pdf_text


def test_the_export_is_in_the_persons_language(world: World, django_capture_on_commit_callbacks: Any) -> None:
    client = _client(world.a.users[Role.EMPLOYEE])
    body = _run(client, django_capture_on_commit_callbacks, language="en")
    raw, pdf_text = _files(client, body)
    data = json.loads(raw)
    assert data["language"] == "en"
    assert "What is not in this overview" in pdf_text
    titles = {section["title"] for section in data["sections"]}
    assert "Organisations and roles" in titles


def test_request_and_download_are_audited_and_others_get_404(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    owner = world.a.users[Role.EMPLOYEE]
    client = _client(owner)
    body = _run(client, django_capture_on_commit_callbacks)
    export_id = body["id"]
    _files(client, body)
    events = AuditEvent.objects.filter(object_type="mydata.exportrequest", object_id=str(export_id))
    assert list(events.order_by("seq").values_list("action", "user_id", "data__format")) == [
        ("mydata.export.requested", owner.pk, None),
        ("mydata.export.downloaded", owner.pk, "json"),
        ("mydata.export.downloaded", owner.pk, "pdf"),
    ]
    for role in (Role.HR_ADVISER, Role.ADMIN, Role.LINE_MANAGER):
        other = _client(world.a.users[role])
        for url in (
            f"/api/v1/me/export/{export_id}",
            body["json_url"],
            body["pdf_url"],
            reverse("mydata:download-json", args=[export_id]),
            reverse("mydata:download-pdf", args=[export_id]),
        ):
            assert other.get(url).status_code == 404, (role, url)
    assert not AuditEvent.objects.filter(action="mydata.export.downloaded").exclude(user_id=owner.pk).exists()


def test_the_download_expires_after_seven_days(world: World, django_capture_on_commit_callbacks: Any) -> None:
    client = _client(world.a.users[Role.EMPLOYEE])
    body = _run(client, django_capture_on_commit_callbacks)
    export = ExportRequest.objects.get(pk=body["id"])
    assert export.expires_at == export.finished_at + timedelta(days=7)  # type: ignore[operator]
    # Six days on it still downloads; past seven it is "verlopen" and the files are gone.
    ExportRequest.objects.filter(pk=export.pk).update(
        finished_at=timezone.now() - timedelta(days=6), expires_at=timezone.now() + timedelta(days=1)
    )
    assert client.get(body["json_url"]).status_code == 200
    ExportRequest.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(body["json_url"]).status_code == 409  # expired, said so (test_download_states.py)
    assert client.get(f"/api/v1/me/export/{export.pk}").json()["state"] == "EXPIRED"
    page = client.get(reverse("mydata:page")).content.decode()
    assert 'data-state="EXPIRED"' in page and "verlopen" in page
    assert exports_expire_due() == 1
    export.refresh_from_db()
    assert export.state == ExportState.EXPIRED and export.json_name == "" and export.pdf_name == ""
    # A new one can be asked for.
    assert _run(client, django_capture_on_commit_callbacks)["id"] != export.pk


def test_the_page_asks_shows_progress_and_links(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(world.a.users[Role.EMPLOYEE])
    page = client.get(reverse("mydata:page")).content.decode()
    assert 'data-testid="no-exports"' in page
    assert reverse("mydata:page") in client.get(reverse("accounts:account")).content.decode()
    # Queued, not yet made (the worker has not run): progress shown, polling without inline script.
    response = client.post(reverse("mydata:request"), {"idempotency_key": "k1"})
    assert response.status_code == 302
    page = client.get(reverse("mydata:page")).content.decode()
    assert 'data-state="QUEUED"' in page and "<progress" in page and 'hx-trigger="every 3s"' in page
    assert "<script>" not in page
    # Asking again while one is being made gives the same one.
    client.post(reverse("mydata:request"), {"idempotency_key": "k2"})
    assert ExportRequest.objects.filter(user=world.a.users[Role.EMPLOYEE]).count() == 1
    ExportRequest.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mydata:request"), {"idempotency_key": "k3"})
    export = ExportRequest.objects.get()
    page = client.get(reverse("mydata:page")).content.decode()
    assert 'data-state="READY"' in page
    assert reverse("mydata:download-pdf", args=[export.pk]) in page
    assert reverse("mydata:download-json", args=[export.pk]) in page
    assert "hx-trigger" not in page


def test_the_schema_is_published(world: World, client_as: Callable[..., Client]) -> None:
    response = client_as(Role.EMPLOYEE).get(reverse("mydata:schema"))
    assert response.status_code == 200
    assert json.loads(response.content) == schema()
    jsonschema_rs.meta.validate(schema())
