"""Anonymous reports to the vertrouwenspersoon without logging in (SM-6, D15; docs/anonymous-reporting.md).

The public pages and the public API: the receipt code is shown once and opens the report; nothing
stores a name, an address, a browser or a time of day; wrong codes wait the same constant delay and
are rate limited; D15 reaches the receipt holder and the organisation's VP only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import time
from typing import Any

import pytest
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from conftest import World
from werkvrede.accounts.services import organisation_create
from werkvrede.audit.models import AuditEvent
from werkvrede.confidential import anonymous, services
from werkvrede.confidential.models import Channel, Report, ReportMessage, ReportState, Side
from werkvrede.confidential.tests.helpers import anonymous_report, named_report, vp
from werkvrede.core import policy
from werkvrede.core.roles import Role

CODE = re.compile(r"\b\d{4} \d{4} \d{4} \d{4}\b")
READ = "/melden/ontvangstcode/"
ADDRESS = "203.0.113.187"
AGENT = "Werkvrede-NoTrace-Agent/7.3 (marker 5e1f9a)"


@pytest.fixture(autouse=True)
def _fresh_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _form_url(world: World, tenant: str = "a") -> str:
    return f"/melden/{world.tenant(tenant).organisation.slug}/"


def _send(
    client: Client, world: World, message: str = "Mijn leidinggevende scheldt me uit.", **extra: Any
) -> Any:
    return client.post(_form_url(world), {"category": "BULLYING", "message": message}, **extra)


def _receipt(response: Any) -> str:
    match = CODE.search(response.content.decode())
    assert match is not None, "no receipt code on the page"
    return str(match.group(0))


def _open(client: Client, code: str, **extra: Any) -> Any:
    return client.post(READ, {"step": "open", "code": code}, **extra)


def _main(response: Any) -> str:
    text = str(response.content.decode())
    return text[text.index("<main") : text.index("</main>")]


def _no_session(response: Any) -> None:
    assert "sessionid" not in response.cookies
    assert set(response.cookies) <= {"csrftoken"}


# --- The pages ---------------------------------------------------------------------------------------


def test_the_form_explains_who_reads_what_is_kept_and_that_a_lost_code_is_lost(world: World) -> None:
    page = Client().get(_form_url(world))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Alleen de vertrouwenspersoon van Organisatie A leest je melding" in text
    assert "R-103" in text and "R-104" in text
    assert "geen IP-adres, geen browser en geen tijdstip" in text
    assert "Een verloren code kan niet worden hersteld" in text
    assert 'value="BULLYING"' in text  # the organisation's categories
    _no_session(page)


def test_the_pages_speak_english_to_whoever_chose_it(world: World) -> None:
    client = Client()
    client.cookies["werkvrede_language"] = "en"
    form = client.get(_form_url(world)).content.decode()
    assert "Report anonymously to the confidential adviser" in form
    assert "A lost code cannot be recovered" in form
    code = _receipt(_send(client, world))
    read = client.post(READ, {"step": "open", "code": code}).content.decode()
    assert "Your report" in read and "Send reply" in read


def test_an_unknown_organisation_and_one_without_a_vp_answer_alike(world: World) -> None:
    organisation_create(name="Zonder VP", slug="zonder-vp")
    unknown = Client().get("/melden/bestaat-niet/")
    without = Client().get("/melden/zonder-vp/")
    assert unknown.status_code == without.status_code == 404
    assert "Geen meldpunt" in unknown.content.decode()
    assert "Zonder VP" not in without.content.decode()
    assert _main(unknown) == _main(without)
    posted = Client().post("/melden/zonder-vp/", {"message": "Hallo"})
    assert posted.status_code == 404
    assert not Report.objects.exists()


def test_sending_shows_the_code_once_and_the_code_opens_the_report(world: World) -> None:
    client = Client()
    page = _send(client, world)
    assert page.status_code == 200
    _no_session(page)
    assert "no-store" in page["Cache-Control"]
    code = _receipt(page)
    text = page.content.decode()
    assert "Ik heb mijn code bewaard" in text and "Organisatie A" in text
    assert f"http://testserver{READ}" in text  # the printable receipt names where to read
    report = Report.objects.get()
    assert report.channel == Channel.ANONYMOUS and report.state == ReportState.INTAKE
    assert report.category == "BULLYING" and report.melder_id is None
    holder = services.receipt_holder(code)
    assert holder is not None and holder.report_id == report.pk
    # The code itself is in no row, no cookie, no session: only its digest.
    assert code not in _all_rows() and code.replace(" ", "") not in _all_rows()
    read = _open(Client(), code)
    assert read.status_code == 200
    assert "Mijn leidinggevende scheldt me uit." in read.content.decode()
    assert "Intake" in read.content.decode()  # the SM-6 state label
    _no_session(read)


def test_an_empty_or_oversized_message_is_refused_with_the_text_kept(world: World) -> None:
    empty = Client().post(_form_url(world), {"category": "BULLYING", "message": "  "})
    assert empty.status_code == 400
    assert "Nog niet opgeslagen" in empty.content.decode()
    long_text = "lang " * ((services.MESSAGE_MAX // 5) + 1)
    oversized = Client().post(_form_url(world), {"category": "BULLYING", "message": long_text})
    assert oversized.status_code == 400
    text = oversized.content.decode()
    assert "Maak het korter" in text
    assert long_text.strip() in text
    assert not Report.objects.exists()


def test_the_saved_box_must_be_ticked_and_then_leads_to_the_code_form(world: World) -> None:
    code = _receipt(_send(Client(), world))
    unticked = Client().post(READ, {"step": "saved", "receipt": code, "organisation": "Organisatie A"})
    assert unticked.status_code == 400
    assert "Bewaar eerst je code" in unticked.content.decode() and code in unticked.content.decode()
    ticked = Client().post(READ, {"step": "saved", "saved": "on", "receipt": code})
    assert ticked.status_code == 200
    assert "Goed bewaard" in ticked.content.decode()
    assert code not in ticked.content.decode()


def test_the_code_is_never_taken_from_a_url(world: World) -> None:
    _report, code = anonymous_report(world, text="Geheim via de URL")
    page = Client().get(READ, {"code": code})
    assert page.status_code == 200
    assert "Geheim via de URL" not in page.content.decode()


def test_a_wrong_code_gets_one_neutral_answer(world: World) -> None:
    _report, code = anonymous_report(world)
    wrong = "0000 0000 0000 0000" if code != "0000 0000 0000 0000" else "1111 1111 1111 1111"
    for attempt in (wrong, "12", "geen code"):
        page = _open(Client(), attempt)
        assert page.status_code == 400
        assert "Met deze code is geen melding te openen" in page.content.decode()
    assert "Vul je ontvangstcode in" in _open(Client(), "").content.decode()


def test_the_holder_replies_and_the_vp_reads_it_and_answers(
    world: World, client_as: Callable[..., Client]
) -> None:
    report, code = anonymous_report(world)
    reply = Client().post(READ, {"step": "reply", "code": code, "text": "Het gebeurde weer."})
    assert reply.status_code == 200
    assert "Je antwoord is verstuurd" in reply.content.decode()
    vp_page = client_as(Role.CONFIDENTIAL_ADVISER).get(f"/vertrouwenspersoon/melding/{report.pk}/")
    assert "Het gebeurde weer." in vp_page.content.decode()
    services.message_write(
        actor=vp(world), report=report, text="Zullen we bellen?", today=timezone.localdate()
    )
    read = _open(Client(), code).content.decode()
    assert "Zullen we bellen?" in read and "Het gebeurde weer." in read
    empty = Client().post(READ, {"step": "reply", "code": code, "text": ""})
    assert empty.status_code == 400
    assert "Nog niet opgeslagen" in empty.content.decode()
    assert ReportMessage.objects.filter(report=report, side=Side.MELDER).count() == 2


def test_right_and_wrong_codes_wait_the_same_constant_delay(
    world: World, settings: Any, monkeypatch: Any
) -> None:
    settings.WERKVREDE_RECEIPT_DELAY_SECONDS = 0.5
    slept: list[float] = []
    monkeypatch.setattr(anonymous, "sleep", slept.append)
    _report, code = anonymous_report(world)
    assert _open(Client(), code).status_code == 200
    assert _open(Client(), "9999 9999 9999 9999").status_code == 400
    assert Client().get("/api/v1/public/reports/mine").status_code == 401
    assert len(slept) == 3
    assert all(0.3 < s <= 0.5 for s in slept), slept


def test_wrong_codes_are_limited_per_client_and_in_total(world: World, settings: Any) -> None:
    settings.WERKVREDE_RECEIPT_FAILURES_PER_CLIENT_PER_HOUR = 2
    settings.WERKVREDE_RECEIPT_FAILURES_TOTAL_PER_HOUR = 3
    _report, code = anonymous_report(world)
    here = {"REMOTE_ADDR": "198.51.100.1"}
    for _ in range(2):
        assert _open(Client(), "1234", **here).status_code == 400
    limited = _open(Client(), code, **here)  # even the right code, once over the limit
    assert limited.status_code == 429
    assert "te veel onjuiste codes" in limited.content.decode()
    assert _open(Client(), code, REMOTE_ADDR="198.51.100.2").status_code == 200
    assert _open(Client(), "1234", REMOTE_ADDR="198.51.100.3").status_code == 400  # the third in total
    assert _open(Client(), code, REMOTE_ADDR="198.51.100.4").status_code == 429
    api = Client().get("/api/v1/public/reports/mine", HTTP_AUTHORIZATION=f"Receipt {code}")
    assert api.status_code == 429


def test_reports_are_limited_per_organisation(world: World, settings: Any) -> None:
    settings.WERKVREDE_ANONYMOUS_REPORTS_PER_ORGANISATION_PER_HOUR = 2
    for n in range(2):
        assert _send(Client(), world, REMOTE_ADDR=f"198.51.100.{n + 10}").status_code == 200
    limited = _send(Client(), world, "Nog een melding", REMOTE_ADDR="198.51.100.20")
    assert limited.status_code == 429
    assert "te veel meldingen" in limited.content.decode() and "Nog een melding" in limited.content.decode()
    assert Report.objects.count() == 2
    api = Client().post(
        f"/api/v1/public/{world.a.organisation.slug}/reports",
        {"message": "Via het intranet"},
        content_type="application/json",
    )
    assert api.status_code == 429


def test_reports_are_limited_per_client(world: World, settings: Any) -> None:
    settings.WERKVREDE_ANONYMOUS_REPORTS_PER_CLIENT_PER_HOUR = 1
    assert _send(Client(), world, REMOTE_ADDR=ADDRESS).status_code == 200
    assert _send(Client(), world, REMOTE_ADDR=ADDRESS).status_code == 429
    assert _send(Client(), world, REMOTE_ADDR="198.51.100.30").status_code == 200


# --- No trace ----------------------------------------------------------------------------------------


def _all_rows() -> str:
    """Every field value of every row of every model, as text."""
    parts: list[str] = []
    for model in apps.get_models():
        fields = list(model._meta.concrete_fields)
        for row in model._default_manager.all().iterator():
            parts.extend(str(f.value_from_object(row)) for f in fields)
    return "\n".join(parts)


def test_no_address_browser_or_time_of_day_is_stored(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        page = _send(Client(), world, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    code = _receipt(page)
    with django_capture_on_commit_callbacks(execute=True):
        _open(Client(), code, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
        Client().post(
            READ,
            {"step": "reply", "code": code, "text": "Nog iets."},
            REMOTE_ADDR=ADDRESS,
            HTTP_USER_AGENT=AGENT,
        )
    replied = AuditEvent.objects.filter(action="confidential.message.written").get()
    assert replied.object_id == "" and replied.data == {"side": "MELDER"}
    everything = _all_rows()
    assert ADDRESS not in everything and AGENT not in everything and "5e1f9a" not in everything
    report = Report.objects.get()
    assert report.opened_on == timezone.localdate()
    midnight = time(0, 0)
    for message in ReportMessage.objects.filter(report=report).select_related("sealed"):
        assert timezone.localtime(message.sealed.created_at).time() == midnight
        assert timezone.localtime(message.sealed.sealed_at).time() == midnight
    # The submission's audit events name the organisation, never the report or its message.
    submitted = AuditEvent.objects.exclude(pk__in=before).filter(
        action__in=["confidential.report.received_anonymous", "vault.sealed.created"]
    )
    assert submitted.count() >= 2
    named = {str(report.pk)} | {str(m.sealed_id) for m in ReportMessage.objects.filter(report=report)}
    for event in submitted:
        assert event.object_id not in named or event.object_id == ""
        assert "report" not in str(event.data) and report.pk not in (event.data or {}).values()


def test_the_receipt_holder_opens_its_report_and_no_other_door(world: World) -> None:
    report, code = anonymous_report(world)
    other, _other_code = anonymous_report(world, text="Een andere melding")
    named = named_report(world)
    holder = services.receipt_holder(code)
    assert holder is not None
    own = {"confidential.report.view", "confidential.message.write", "confidential.message.read"}
    sealed = ReportMessage.objects.filter(report=report).first().sealed  # type: ignore[union-attr]
    admitted = set()
    for action in policy.declared_actions():
        for obj in (None, report, other, named, sealed, world.a.organisation):
            try:
                if policy.allowed(holder, action, obj):  # type: ignore[arg-type]
                    admitted.add((action, obj))
            except (AttributeError, TypeError, ValueError):
                continue  # a rule for another kind of object: it admits nothing either
    assert admitted == {(a, report) for a in own - {"confidential.message.read"}} | {
        ("confidential.message.read", sealed)
    }


# --- The public API ----------------------------------------------------------------------------------


def _api_send(world: World, body: dict[str, Any], tenant: str = "a") -> Any:
    slug = world.tenant(tenant).organisation.slug
    return Client().post(f"/api/v1/public/{slug}/reports", body, content_type="application/json")


def test_the_api_takes_a_report_and_answers_its_receipt(world: World) -> None:
    answer = _api_send(world, {"category": "DISCRIMINATION", "message": "Via het intranet."})
    assert answer.status_code == 201
    _no_session(answer)
    code = answer.json()["receipt"]
    assert CODE.fullmatch(code)
    report = Report.objects.get()
    assert report.category == "DISCRIMINATION" and report.is_anonymous
    mine = Client().get("/api/v1/public/reports/mine", HTTP_AUTHORIZATION=f"Receipt {code}")
    assert mine.status_code == 200
    body = mine.json()
    assert body["state"] == "INTAKE" and body["category"] == "DISCRIMINATION"
    assert body["messages"] == [
        {"side": "MELDER", "written_on": timezone.localdate().isoformat(), "text": "Via het intranet."}
    ]
    reply = Client().post(
        "/api/v1/public/reports/mine/messages",
        {"message": "Nog een aanvulling."},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Receipt {code.replace(' ', '')}",
    )
    assert reply.status_code == 201 and reply.json()["text"] == "Nog een aanvulling."
    assert ReportMessage.objects.filter(report=report).count() == 2


def test_the_api_refuses_what_does_not_fit(world: World) -> None:
    assert _api_send(world, {"message": ""}).status_code == 422
    assert _api_send(world, {"message": "x" * (services.MESSAGE_MAX + 1)}).status_code == 422
    wrong_category = _api_send(world, {"category": "NOT_OURS", "message": "Hallo"})
    assert wrong_category.status_code == 422
    assert wrong_category.json()["errors"][0]["path"] == "category"
    organisation_create(name="Zonder VP", slug="zonder-vp-api")
    unknown = Client().post(
        "/api/v1/public/nergens/reports", {"message": "Hallo"}, content_type="application/json"
    )
    without = Client().post(
        "/api/v1/public/zonder-vp-api/reports", {"message": "Hallo"}, content_type="application/json"
    )
    assert unknown.status_code == without.status_code == 404
    assert unknown.json() == without.json()
    assert not Report.objects.exists()


def test_the_api_answers_401_to_a_wrong_or_missing_code(world: World) -> None:
    report, code = anonymous_report(world)
    for header in (None, "Receipt 0000 0000 0000 0001", f"Bearer {code}", "Receipt"):
        extra: dict[str, Any] = {"HTTP_AUTHORIZATION": header} if header else {}
        assert Client().get("/api/v1/public/reports/mine", **extra).status_code == 401, header
        posted = Client().post(
            "/api/v1/public/reports/mine/messages", {"message": "x"}, content_type="application/json", **extra
        )
        assert posted.status_code == 401, header
    assert ReportMessage.objects.filter(report=report).count() == 1


def test_a_logged_in_session_opens_no_anonymous_report(
    world: World, client_as: Callable[..., Client]
) -> None:
    """The VP's own session is no receipt: the public read needs the code."""
    anonymous_report(world)
    assert client_as(Role.CONFIDENTIAL_ADVISER).get("/api/v1/public/reports/mine").status_code == 401


