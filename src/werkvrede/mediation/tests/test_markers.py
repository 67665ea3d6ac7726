"""Marker tests for D11, D12, D13, D14 and D19 (docs/rules.md): plant unique text, look for it everywhere.

D11 content: MED RW · parties P (the employer's representative in this mediation only, fn 18) ·
admitted supporter/lawyer P fn 19 · everyone else —. Intakes are per party: the mediator and that party.
D12 agreement: MED, parties, admitted (R fn 19); referrer/CM/BA N. D13 outcome: MED, parties; a supporter
only with consent (C). D14: everyone related gets the status (started/ended with dates), the referrer
nothing more (R-084). D19: WN, the employer side (HR, LG in the case), CM; never the BA (R-097).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from pytest_django import DjangoDbBlocker

from conftest import World, module_transaction, shared_world
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseRole
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.mediation import services, termination
from werkvrede.mediation.models import ChecklistItem, Session
from werkvrede.mediation.tests.helpers import (
    FULL_AGREEMENT,
    TODAY,
    actor,
    add_case_role,
    employee_case,
    in_intake,
    party,
    sign,
)

INTAKE_WN = "MARKER-INTAKE-WN-D11"
INTAKE_LG = "MARKER-INTAKE-LG-D11"
NOTE = "MARKER-NOTE-D11"
AGREEMENT = "MARKER-FEES-D12"
OUTCOME = "MARKER-OUTCOME-D13"
TERMINATION = "MARKER-REASON-D19"
ALL = {INTAKE_WN, INTAKE_LG, NOTE, AGREEMENT, OUTCOME, TERMINATION}


def _dossier(world: World, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    case = employee_case(world)
    add_case_role(world, case, Role.OCCUPATIONAL_PHYSICIAN, CaseRole.OCCUPATIONAL_PHYSICIAN)
    add_case_role(world, case, Role.DELEGATED_PROFESSIONAL, CaseRole.DELEGATED_PROFESSIONAL)
    mediation = in_intake(world, case=case)
    med = actor(world, Role.MEDIATOR)
    from werkvrede.mediation.models import IntakeRecord

    # Replace the helper's plain intakes by marked ones.
    IntakeRecord.objects.filter(mediation=mediation).delete()
    for role, marker in ((Role.EMPLOYEE, INTAKE_WN), (Role.LINE_MANAGER, INTAKE_LG)):
        services.intake_record(
            actor=med,
            mediation_id=mediation.pk,
            data=services.IntakeInput(party(mediation, world, role).pk, TODAY, marker, "belang", "oorzaak"),
            today=TODAY,
        )
    data = services.AgreementInput(**{**FULL_AGREEMENT.__dict__, "fees": AGREEMENT})
    agreement = services.agreement_draft(actor=med, mediation_id=mediation.pk, data=data, today=TODAY)
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.MEDIATOR):
        sign(world, mediation, agreement, role)
    services.track_set(actor=med, mediation_id=mediation.pk, track="RESTORATION", today=TODAY)
    # The BMW is admitted as the employee's supporter: both parties consent, the NDA is signed.
    bmw = world.a.users[Role.COMPANY_SOCIAL_WORKER]
    admission = services.admission_request(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk, user_id=bmw.pk, kind="SUPPORTER",
        for_party_id=None, today=TODAY,
    )  # fmt: skip
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        services.admission_consent(
            actor=actor(world, role), mediation_id=mediation.pk, admission_id=admission.pk, today=TODAY
        )
    nda = Document.objects.get(owner_kind="mediation.admission", owner_id=admission.pk)
    sign(world, mediation, nda, Role.COMPANY_SOCIAL_WORKER)
    from datetime import datetime

    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True):
        session = services.session_plan(
            actor=med,
            mediation_id=mediation.pk,
            data=services.SessionInput(
                timezone.make_aware(datetime(2025, 3, 17, 10)),  # noqa: DTZ001
                60,
                [world.a.users[Role.EMPLOYEE].pk, world.a.users[Role.LINE_MANAGER].pk, bmw.pk],
            ),
            today=TODAY,
        )
    services.session_note_add(
        actor=med, mediation_id=mediation.pk, session_id=session.pk, text=NOTE, today=TODAY
    )
    outcome = services.outcome_draft(
        actor=med,
        mediation_id=mediation.pk,
        data=services.OutcomeInput(kind="BEHAVIOUR_PLAN", points=[OUTCOME]),
        today=TODAY,
    )
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        sign(world, mediation, outcome, role)
    with django_capture_on_commit_callbacks(execute=True):
        services.end_confirm(
            actor=med, mediation_id=mediation.pk, ended_on=TODAY,
            typed_name=world.a.users[Role.MEDIATOR].full_name, today=TODAY,
        )  # fmt: skip
        ta = termination.termination_create(
            actor=actor(world, Role.HR_ADVISER),
            case_id=case.pk,
            data=termination.TerminationInput(
                employee_id=world.a.users[Role.EMPLOYEE].pk,
                employer_signatory_id=world.a.users[Role.HR_ADVISER].pk,
                end_of_employment_on=date(2025, 6, 1),
                checklist=list(ChecklistItem.values),
                employer_reason=TERMINATION,
            ),
            today=TODAY,
        )
    return {"case": case.pk, "mediation": mediation.pk, "session": session.pk, "termination": ta.pk}


def _urls(ids: dict[str, Any]) -> list[str]:
    m, s = ids["mediation"], ids["session"]
    urls = [
        reverse("cases:detail", kwargs={"case_id": ids["case"]}),
        reverse("mediation:case-section", kwargs={"case_id": ids["case"]}),
        reverse("mediation:list"),
        reverse("mediation:detail", kwargs={"mediation_id": m}),
        reverse("mediation:intakes", kwargs={"mediation_id": m}),
        reverse("mediation:session", kwargs={"mediation_id": m, "session_id": s}),
        reverse("mediation:session-ics", kwargs={"mediation_id": m, "session_id": s}),
        reverse("mediation:termination", kwargs={"agreement_id": ids["termination"]}),
        reverse("api:case-mediations", kwargs={"case_id": ids["case"]}),
        reverse("api:mediation", kwargs={"mediation_id": m}),
        reverse("api:mediation-intakes", kwargs={"mediation_id": m}),
        reverse("api:mediation-sessions", kwargs={"mediation_id": m}),
        reverse("api:mediation-session-notes", kwargs={"mediation_id": m, "session_id": s}),
        reverse("api:mediation-documents", kwargs={"mediation_id": m}),
        reverse("api:termination-agreement", kwargs={"agreement_id": ids["termination"]}),
    ]
    for doc in Document.objects.filter(organisation__isnull=False):
        if doc.owner_kind == "mediation.termination":
            continue
        urls += [
            reverse("mediation:document", kwargs={"mediation_id": m, "document_id": doc.pk}),
            reverse(
                "mediation:document-download",
                kwargs={"mediation_id": m, "document_id": doc.pk, "fmt": "html"},
            ),
            reverse("api:mediation-document", kwargs={"mediation_id": m, "document_id": doc.pk}),
        ]
    return urls


def _seen(client: Client, ids: dict[str, Any]) -> set[str]:
    text = " ".join(client.get(url).content.decode(errors="replace") for url in _urls(ids))
    return {marker for marker in ALL if marker in text}


D11_D12_D13 = {NOTE, AGREEMENT, OUTCOME}
EXPECTED = {
    Role.MEDIATOR: {INTAKE_WN, INTAKE_LG} | D11_D12_D13,
    Role.EMPLOYEE: {INTAKE_WN, TERMINATION} | D11_D12_D13,
    # The line manager is the employer's representative in this mediation (D11 fn 18, docs/rules.md)
    # and the other party of the case (WP: no D19).
    Role.LINE_MANAGER: {INTAKE_LG} | D11_D12_D13,
    # Admitted supporter: session content and the agreement (D11 P, D12 R: fn 19 in docs/rules.md); the
    # outcome only with consent.
    Role.COMPANY_SOCIAL_WORKER: {NOTE, AGREEMENT},
    # The referrer (HR) and the casemanager: status only for the mediation; D19 RW / R.
    Role.HR_ADVISER: {TERMINATION},
    Role.CASEMANAGER: {TERMINATION},
    Role.OCCUPATIONAL_PHYSICIAN: set(),  # D14 N only; never D19 (R-097)
    Role.DELEGATED_PROFESSIONAL: set(),
    Role.CONFIDENTIAL_ADVISER: set(),
    Role.ADMIN: set(),
}


@pytest.fixture(scope="module")
def dossier(_world_committed: None, django_db_blocker: DjangoDbBlocker) -> Iterator[dict[str, Any]]:
    """One dossier for the tests that only read it (in the module's transaction)."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            ids = _dossier(shared_world(), TestCase.captureOnCommitCallbacks)
        yield ids


@pytest.mark.parametrize("role", list(EXPECTED), ids=[r.value for r in EXPECTED])
def test_each_role_sees_exactly_what_section_2_3_allows(
    dossier: dict[str, Any], client_as: Callable[..., Client], role: Role
) -> None:
    assert _seen(client_as(role), dossier) == EXPECTED[role]


def test_another_organisation_sees_nothing(dossier: dict[str, Any], client_as: Callable[..., Client]) -> None:
    ids = dossier
    for role in Role:
        assert _seen(client_as(role, "b"), ids) == set()


def test_referrer_and_case_see_the_status_with_dates_d14(
    dossier: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    ids = dossier
    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.OCCUPATIONAL_PHYSICIAN):
        page = (
            client_as(role)
            .get(reverse("mediation:case-section", kwargs={"case_id": ids["case"]}))
            .content.decode()
        )
        assert "Mediation gestart op 10 maart 2025" in page and "beëindigd op 10 maart 2025" in page
        data = client_as(role).get(reverse("api:case-mediations", kwargs={"case_id": ids["case"]})).json()
        assert data == [
            {
                "id": ids["mediation"],
                "reference": f"MED-{ids['mediation']}",
                "started_on": "2025-03-10",
                "ended_on": "2025-03-10",
            }
        ]
    hr = (
        client_as(Role.HR_ADVISER)
        .get(reverse("api:mediation", kwargs={"mediation_id": ids["mediation"]}))
        .json()
    )
    assert hr.get("documents") is None and hr["state"] is None and hr["parties"] is None


def test_pdf_downloads_follow_the_same_rules(
    dossier: dict[str, Any], client_as: Callable[..., Client]
) -> None:
    ids = dossier
    outcome = Document.objects.get(kind="OUTCOME_AGREEMENT")
    url = reverse(
        "api:mediation-document-pdf", kwargs={"mediation_id": ids["mediation"], "document_id": outcome.pk}
    )
    for role, status in ((Role.EMPLOYEE, 200), (Role.HR_ADVISER, 404), (Role.COMPANY_SOCIAL_WORKER, 404)):
        response = client_as(role).get(url)
        assert response.status_code == status
        if status == 200:
            assert response["Content-Type"] == "application/pdf"


def test_e_mails_and_audit_carry_no_content(world: World, django_capture_on_commit_callbacks: Any) -> None:
    # Its own dossier: the e-mails are sent while it is made.
    ids = _dossier(world, django_capture_on_commit_callbacks)
    assert mail.outbox, "invitations and status e-mails were sent"
    text = " ".join(f"{m.subject} {m.body} {[a[1] for a in m.attachments]}" for m in mail.outbox)
    assert not {marker for marker in ALL if marker in text}
    assert "Samenwerking" not in text
    data = json.dumps([event.data for event in AuditEvent.objects.all()])
    assert AuditEvent.objects.filter(action__startswith="mediation.").count() >= 10
    assert not {marker for marker in ALL if marker in data}
    assert Session.objects.filter(mediation_id=ids["mediation"]).count() == 1
