"""Time travel through the R-146 term of a mediation: the mediator's dossier and its frame (who took
part, who was admitted, their consents and confidentiality statements) go at the term; the row and
its signed documents stay while a case points to it and go entirely once none does
(docs/adr/0196-a-mediations-frame-goes.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.storage import storages

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case, CaseState, TimelineEvent
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document, Signature
from werkvrede.mediation import services
from werkvrede.mediation.models import (
    Admission,
    AdmissionConsent,
    IntakeRecord,
    Mediation,
    MediationParty,
    MediationState,
)
from werkvrede.mediation.tests.helpers import TODAY, actor, party, signed
from werkvrede.notifications.models import Notification
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.retention import destroy
from werkvrede.retention.models import PersonHold, PurgeRun
from werkvrede.retention.purge import purge_expired
from werkvrede.retention.services import person_hold_place
from werkvrede.retention.terms import _mediation_content
from werkvrede.retention.tests.test_purge import _at
from werkvrede.vault.models import SealedContent

pytestmark = pytest.mark.django_db

ENDED = date(2025, 6, 2)
EXPIRES = date(2026, 6, 2)  # one year (the organisation's R-146 term) after the end


def _ended_mediation_with_frame(world: World) -> tuple[Mediation, Admission]:
    """A mediation with intakes (sealed), a signed agreement, a supporter admitted with a party's
    consent and a confidentiality statement, ended on ENDED; the protocol's R-146 term is one year."""
    ConflictProtocol.objects.create(
        organisation=world.a.organisation,
        version=99,
        retention_mediation_years=1,
        retention_admin_absence_years=1,
        retention_reintegration_years=1,
    )
    mediation = signed(world)
    admission = services.admission_request(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation.pk,
        user_id=world.a.users[Role.COMPANY_SOCIAL_WORKER].pk,
        kind="SUPPORTER",
        for_party_id=party(mediation, world, Role.EMPLOYEE).pk,
        today=TODAY,
    )
    services.admission_consent(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk, admission_id=admission.pk, today=TODAY
    )
    supporter = world.a.users[Role.COMPANY_SOCIAL_WORKER]
    (nda,) = _documents("mediation.admission", admission.pk)
    services.mediation_document_sign(
        actor=actor(world, Role.COMPANY_SOCIAL_WORKER),
        mediation_id=mediation.pk,
        document_id=nda.pk,
        typed_name=supporter.full_name,
        today=TODAY,
    )
    Mediation.objects.filter(pk=mediation.pk).update(state=MediationState.ENDED_NO_AGREEMENT, ended_on=ENDED)
    mediation.refresh_from_db()
    return mediation, admission


def _documents(owner_kind: str, owner_id: int) -> list[Document]:
    return list(Document.objects.filter(owner_kind=owner_kind, owner_id=owner_id))


def _notices(user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, kind=Notification.Kind.RETENTION_DUE).count()


def _close_case(case_id: int, on: date) -> None:
    Case.objects.filter(pk=case_id).update(state=CaseState.CLOSED, updated_at=_at(on))
    TimelineEvent.objects.create(
        case_id=case_id, kind="case.state_changed", occurred_at=_at(on), data={"state_to": "CLOSED"}
    )