def test_the_openapi_document_describes_the_public_operations(
    world: World, client_as: Callable[..., Client]
) -> None:
    document = client_as(Role.EMPLOYEE).get("/api/v1/openapi.json").json()
    paths = document["paths"]
    send = paths["/api/v1/public/{slug}/reports"]["post"]
    mine = paths["/api/v1/public/reports/mine"]["get"]
    reply = paths["/api/v1/public/reports/mine/messages"]["post"]
    assert "security" not in send and send["summary"] and "receipt" in send["description"]
    for operation in (mine, reply):
        assert operation["security"] == [{"Receipt": []}]
        assert operation["summary"]
    scheme = document["components"]["securitySchemes"]["Receipt"]
    assert scheme == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": scheme["description"],
    }
    assert "Receipt 1234 5678 9012 3456" in scheme["description"]


# --- D15 markers -------------------------------------------------------------------------------------

MARKER = "MARKER-D15-ANON-3c7e"
VP_REPLY = "MARKER-D15-VP-REPLY-81d4"


@pytest.fixture
def marked(world: World, django_capture_on_commit_callbacks: Callable[..., Any]) -> tuple[Report, str]:
    with django_capture_on_commit_callbacks(execute=True):  # the VP's e-mails are really sent
        report, code = anonymous_report(world, text=f"Wat er gebeurde: {MARKER}")
        services.message_write(actor=vp(world), report=report, text=VP_REPLY, today=timezone.localdate())
    return report, code


