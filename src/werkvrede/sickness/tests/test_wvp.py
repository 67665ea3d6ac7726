"""The Poortwachter documents (D10, R-150…R-158 in docs/rules.md) through the API: drafted, signed,
frozen, read, rendered."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.deadlines import case_deadlines_refresh
from werkvrede.cases.models import Case, CaseDeadline, TimelineEvent
from werkvrede.cases.next_steps import CasePage
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.sickness.models import MedicalNote
from werkvrede.sickness.next_steps import wvp_signature_steps
from werkvrede.sickness.tests.helpers import conflict_case, consulted, finding, report, verdict
from werkvrede.sickness.tracker import sick_report_lines

ClientAs = Callable[..., Client]
BA, LG, HR, CM, WN, TD = (
    Role.OCCUPATIONAL_PHYSICIAN,
    Role.LINE_MANAGER,
    Role.HR_ADVISER,
    Role.CASEMANAGER,
    Role.EMPLOYEE,
    Role.DELEGATED_PROFESSIONAL,
)
MEDICAL = "Zzmarkermedischdeel"


@pytest.fixture
def case(world: World) -> Case:
    found = conflict_case(world)
    report(world, found)
    consulted(world, found)
    verdict(world, found, limitations="Niet tillen.")
    finding(world, found)
    return found


class Api:
    def __init__(self, world: World, client_as: ClientAs, case: Case) -> None:
        self.world, self.client_as, self.case = world, client_as, case

    def url(self, suffix: str = "") -> str:
        return f"/api/v1/cases/{self.case.pk}/wvp-documents{suffix}"

    def post(self, role: Role, body: dict[str, Any], suffix: str = "") -> Any:
        return self.client_as(role).post(self.url(suffix), json.dumps(body), content_type="application/json")

    def put(self, role: Role, document_id: int, body: dict[str, Any]) -> Any:
        return self.client_as(role).put(
            self.url(f"/{document_id}"), json.dumps(body), content_type="application/json"
        )

    def draft(self, role: Role, body: dict[str, Any]) -> dict[str, Any]:
        response = self.post(role, body)
        assert response.status_code == 201, response.content
        result: dict[str, Any] = response.json()
        return result

    def sign(self, role: Role, document_id: int, name: str | None = None) -> Any:
        typed = name if name is not None else self.world.a.users[role].full_name
        return self.post(role, {"typed_name": typed}, f"/{document_id}/sign")

    def kinds_seen(self, role: Role) -> list[str]:
        response = self.client_as(role).get(self.url())
        assert response.status_code == 200
        return [d["kind"] for d in response.json()]


@pytest.fixture
def api(world: World, client_as: ClientAs, case: Case) -> Api:
    return Api(world, client_as, case)


def test_the_probleemanalyse_is_prefilled_from_the_case(api: Api, world: World) -> None:
    case_deadlines_refresh(api.case.pk)
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Halve dagen."})
    content = pa["content"]
    assert content["employee"]["name"] == world.a.users[WN].full_name
    assert content["physician"]["name"] == world.a.users[BA].full_name
    assert content["first_sick_day"] == "2025-03-10"
    assert content["functional_limitations"] == "Niet tillen."
    assert content["case_reference"] == api.case.reference
    assert pa["timer"] == "T-03" and pa["due"] is not None
    assert [s["user_id"] for s in pa["signers"]] == [world.a.users[BA].pk]


def test_medical_terms_in_a_field_the_employer_reads_are_refused(api: Api) -> None:
    refused = api.post(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Na de depressie halve dagen."})
    assert refused.status_code == 422
    body = json.dumps(refused.json())
    # The BA writes for the employer: functional terms only, the word named.
    assert "possibilities" in body and "R-133" in body and "depressie" in body
    assert not Document.objects.filter(kind="PROBLEM_ANALYSIS").exists()
    # The employer's plan is scanned as well, under the employer's own rule.
    refused = api.post(CM, {"kind": "ACTION_PLAN", "goal": "Herstel van de burn-out."})
    assert refused.status_code == 422
    assert "R-131" in json.dumps(refused.json()) and "R-133" not in json.dumps(refused.json())
    # Near miss: plain words about work pass.
    assert (
        api.post(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Eigen werk, halve dagen."}).status_code
        == 201
    )


def test_the_medical_part_is_sealed_and_never_in_the_document(api: Api, client_as: ClientAs) -> None:
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS", "medical_part": f"Diagnose {MEDICAL}"})
    assert MEDICAL not in json.dumps(pa)
    note = MedicalNote.objects.get(sick_report__case=api.case)
    assert note.author_role == "BA" and note.sealed.compartment == "D01"
    assert api.sign(BA, pa["id"]).status_code == 200
    for role in (LG, HR, CM, WN, TD, BA):
        listing = client_as(role).get(api.url()).content.decode()
        pdf = client_as(role).get(api.url(f"/{pa['id']}/file?format=html")).content.decode()
        assert MEDICAL not in listing + pdf, role


def test_a_field_of_another_kind_is_refused_by_name(api: Api) -> None:
    refused = api.post(BA, {"kind": "PROBLEM_ANALYSIS", "goal": "Terug in eigen werk."})
    assert refused.status_code == 422 and "goal" in json.dumps(refused.json())
    # The medical part belongs to the probleemanalyse only.
    refused = api.post(CM, {"kind": "ACTION_PLAN", "medical_part": "x"})
    assert refused.status_code == 422


def test_who_drafts_what(api: Api) -> None:
    assert api.post(CM, {"kind": "PROBLEM_ANALYSIS"}).status_code == 403  # the BA writes the PA
    assert api.post(WN, {"kind": "ACTION_PLAN"}).status_code == 403  # the employee co-signs, drafts not
    assert api.post(BA, {"kind": "ACTION_PLAN"}).status_code == 403
    assert api.post(TD, {"kind": "PROBLEM_ANALYSIS"}).status_code == 403  # not the TD
    assert api.post(LG, {"kind": "ACTION_PLAN"}).status_code == 201
    assert api.post(HR, {"kind": "MEDIATION_AGREEMENT"}).status_code == 422


def test_a_draft_is_read_by_its_writers_and_signers_a_signed_one_by_every_d10_reader(api: Api) -> None:
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS"})
    for role in (LG, HR, CM, WN, TD):
        assert "PROBLEM_ANALYSIS" not in api.kinds_seen(role), role
        assert api.client_as(role).get(api.url(f"/{pa['id']}")).status_code == 404
    assert api.sign(BA, pa["id"]).status_code == 200
    for role in (LG, HR, CM, WN, TD, BA):
        assert api.kinds_seen(role) == ["PROBLEM_ANALYSIS"], role
    # The employee co-signs the plan: they read its draft; the BA does not.
    plan = api.draft(LG, {"kind": "ACTION_PLAN", "goal": "Terug in eigen werk."})
    assert "ACTION_PLAN" in api.kinds_seen(WN)
    assert "ACTION_PLAN" not in api.kinds_seen(BA)
    assert api.client_as(BA).get(api.url(f"/{plan['id']}")).status_code == 404


def test_the_plan_needs_both_signatures_and_only_then_completes_t04(api: Api, world: World) -> None:
    plan = api.draft(LG, {"kind": "ACTION_PLAN", "goal": "Terug in eigen werk."})
    assert {s["user_id"] for s in plan["signers"]} == {world.a.users[LG].pk, world.a.users[WN].pk}
    assert api.sign(HR, plan["id"]).status_code == 403  # HR reads the draft but is not a signer
    assert api.sign(LG, plan["id"], name="Iemand Anders").status_code == 409
    first = api.sign(LG, plan["id"]).json()
    assert first["status"] == "AWAITING_SIGNATURE" and first["locked_at"] is None
    assert api.sign(LG, plan["id"]).status_code == 409  # signed already
    case_deadlines_refresh(api.case.pk)
    # Half-signed: not done.
    assert CaseDeadline.objects.get(case=api.case, code="T-04").status not in ("DONE", "DONE_LATE")
    assert not TimelineEvent.objects.filter(case=api.case, kind="sickness.wvp_signed").exists()
    second = api.sign(WN, plan["id"]).json()
    assert second["status"] == "SIGNED" and second["locked_at"] is not None
    event = TimelineEvent.objects.get(case=api.case, kind="sickness.wvp_signed")
    assert event.data == {"document_kind": "ACTION_PLAN"} and event.actor_role == "WN"
    case_deadlines_refresh(api.case.pk)
    row = CaseDeadline.objects.get(case=api.case, code="T-04")
    # The sick report began in 2025, so the plan is signed long after week 8: done, and late (ADR 0100).
    assert row.status == "DONE_LATE" and row.done_on is not None and (row.late_working_days or 0) > 0
    stored = Document.objects.get(pk=plan["id"])
    assert stored.category == "D10" and stored.content_hash == second["content_hash"]


def test_a_change_to_a_draft_is_a_new_version_and_voids_the_signatures(api: Api) -> None:
    plan = api.draft(LG, {"kind": "ACTION_PLAN", "goal": "Terug in eigen werk."})
    api.sign(LG, plan["id"])
    changed = api.put(LG, plan["id"], {"activities": "Mediation."})
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert body["version"] == 2 and body["status"] == "DRAFT"
    assert body["content"]["goal"] == "Terug in eigen werk." and body["content"]["activities"] == "Mediation."
    assert api.sign(WN, plan["id"]).status_code == 409  # the old version is superseded
    # Only the newest draft changes: the superseded one is a stale version, answered with the newest.
    stale = api.put(LG, plan["id"], {"goal": "x"})
    assert stale.status_code == 409 and stale.json()["detail"] == "stale_version"
    assert stale.json()["version"] == 2 and stale.json()["current"]["document_id"] == body["id"]
    assert stale.json()["current"]["activities"] == "Mediation."


def test_a_signed_document_is_frozen_changes_go_in_a_bijstelling(api: Api) -> None:
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS"})
    api.sign(BA, pa["id"])
    assert api.put(BA, pa["id"], {"possibilities": "Meer."}).status_code == 409
    assert api.post(BA, {"kind": "PROBLEM_ANALYSIS"}).status_code == 409
    update = api.draft(BA, {"kind": "PROBLEM_ANALYSIS_UPDATE", "reason": "Meer mogelijkheden."})
    assert api.sign(BA, update["id"]).status_code == 200
    second = api.draft(BA, {"kind": "PROBLEM_ANALYSIS_UPDATE", "reason": "Weer meer."})
    api.sign(BA, second["id"])
    # Both signed bijstellingen stay listed.
    assert api.kinds_seen(WN).count("PROBLEM_ANALYSIS_UPDATE") == 2


def test_the_42nd_week_notice_holds_only_what_uwv_asks(api: Api) -> None:
    notice = api.draft(CM, {"kind": "UWV_SICKNESS_NOTICE", "work_accident": True})
    assert set(notice["content"]) == {
        "case_reference",
        "employee",
        "employer",
        "first_sick_day",
        "drafted_on",
        "expected_duration",
        "expected_return_on",
        "work_accident",
        "safety_net",
    }
    assert notice["content"]["work_accident"] is True
    assert api.post(CM, {"kind": "UWV_SICKNESS_NOTICE", "goal": "x"}).status_code == 422
    assert api.post(CM, {"kind": "UWV_SICKNESS_NOTICE", "expected_duration": "zwanger"}).status_code == 422


def test_the_employee_cosigns_the_final_evaluation_only_when_it_says_so(api: Api, world: World) -> None:
    alone = api.draft(LG, {"kind": "FINAL_EVALUATION", "summary": "Afgerond."})
    assert [s["user_id"] for s in alone["signers"]] == [world.a.users[LG].pk]
    both = api.put(LG, alone["id"], {"employee_cosigns": True}).json()
    assert [s["user_id"] for s in both["signers"]] == [world.a.users[LG].pk, world.a.users[WN].pk]


def test_t10_is_done_when_the_current_assessment_and_the_final_evaluation_are_signed(api: Api) -> None:
    assessment = api.draft(BA, {"kind": "CURRENT_ASSESSMENT", "prognosis": "Stabiel."})
    api.sign(BA, assessment["id"])
    case_deadlines_refresh(api.case.pk)
    assert CaseDeadline.objects.get(case=api.case, code="T-10").status != "DONE"
    evaluation = api.draft(LG, {"kind": "FINAL_EVALUATION", "summary": "Afgerond."})
    api.sign(LG, evaluation["id"])
    case_deadlines_refresh(api.case.pk)
    assert CaseDeadline.objects.get(case=api.case, code="T-10").status == "DONE"


def _pdf_text(content: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


def test_a_signed_document_renders_to_pdf_for_the_employee(api: Api) -> None:
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Zzmarkermogelijkheden"})
    api.sign(BA, pa["id"])
    response = api.client_as(WN).get(api.url(f"/{pa['id']}/file"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    _pages, text = _pdf_text(response.content)
    assert "Zzmarkermogelijkheden" in text and "Probleemanalyse" in text


def test_the_riv_is_one_pdf_of_the_signed_documents_and_completes_t09(api: Api) -> None:
    assert api.post(LG, {"kind": "REINTEGRATION_REPORT"}).status_code == 409  # nothing signed yet
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Zzmarkerpa"})
    api.sign(BA, pa["id"])
    plan = api.draft(LG, {"kind": "ACTION_PLAN", "goal": "Zzmarkerplan"})
    api.draft(LG, {"kind": "FIRST_YEAR_EVALUATION", "look_back": "Zzmarkerconcept"})  # a draft: left out
    api.sign(LG, plan["id"])
    api.sign(WN, plan["id"])
    riv = api.draft(LG, {"kind": "REINTEGRATION_REPORT"})
    assert riv["status"] == "SIGNED"  # compiled, not signed (ADR 0103)
    assert [d["kind"] for d in riv["content"]["documents"]] == ["PROBLEM_ANALYSIS", "ACTION_PLAN"]
    response = api.client_as(WN).get(api.url(f"/{riv['id']}/file"))
    assert response.status_code == 200
    pages, text = _pdf_text(response.content)
    assert pages >= 3
    assert "Zzmarkerpa" in text and "Zzmarkerplan" in text and "Zzmarkerconcept" not in text
    # The bundle was frozen when it was compiled: the download is its stored bytes (ADR 0149).
    from werkvrede.documents.storage import documents_storage

    frozen = Document.objects.get(pk=riv["id"])
    with documents_storage().open(frozen.pdf_name, "rb") as handle:
        assert response.content == handle.read()
    case_deadlines_refresh(api.case.pk)
    assert CaseDeadline.objects.get(case=api.case, code="T-09").status == "DONE"


def test_the_poortwachter_section_and_page(api: Api, client_as: ClientAs, world: World) -> None:
    section = client_as(WN).get(f"/ziekmelding/{api.case.pk}/").content.decode()
    assert "Poortwachter" in section and "Probleemanalyse" in section
    page = f"/ziekmelding/{api.case.pk}/poortwachter/PROBLEM_ANALYSIS/"
    ba = client_as(BA)
    refused = ba.post(page, {"action": "save", "doc-possibilities": "Na de depressie."})
    assert refused.status_code == 400 and "R-133" in refused.content.decode()
    assert "alleen functionele termen" in refused.content.decode()
    assert "Na de depressie." in refused.content.decode()  # nothing typed is lost
    saved = ba.post(
        page, {"action": "save", "doc-possibilities": "Halve dagen.", "doc-personal_contact": "on"}
    )
    assert saved.status_code == 302
    document = Document.objects.get(kind="PROBLEM_ANALYSIS")
    assert client_as(WN).get(page).status_code == 200
    assert "Halve dagen." not in client_as(WN).get(page).content.decode()  # a draft: not yet for the employee
    assert client_as(WN).post(page, {"action": "save"}).status_code == 403
    name = world.a.users[BA].full_name
    assert ba.post(page, {"action": "sign", "sign-typed_name": name}).status_code == 302
    document.refresh_from_db()
    assert document.locked_at is not None
    assert "Halve dagen." in client_as(WN).get(page).content.decode()
    assert client_as(WN).get(f"/ziekmelding/{api.case.pk}/poortwachter/ONBEKEND/").status_code == 404


def test_only_a_writer_of_the_kind_changes_a_draft(api: Api) -> None:
    plan = api.draft(LG, {"kind": "ACTION_PLAN", "goal": "Terug in eigen werk."})
    assert api.put(WN, plan["id"], {"goal": "Anders."}).status_code == 403  # a signer, not a writer
    assert api.put(BA, plan["id"], {"goal": "Anders."}).status_code == 404  # not theirs to read
    assert (
        api.put(HR, plan["id"], {"goal": "Anders."}).status_code == 200
    )  # HR writes D10 (fn 16 in docs/rules.md)


def test_a_download_is_audited_without_content(api: Api) -> None:
    pa = api.draft(BA, {"kind": "PROBLEM_ANALYSIS", "possibilities": "Zzmarkeraudit"})
    api.sign(BA, pa["id"])
    assert api.client_as(CM).get(api.url(f"/{pa['id']}/file?format=html")).status_code == 200
    event = AuditEvent.objects.filter(action="documents.document.downloaded").latest("pk")
    assert event.object_id == str(pa["id"]) and "Zzmarkeraudit" not in str(event.data)


def test_the_case_page_asks_the_signer_from_its_own_sick_reports_only(
    api: Api, world: World, django_assert_num_queries: Callable[..., Any]
) -> None:
    """ADR 0201: on a case page the Poortwachter drafts are looked up from that case's sick reports,
    which its tracker read; a case without one costs no query."""
    api.draft(LG, {"kind": "ACTION_PLAN", "goal": "Terug in eigen werk."})
    link = reverse("sickness:wvp", args=[api.case.pk, "ACTION_PLAN"])
    assert link in api.client_as(WN).get(f"/zaken/{api.case.pk}/").content.decode()
    assert link not in api.client_as(BA).get(f"/zaken/{api.case.pk}/").content.decode()  # not a signer
    t = world.a
    actor = actor_of(t.users[WN], t.organisation.pk)
    other = signal(t.users[WN], t.organisation.pk)
    access = case_get_for(actor, other.pk)
    assert sick_report_lines(access.case, actor) == []  # the tracker's read
    page = CasePage(access=access, deadlines=[])
    with django_assert_num_queries(0):
        assert wvp_signature_steps(actor, today=timezone.localdate(), case_id=other.pk, case_page=page) == []