def test_the_frame_goes_at_the_term_the_row_stays_while_its_case_points_to_it_then_goes_entirely(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mediation, admission = _ended_mediation_with_frame(world)
    mediator = world.a.users[Role.MEDIATOR]
    storage = storages["documents"]
    (nda,) = _documents("mediation.admission", admission.pk)
    agreements = _documents("mediation.mediation", mediation.pk)
    assert agreements and all(d.pdf_name and storage.exists(d.pdf_name) for d in [*agreements, nda])
    intake_seals = list(IntakeRecord.objects.filter(mediation=mediation).values_list("sealed_id", flat=True))
    assert len(intake_seals) == 2 and AdmissionConsent.objects.filter(admission=admission).exists()
    case_id = mediation.case_id or 0
    assert case_id
    # Well before: nothing; within the warning period the mediator is told once.
    purge_expired(today=EXPIRES - timedelta(days=31))
    assert _notices(mediator.pk) == 0
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(today=EXPIRES - timedelta(days=30))
        purge_expired(today=EXPIRES - timedelta(days=29))
    assert _notices(mediator.pk) == 1
    # The day before, within its term: the dossier and the frame are all there.
    purge_expired(today=EXPIRES - timedelta(days=1))
    assert MediationParty.objects.filter(mediation=mediation).count() == 2
    assert Admission.objects.filter(mediation=mediation).exists()
    assert IntakeRecord.objects.filter(mediation=mediation).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(today=EXPIRES)
    # The dossier and the frame are gone, with the admission's confidentiality statement and its files.
    assert not IntakeRecord.objects.filter(mediation=mediation).exists()
    assert not SealedContent.objects.filter(pk__in=intake_seals).exists()
    assert not MediationParty.objects.filter(mediation=mediation).exists()
    assert not Admission.objects.filter(pk=admission.pk).exists()
    assert not AdmissionConsent.objects.filter(admission_id=admission.pk).exists()
    assert (
        not Document.objects.filter(pk=nda.pk).exists()
        and not Signature.objects.filter(document=nda).exists()
    )
    assert not storage.exists(nda.pdf_name)
    # The case still points to it: the row and its signed agreement stay (the case keeps the outcome).
    assert Mediation.objects.filter(pk=mediation.pk, case_id=case_id).exists()
    assert all(Document.objects.filter(pk=d.pk).exists() and storage.exists(d.pdf_name) for d in agreements)
    run = PurgeRun.objects.get(organisation=world.a.organisation, today=EXPIRES)
    assert run.purged["R-146"]["SEALED"] == 2 and run.purged["R-146"]["D11"] >= 2
    assert run.files_removed >= 1
    # Twice: nothing more goes, nothing is warned again.
    purge_expired(today=EXPIRES)
    again = PurgeRun.objects.filter(organisation=world.a.organisation, today=EXPIRES).order_by("-pk")[0]
    assert again.purged == {} and again.warned == {} and _notices(mediator.pk) == 1
    # The case closes and its own R-140 term runs: the mediation then goes entirely, with its signed
    # documents, their stored files and its cache entries.
    _close_case(case_id, EXPIRES)
    destroy.register_cache_keys("mediation.mediation", lambda m: [f"test-mediation:{m.pk}"])
    cache.set(f"test-mediation:{mediation.pk}", "mediation")
    later = date(2027, 6, 2)
    try:
        purge_expired(today=later - timedelta(days=1))
        assert Mediation.objects.filter(pk=mediation.pk).exists()
        with django_capture_on_commit_callbacks(execute=True):
            purge_expired(today=later)
    finally:
        destroy._CACHE_KEYS.pop("mediation.mediation")
    assert not Case.objects.filter(pk=case_id).exists()
    assert not Mediation.objects.filter(pk=mediation.pk).exists()
    assert not Document.objects.filter(pk__in=[d.pk for d in agreements]).exists()
    assert not any(storage.exists(d.pdf_name) or storage.exists(d.html_name) for d in agreements)
    assert cache.get(f"test-mediation:{mediation.pk}") is None
    final = PurgeRun.objects.get(organisation=world.a.organisation, today=later)
    assert final.purged["R-146"]["D11"] >= 1 and "R-140" in final.purged
    # The audit log keeps its metadata: the mediation's own events stay, the runs say counts.
    assert AuditEvent.objects.filter(action="mediation.admission.requested").exists()
    assert AuditEvent.objects.filter(action="retention.purge.completed", object_id="R-146").count() == 2


def test_a_mediation_whose_dossier_an_earlier_run_destroyed_still_loses_its_frame(world: World) -> None:
    mediation, admission = _ended_mediation_with_frame(world)
    # As an install before the frame was purged left it: the dossier gone, the frame still there.
    destroy.destroy_records(_mediation_content(mediation.pk))
    assert (
        not _mediation_content(mediation.pk) and MediationParty.objects.filter(mediation=mediation).exists()
    )
    purge_expired(today=EXPIRES + timedelta(days=200))
    assert not MediationParty.objects.filter(mediation=mediation).exists()
    assert not Admission.objects.filter(pk=admission.pk).exists()
    assert Mediation.objects.filter(pk=mediation.pk).exists()  # its case still points to it
    run = PurgeRun.objects.get(organisation=world.a.organisation, today=EXPIRES + timedelta(days=200))
    assert set(run.purged) == {"R-146"} and "SEALED" not in run.purged["R-146"]


def test_a_mediation_without_a_case_goes_entirely_at_its_term(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mediation, admission = _ended_mediation_with_frame(world)
    Mediation.objects.filter(pk=mediation.pk).update(case=None)  # a direct mediation
    agreements = _documents("mediation.mediation", mediation.pk)
    purge_expired(today=EXPIRES - timedelta(days=1))
    assert Mediation.objects.filter(pk=mediation.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(today=EXPIRES)
    assert not Mediation.objects.filter(pk=mediation.pk).exists()
    assert not Admission.objects.filter(pk=admission.pk).exists()
    assert not Document.objects.filter(pk__in=[d.pk for d in agreements]).exists()
    assert not any(storages["documents"].exists(d.pdf_name) for d in agreements)


def test_a_hold_on_a_party_keeps_the_dossier_and_the_frame_and_the_block_is_audited(world: World) -> None:
    mediation, admission = _ended_mediation_with_frame(world)
    hr = actor(world, Role.HR_ADVISER)
    person_hold_place(
        actor=hr, person_id=world.a.users[Role.LINE_MANAGER].pk, category="PENDING_LITIGATION", reason="Zaak"
    )
    purge_expired(today=EXPIRES - timedelta(days=10))
    assert _notices(world.a.users[Role.MEDIATOR].pk) == 0  # nothing will go: no warning
    purge_expired(today=EXPIRES + timedelta(days=400))
    assert MediationParty.objects.filter(mediation=mediation).count() == 2
    assert Admission.objects.filter(pk=admission.pk).exists()
    assert IntakeRecord.objects.filter(mediation=mediation).count() == 2
    blocks = AuditEvent.objects.filter(action="retention.hold.blocked", object_id="R-146")
    assert [e.data["count"] for e in blocks] == [1]
    run = PurgeRun.objects.get(organisation=world.a.organisation, today=EXPIRES + timedelta(days=400))
    assert run.held == {"R-146": 1} and run.purged == {}
    # Lifted: the next run takes the frame.
    PersonHold.objects.update(
        lifted_at=_at(EXPIRES), lifted_by=world.a.users[Role.HR_ADVISER], lift_reason="x"
    )
    purge_expired(today=EXPIRES + timedelta(days=401))
    assert not MediationParty.objects.filter(mediation=mediation).exists()


def test_a_case_whose_mediation_took_over_its_referral_still_goes_and_the_mediation_follows(
    world: World,
) -> None:
    from werkvrede.interventions.models import Intervention, InterventionKind

    mediation, _admission = _ended_mediation_with_frame(world)
    case_id = mediation.case_id or 0
    referral = Intervention.objects.create(
        case_id=case_id, kind=InterventionKind.REFERRAL_MEDIATOR, created_by=world.a.users[Role.HR_ADVISER]
    )
    Mediation.objects.filter(pk=mediation.pk).update(referral=referral)
    _close_case(case_id, EXPIRES)
    purge_expired(today=date(2027, 6, 2))
    assert not Case.objects.filter(pk=case_id).exists()
    assert not Intervention.objects.filter(pk=referral.pk).exists()
    assert not Mediation.objects.filter(pk=mediation.pk).exists()
