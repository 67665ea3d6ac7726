"""The bedrijfsarts' written feedback (D08, R-021): one document, identical for employer and employee,
downloadable (PDF and HTML, Dutch and English) by exactly those who may read the sent advice."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from pypdf import PdfReader

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.sickness.tests.access_matrix import SECTION
from werkvrede.sickness.tests.helpers import (
    conflict_case,
    consulted,
    finding,
    report,
    sent_advice,
    verdict,
)

ClientAs = Callable[..., Client]
MARKER = "MARKER-D08-terugkoppeling-7f3a"


@pytest.fixture
def advised(world: World) -> tuple[int, int]:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case)
    finding(world, case)
    advice = sent_advice(world, case, text=f"Opbouw in drie weken. {MARKER}")
    return case.pk, advice.pk


def urls(case_id: int, advice_id: int) -> dict[str, str]:
    base = f"/ziekmelding/{case_id}/advies/{advice_id}/terugkoppeling"
    return {
        "pdf": f"{base}.pdf",
        "html": f"{base}.html",
        "api": f"/api/v1/cases/{case_id}/advices/{advice_id}/feedback",
    }


def test_sending_an_advice_stores_one_final_feedback_document(advised: tuple[int, int]) -> None:
    _, advice_id = advised
    document = Document.objects.get(owner_kind="sickness.advice", owner_id=advice_id)
    assert document.kind == "BA_FEEDBACK"
    assert document.category == "D08"
    assert document.locked_at is not None  # sent, not agreed: there is nothing to sign
    assert document.content["text"].endswith(MARKER)
    # The BA's own handling of the guideline's warnings is not part of what is sent.
    assert "acknowledged" not in document.content
    assert "justifications" not in document.content
    assert "Beide partijen gehoord" not in str(document.content)


def test_employer_and_employee_download_the_same_bytes(
    world: World, client_as: ClientAs, advised: tuple[int, int]
) -> None:
    url = urls(*advised)["html"]
    for language in ("nl", "en"):
        bodies = {}
        for role in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER):
            client = client_as(role)
            client.cookies["werkvrede_language"] = language
            response = client.get(url)
            assert response.status_code == 200
            # Frozen in Dutch when it is stored; English is the labelled unsigned translation (ADR 0149).
            suffix = "" if language == "nl" else "-translation-not-signed"
            assert response["Content-Disposition"] == (
                f'attachment; filename="ba_feedback-v1-{language}{suffix}.html"'
            )
            assert response["Cache-Control"] == "no-store"
            bodies[role] = response.content
        assert len(set(bodies.values())) == 1, f"R-021: one document for everyone ({language})"
        html = next(iter(bodies.values())).decode()
        assert f'<html lang="{language}">' in html
        assert MARKER in html
        assert ("20 maart 2025" if language == "nl" else "20 March 2025") in html
    downloads = AuditEvent.objects.filter(action="documents.document.downloaded")
    assert downloads.count() == 8
    assert {e.user_id for e in downloads} == {
        world.a.users[r].pk for r in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER)
    }


def test_the_marker_is_in_the_pdf_for_d08_readers_only(
    world: World, client_as: ClientAs, advised: tuple[int, int]
) -> None:
    """D08 (docs/rules.md): WN, LG, HR, CM, TD read; BA writes; nobody else learns the advice exists."""
    url = urls(*advised)["pdf"]
    for role in Role:
        response = client_as(role).get(url)
        if role in SECTION:
            assert response.status_code == 200, role
            assert response["Content-Type"] == "application/pdf"
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
            assert MARKER in text, role
        else:
            assert response.status_code == 404, role
            assert MARKER.encode() not in response.content


def test_no_reader_outside_the_case_or_organisation(
    world: World, client_as: ClientAs, advised: tuple[int, int]
) -> None:
    for name, url in urls(*advised).items():
        for role in (Role.CONFIDENTIAL_ADVISER, Role.MEDIATOR, Role.COMPANY_SOCIAL_WORKER, Role.ADMIN):
            assert client_as(role).get(url).status_code == 404, (name, role)
        for role in (Role.HR_ADVISER, Role.EMPLOYEE, Role.OCCUPATIONAL_PHYSICIAN):
            assert client_as(role, "b").get(url).status_code == 404, (name, role)
    # An advice of another case is not reachable through this case's URL.
    other = conflict_case(world)
    _, advice_id = advised
    response = client_as(Role.HR_ADVISER).get(urls(other.pk, advice_id)["html"])
    assert response.status_code == 404


def test_the_api_gives_the_same_document(client_as: ClientAs, advised: tuple[int, int]) -> None:
    api = urls(*advised)["api"]
    html = client_as(Role.EMPLOYEE).get(urls(*advised)["html"]).content
    response = client_as(Role.HR_ADVISER).get(f"{api}?format=html", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert response.content == html
    assert client_as(Role.HR_ADVISER).get(f"{api}?format=doc").status_code == 422


def test_the_sickness_page_links_to_the_downloads(client_as: ClientAs, advised: tuple[int, int]) -> None:
    links = urls(*advised)
    for role in (Role.EMPLOYEE, Role.HR_ADVISER, Role.DELEGATED_PROFESSIONAL):
        page = client_as(role).get(f"/ziekmelding/{advised[0]}/").content.decode()
        assert f'href="{links["pdf"]}"' in page
        assert f'href="{links["html"]}"' in page


def test_a_tampered_feedback_document_is_not_handed_out(
    client_as: ClientAs, advised: tuple[int, int]
) -> None:
    document = Document.objects.get(owner_kind="sickness.advice", owner_id=advised[1])
    Document.objects.filter(pk=document.pk).update(content={**document.content, "text": "iets anders"})
    response = client_as(Role.EMPLOYEE).get(urls(*advised)["html"])
    assert response.status_code == 409
    assert f"document {document.pk}" in response.content.decode()
