"""The registry finds every row about a person (ADR 0166): what export and erasure start from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db.models import Model

from conftest import World
from werkvrede.accounts.models import User
from werkvrede.cases.models import Case, CaseParty
from werkvrede.core.classification import Withheld, registry, subjects_query
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document, Signature
from werkvrede.mediation.models import Mediation, MediationParty, Session, SessionNote
from werkvrede.sickness.models import MedicalNote, SickReport
from werkvrede.vault.models import SealedContent
from werkvrede.whistleblower.models import ConcernedPerson, WhistleReport

DAY = datetime.date(2026, 3, 2)


@dataclass
class Rows:
    employee: User
    other: User
    hr: User
    physician: User
    mediator: User
    case: Case
    note: MedicalNote
    session_note: SessionNote
    report_document: Document
    mediation_document: Document
    signature: Signature
    whistle: WhistleReport
    concerned: ConcernedPerson


def _sealed(organisation_id: int, compartment: str) -> SealedContent:
    return SealedContent.objects.create(
        organisation_id=organisation_id, compartment=compartment, key_id="k", nonce=b"0" * 12, ciphertext=b"x"
    )


def _document(organisation_id: int, owner: Model, owner_kind: str, by: User) -> Document:
    return Document.objects.create(
        organisation_id=organisation_id, owner_kind=owner_kind, owner_id=owner.pk, kind="MEDIATION_AGREEMENT",
        category="D12", version=1, title="t", content={}, content_hash="h", created_by=by,
    )  # fmt: skip


@pytest.fixture
def rows(world: World) -> Rows:
    users = world.a.users
    org = world.a.organisation.pk
    employee, other, hr = users[Role.EMPLOYEE], users[Role.LINE_MANAGER], users[Role.HR_ADVISER]
    physician, mediator = users[Role.OCCUPATIONAL_PHYSICIAN], users[Role.MEDIATOR]
    case = Case.objects.create(
        organisation_id=org, reference="C-1", signalled_on=DAY, signalled_by=hr, signalled_as="HR"
    )
    CaseParty.objects.create(case=case, side=CaseParty.Side.EMPLOYEE, user=employee, name="WN")
    CaseParty.objects.create(case=case, side=CaseParty.Side.OTHER, user=other, name="WP")
    report = SickReport.objects.create(
        case=case, organisation_id=org, employee=employee, first_sick_day=DAY, created_by=hr
    )
    note = MedicalNote.objects.create(
        sick_report=report, sealed=_sealed(org, "D01"), author=physician, author_role="BA"
    )
    mediation = Mediation.objects.create(
        organisation_id=org, case=case, subject="s", referred_by=hr, referrer_role="HR", referred_on=DAY,
        mediator=mediator,
    )  # fmt: skip
    MediationParty.objects.create(mediation=mediation, user=employee, side="WN")
    MediationParty.objects.create(mediation=mediation, user=other, side="WP")
    session = Session.objects.create(
        mediation=mediation, starts_at=datetime.datetime(2026, 3, 3, 9, tzinfo=datetime.UTC),
        duration_minutes=60, token="t", video_url="https://example.test", planned_by=mediator,
    )  # fmt: skip
    session_note = SessionNote.objects.create(session=session, sealed=_sealed(org, "D11"), author=mediator)
    mediation_document = _document(org, mediation, "mediation.mediation", mediator)
    whistle = WhistleReport.objects.create(
        organisation_id=org, melder=employee, received_on=DAY, last_activity_on=DAY
    )
    return Rows(
        employee=employee,
        other=other,
        hr=hr,
        physician=physician,
        mediator=mediator,
        case=case,
        note=note,
        session_note=session_note,
        report_document=_document(org, report, "sickness.sickreport", hr),
        mediation_document=mediation_document,
        signature=Signature.objects.create(
            document=mediation_document, user=other, typed_name="WP", content_hash="h"
        ),
        whistle=whistle,
        concerned=ConcernedPerson.objects.create(report=whistle, user=other),
    )


def about(label: str, user: User, **options: Any) -> set[Any]:
    model = apps.get_model(label)
    rows = model._default_manager.filter(subjects_query(label, user, **options))
    return set(rows.values_list("pk", flat=True))


def test_a_case_is_about_its_parties_and_its_signaller_only_through_the_signalling(rows: Rows) -> None:
    assert about("cases.case", rows.employee) == about("cases.case", rows.other) == {rows.case.pk}
    assert about("cases.case", rows.hr) == {rows.case.pk}
    assert about("cases.case", rows.hr, fields=False) == set()
    assert about("cases.case", rows.physician) == set()
    assert registry()["cases.case"]["signalled_by"].subject == ("signalled_by",)


def test_a_medical_note_and_its_sealed_text_are_about_the_employee_not_the_other_party(rows: Rows) -> None:
    assert about("sickness.medicalnote", rows.employee) == {rows.note.pk}
    assert about("sickness.medicalnote", rows.other) == set()
    assert about("sickness.medicalnote", rows.physician) == {rows.note.pk}  # as its author
    assert about("sickness.medicalnote", rows.physician, fields=False) == set()
    assert rows.note.sealed_id in about("vault.sealedcontent", rows.employee)
    assert rows.note.sealed_id not in about("vault.sealedcontent", rows.other)


def test_a_mediators_session_note_is_about_the_parties_and_stays_out_of_their_export(rows: Rows) -> None:
    assert about("mediation.sessionnote", rows.other) == {rows.session_note.pk}
    assert about("vault.sealedcontent", rows.other) == {rows.session_note.sealed_id}
    entry = registry()["mediation.sessionnote"]["sealed"]
    assert (entry.export, entry.withheld) == (False, Withheld.MEDIATORS_NOTES)


def test_the_exported_part_of_a_session_note_is_the_mediators_not_the_parties(rows: Rows) -> None:
    # Only the author field is exported (ADR 0198): the export owes the parties nothing of the note.
    assert about("mediation.sessionnote", rows.other, exported=True) == set()
    assert about("mediation.sessionnote", rows.mediator, exported=True) == {rows.session_note.pk}
    assert about("sickness.medicalnote", rows.employee, exported=True) == {rows.note.pk}


def test_a_document_is_about_whom_its_owner_is_about(rows: Rows) -> None:
    both = {rows.report_document.pk, rows.mediation_document.pk}
    assert about("documents.document", rows.employee) == both
    assert about("documents.document", rows.other) == {rows.mediation_document.pk}
    assert about("documents.signature", rows.other) == {rows.signature.pk}
    assert about("documents.signature", rows.employee) == {rows.signature.pk}  # a party's agreement


def test_a_whistleblower_report_is_the_melders_and_names_a_concerned_person_without_exporting_it(
    rows: Rows,
) -> None:
    assert about("whistleblower.whistlereport", rows.employee) == {rows.whistle.pk}
    assert about("whistleblower.whistlereport", rows.other) == set()
    assert about("whistleblower.concernedperson", rows.other) == {rows.concerned.pk}
    entry = registry()["whistleblower.concernedperson"]["user"]
    assert (entry.export, entry.withheld) == (False, Withheld.MELDER_PROTECTED)


def test_every_model_can_be_asked_for_the_rows_about_a_person(rows: Rows) -> None:
    found = {label: about(label, rows.employee) for label in registry()}
    assert found["accounts.user"] == {rows.employee.pk}
    assert found["accounts.organisation"] == set()
    assert found["accounts.membership"] == {m.pk for m in rows.employee.memberships.all()}
    assert found["mediation.mediationparty"] and found["sickness.sickreport"]