def _paths(report: Report) -> list[str]:
    return [
        "/",
        "/vertrouwenspersoon/",
        "/vertrouwenspersoon/mijn/",
        f"/vertrouwenspersoon/melding/{report.pk}/",
        "/zaken/",
        "/audit/",
        "/api/v1/me",
        "/api/v1/cases",
        "/api/v1/public/reports/mine",
        READ,
    ]


def _seen(client: Client, report: Report) -> str:
    return "\n".join(client.get(path).content.decode() for path in _paths(report))


def test_the_marker_reaches_the_receipt_holder_and_the_vp(
    marked: tuple[Report, str], client_as: Callable[..., Client]
) -> None:
    report, code = marked
    assert MARKER in _open(Client(), code).content.decode()
    api = Client().get("/api/v1/public/reports/mine", HTTP_AUTHORIZATION=f"Receipt {code}").content.decode()
    assert MARKER in api and VP_REPLY in api
    assert MARKER in _seen(client_as(Role.CONFIDENTIAL_ADVISER), report)


@pytest.mark.parametrize(
    "role", [r for r in Role if r is not Role.CONFIDENTIAL_ADVISER], ids=lambda r: r.value
)
def test_no_other_role_of_the_organisation_sees_the_marker(
    marked: tuple[Report, str], client_as: Callable[..., Client], role: Role
) -> None:
    report, _code = marked
    seen = _seen(client_as(role), report)
    assert MARKER not in seen and VP_REPLY not in seen


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_no_role_of_another_organisation_sees_the_marker(
    marked: tuple[Report, str], client_as: Callable[..., Client], role: Role
) -> None:
    report, _code = marked
    seen = _seen(client_as(role, "b"), report)
    assert MARKER not in seen and VP_REPLY not in seen


def test_no_marker_in_the_e_mails_or_the_audit_log(marked: tuple[Report, str]) -> None:
    assert len(mail.outbox) >= 1
    mailed = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    logged = "\n".join(str(d) for d in AuditEvent.objects.values_list("data", flat=True))
    assert MARKER not in mailed and MARKER not in logged and VP_REPLY not in logged
    assert f"/vertrouwenspersoon/melding/{marked[0].pk}/" not in mailed  # the anonymous report is not named
