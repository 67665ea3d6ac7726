"""The public channel: /melden/<slug>/klokkenluider/, the receipt read page and the public API,
including the VP's operation with `"channel": "whistleblower"`. Tenant tests: a slug never reveals
another organisation's data; an organisation without an officer answers 404 like an unknown slug."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from conftest import World
from werkvrede.accounts.models import RoleGrant
from werkvrede.confidential.models import Report as VPReport
from werkvrede.core.roles import Role
from werkvrede.whistleblower.models import WhistleMessage, WhistleReport, WhistleState

MARKER = "MARKER-PUBLIC-D18-55aa"


@pytest.fixture(autouse=True)
def _fast(settings: Any) -> None:
    settings.WERKVREDE_RECEIPT_DELAY_SECONDS = 0


def _code(html: str) -> str:
    found = re.search(r"\d{4} \d{4} \d{4} \d{4}", html)
    assert found
    return found.group(0)


def test_anonymous_report_read_and_reply(world: World) -> None:
    client = Client()
    page = client.get("/melden/org-a/klokkenluider/")
    assert page.status_code == 200 and "Organisatie A" in page.content.decode()
    empty = client.post("/melden/org-a/klokkenluider/", {"message": ""})
    assert empty.status_code == 400 and "het veld is nog leeg" in empty.content.decode()
    sent = client.post("/melden/org-a/klokkenluider/", {"message": MARKER})
    assert sent.status_code == 200
    code = _code(sent.content.decode())
    report = WhistleReport.objects.get(organisation=world.a.organisation)
    assert (
        report.anonymous and report.melder_id is None and code.replace(" ", "") not in report.receipt_digest
    )
    read = client.post("/melden/klokkenluider/ontvangstcode/", {"code": code})
    assert read.status_code == 200 and MARKER in read.content.decode()
    reply = client.post(
        "/melden/klokkenluider/ontvangstcode/", {"code": code, "step": "reply", "text": "Nog iets."}
    )
    assert reply.status_code == 200
    assert WhistleMessage.objects.filter(report=report).count() == 2
    wrong = client.post("/melden/klokkenluider/ontvangstcode/", {"code": "0000 0000 0000 0000"})
    assert wrong.status_code == 400 and MARKER not in wrong.content.decode()


def test_a_vp_receipt_code_opens_no_whistleblower_report(world: World) -> None:
    client = Client()
    vp_code = _code(client.post("/melden/org-a/", {"message": "Pesten.", "category": ""}).content.decode())
    assert client.post("/melden/klokkenluider/ontvangstcode/", {"code": vp_code}).status_code == 400


def test_no_officer_answers_like_an_unknown_slug(world: World) -> None:
    RoleGrant.objects.filter(
        membership__organisation=world.b.organisation, role=Role.WHISTLEBLOWER_OFFICER
    ).delete()
    client = Client()
    unknown = client.get("/melden/bestaat-niet/klokkenluider/")
    without = client.get("/melden/org-b/klokkenluider/")
    assert unknown.status_code == without.status_code == 404
    for response in (unknown, without):
        html = response.content.decode()
        assert "Op dit adres is geen meldpunt klokkenluiders" in html and "Organisatie B" not in html
    api = client.post(
        "/api/v1/public/org-b/whistleblower-reports", {"message": "x"}, content_type="application/json"
    )
    assert api.status_code == 404


def test_a_slug_reveals_nothing_of_another_organisation(world: World) -> None:
    client = Client()
    code = _code(client.post("/melden/org-a/klokkenluider/", {"message": MARKER}).content.decode())
    page_b = client.get("/melden/org-b/klokkenluider/").content.decode()
    assert MARKER not in page_b and "Organisatie A" not in page_b
    # The code read through any page is the report of A only; B's page offers no other door.
    assert MARKER in client.post("/melden/klokkenluider/ontvangstcode/", {"code": code}).content.decode()
    assert WhistleReport.objects.filter(organisation=world.b.organisation).count() == 0


def test_the_public_api_and_the_vp_operation_with_a_channel(world: World) -> None:
    client = Client()
    own = client.post(
        "/api/v1/public/org-a/whistleblower-reports", {"message": MARKER}, content_type="application/json"
    )
    assert own.status_code == 201
    via_vp = client.post(
        "/api/v1/public/org-a/reports",
        {"message": MARKER, "channel": "whistleblower"},
        content_type="application/json",
    )
    assert via_vp.status_code == 201
    assert WhistleReport.objects.filter(organisation=world.a.organisation).count() == 2
    assert not VPReport.objects.filter(organisation=world.a.organisation).exists()
    code = via_vp.json()["receipt"]
    mine = client.get("/api/v1/public/whistleblower-reports/mine", HTTP_AUTHORIZATION=f"Receipt {code}")
    assert mine.status_code == 200
    body = mine.json()
    assert body["state"] == WhistleState.RECEIVED and body["messages"][0]["text"] == MARKER
    assert [d["code"] for d in body["deadlines"]] == ["T-20"]
    reply = client.post(
        "/api/v1/public/whistleblower-reports/mine/messages",
        {"message": "Aanvulling."},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Receipt {code}",
    )
    assert reply.status_code == 201
    # The VP's own read does not open it; the default channel still goes to the VP.
    assert client.get("/api/v1/public/reports/mine", HTTP_AUTHORIZATION=f"Receipt {code}").status_code == 401
    vp = client.post("/api/v1/public/org-a/reports", {"message": "Pesten."}, content_type="application/json")
    assert vp.status_code == 201 and VPReport.objects.filter(organisation=world.a.organisation).count() == 1
    bad = client.post(
        "/api/v1/public/org-a/reports", {"message": "x", "channel": "other"}, content_type="application/json"
    )
    assert bad.status_code == 422


def test_the_reporter_reads_that_the_acknowledgement_came_late(world: World) -> None:
    from datetime import date

    client = Client()
    made = client.post(
        "/api/v1/public/org-a/whistleblower-reports", {"message": MARKER}, content_type="application/json"
    )
    code = made.json()["receipt"]
    # Received Monday 2 March, acknowledged Wednesday 11 March: due 9 March, two working days late.
    WhistleReport.objects.filter(organisation=world.a.organisation).update(
        received_on=date(2026, 3, 2), acknowledged_on=date(2026, 3, 11), state=WhistleState.ACKNOWLEDGED
    )
    body = client.get(
        "/api/v1/public/whistleblower-reports/mine", HTTP_AUTHORIZATION=f"Receipt {code}"
    ).json()
    t20 = next(d for d in body["deadlines"] if d["code"] == "T-20")
    assert (t20["status"], t20["late_working_days"], t20["rule"]) == ("DONE_LATE", 2, "R-116")
