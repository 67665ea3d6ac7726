"""Time travel through the retention terms: before expiry, the warning, expiry and gone everywhere;
the same under a legal hold (kept, the block audited); twice; two machines at once (R-140…R-148)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from conftest import World
from tests.concurrency import at_once
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case, CaseParty, CaseState, TimelineEvent
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.confidential.models import Channel, Report, ReportMessage, ReportState
from werkvrede.contact.models import ContactRequest
from werkvrede.core.roles import Role
from werkvrede.documents import services as document_services
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.notifications.models import Notification
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.retention import destroy
from werkvrede.retention.models import PurgeRun
from werkvrede.retention.purge import purge_expired
from werkvrede.retention.services import person_hold_place
from werkvrede.supporters import services as supporter_services
from werkvrede.supporters.models import PreparationNote, SupporterGrant
from werkvrede.supporters.tests.helpers import grant_in
from werkvrede.vault import services as vault
from werkvrede.vault.models import SealedContent

pytestmark = pytest.mark.django_db

CLOSED = date(2026, 1, 12)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12, 0))  # noqa: DTZ001


def _terms(world: World, **terms: int) -> None:
    """The organisation's protocol with these retention terms (as saved on its protocol page)."""
    ConflictProtocol.objects.create(organisation=world.a.organisation, version=99, **terms)


def _closed_case_with_everything(world: World) -> tuple[SupporterGrant, Document]:
    """A case closed on CLOSED with a supporter's sealed note and a stored (frozen) document."""
    grant = grant_in(world, "a")
    t = world.a
    supporter = actor_of(t.users[Role.SUPPORTER], t.organisation.pk)
    supporter_services.note_write(actor=supporter, grant=grant, section="NOTES", text="voorbereiding")
    document = document_services.document_create(
        actor=actor_of(t.users[Role.HR_ADVISER], t.organisation.pk),
        organisation_id=t.organisation.pk,
        owner_kind="cases.case",
        owner_id=grant.case_id or 0,
        kind=DocumentKind.NEUTRAL_NOTICE,
        title="Neutrale beëindigingsmelding",
        content={"mediation_reference": "MED-2026-0007", "ended_on": "2026-01-12"},
        signers=[],
    )
    Case.objects.filter(pk=grant.case_id or 0).update(
        state=CaseState.CLOSED, updated_at=_at(CLOSED + timedelta(days=5))
    )
    TimelineEvent.objects.create(
        case_id=grant.case_id or 0,
        kind="case.state_changed",
        occurred_at=_at(CLOSED),
        data={"state_to": "CLOSED"},
    )
    return grant, document


def _retention_notices(user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, kind=Notification.Kind.RETENTION_DUE).count()


def test_a_case_record_before_expiry_warned_then_gone_everywhere_with_its_audit_metadata_kept(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    _terms(
        world,
        retention_admin_absence_years=1,
        retention_reintegration_years=1,
        retention_supporter_notes_months=12,
    )
    grant, document = _closed_case_with_everything(world)
    case_id, note = grant.case_id or 0, PreparationNote.objects.get(grant=grant)
    hr, supporter = world.a.users[Role.HR_ADVISER], world.a.users[Role.SUPPORTER]
    storage = storages["documents"]
    assert document.pdf_name and storage.exists(document.pdf_name) and storage.exists(document.html_name)
    destroy.register_cache_keys("cases.case", lambda case: [f"test-case:{case.pk}"])
    cache.set(f"test-case:{case_id}", "zaak")
    signalled = AuditEvent.objects.filter(action="cases.case.signalled", case_id=case_id).count()
    expires = date(2027, 1, 12)  # a year after the closure on the timeline, not the later last change
    try:
        # Well before: nothing happens.
        purge_expired(today=expires - timedelta(days=31))
        assert Case.objects.filter(pk=case_id).exists() and _retention_notices(hr.pk) == 0
        # Within the warning period: HR (case records) and the supporter (own notes) are told once.
        with django_capture_on_commit_callbacks(execute=True):
            purge_expired(today=expires - timedelta(days=30))
            purge_expired(today=expires - timedelta(days=29))
        assert _retention_notices(hr.pk) == 1 and _retention_notices(supporter.pk) == 1
        assert Case.objects.filter(pk=case_id).exists()
        # The day before: still there.
        purge_expired(today=expires - timedelta(days=1))
        assert Case.objects.filter(pk=case_id).exists()
        with django_capture_on_commit_callbacks(execute=True):
            purge_expired(today=expires)
    finally:
        destroy._CACHE_KEYS.pop("cases.case")
    assert not Case.objects.filter(pk=case_id).exists()
    assert not CaseParty.objects.filter(case_id=case_id).exists()
    assert not PreparationNote.objects.filter(pk=note.pk).exists()
    assert not SealedContent.objects.filter(pk=note.sealed_id).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not storage.exists(document.pdf_name) and not storage.exists(document.html_name)
    assert cache.get(f"test-case:{case_id}") is None
    # The audit log keeps its metadata and says what went, in counts.
    assert AuditEvent.objects.filter(action="cases.case.signalled", case_id=case_id).count() == signalled
    purged = AuditEvent.objects.get(action="retention.purge.completed", object_id="R-140")
    assert purged.data["rows"] > 0 and purged.data["sealed"] == 1 and purged.data["files"] == 2
    run = PurgeRun.objects.filter(organisation=world.a.organisation, today=expires).get()
    assert run.purged["R-140"]["SEALED"] == 1 and run.files_removed == 2
    # A second run finds nothing more.
    purge_expired(today=expires)
    second = PurgeRun.objects.filter(organisation=world.a.organisation, today=expires).order_by("-pk").first()
    assert second is not None and second.purged == {}


def test_a_hold_on_the_case_keeps_it_past_expiry_and_the_block_is_audited_once_per_run(world: World) -> None:
    _terms(
        world,
        retention_admin_absence_years=1,
        retention_reintegration_years=1,
        retention_supporter_notes_months=12,
    )
    grant, document = _closed_case_with_everything(world)
    case_id = grant.case_id or 0
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    hold = case_services.legal_hold_set(
        actor=hr,
        case_id=grant.case_id or 0,
        category="PENDING_LITIGATION",
        reason="Procedure bij de kantonrechter",
    )
    expires = date(2027, 1, 12)
    purge_expired(today=expires - timedelta(days=10))
    assert _retention_notices(world.a.users[Role.HR_ADVISER].pk) == 0  # nothing will go: no warning
    purge_expired(today=expires + timedelta(days=400))
    assert Case.objects.filter(pk=case_id).exists()
    assert (
        PreparationNote.objects.filter(grant=grant).exists()
        and Document.objects.filter(pk=document.pk).exists()
    )
    blocks = AuditEvent.objects.filter(action="retention.hold.blocked", object_id="R-140")
    assert [e.data for e in blocks] == [{"purpose": "purge", "kind": "R-140", "count": 1, "holds": ""}]
    assert "kantonrechter" not in str([e.data for e in AuditEvent.objects.all()])
    run = PurgeRun.objects.get(organisation=world.a.organisation, today=expires + timedelta(days=400))
    assert run.held == {"R-140": 1, "R-147": 1}
    # Lifted explicitly: the next run purges.
    case_services.legal_hold_lift(actor=hr, case_id=case_id, lift_reason="Uitspraak gedaan")
    del hold
    purge_expired(today=expires + timedelta(days=401))
    assert not Case.objects.filter(pk=case_id).exists()


def test_r147_supporter_notes_go_three_months_after_the_grant_was_revoked_unless_the_employee_is_held(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    grant = grant_in(world, "a")
    supporter = actor_of(world.a.users[Role.SUPPORTER], world.a.organisation.pk)
    supporter_services.note_write(actor=supporter, grant=grant, section="NOTES", text="voorbereiding")
    note = PreparationNote.objects.get(grant=grant)
    SupporterGrant.objects.filter(pk=grant.pk).update(revoked_at=_at(date(2026, 2, 10)))
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(today=date(2026, 5, 9))
    assert PreparationNote.objects.filter(pk=note.pk).exists()
    assert _retention_notices(world.a.users[Role.SUPPORTER].pk) == 1  # the supporter, for their own notes
    employee = world.a.users[Role.EMPLOYEE]
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    person_hold_place(actor=hr, person_id=employee.pk, category="AUTHORITY_REQUEST", reason="Vordering")
    purge_expired(today=date(2026, 5, 10))
    assert PreparationNote.objects.filter(pk=note.pk).exists()
    assert AuditEvent.objects.filter(action="retention.hold.blocked", object_id="R-147").count() == 1
    from werkvrede.retention.models import PersonHold

    PersonHold.objects.update(
        lifted_at=timezone.now(), lifted_by=world.a.users[Role.HR_ADVISER], lift_reason="x"
    )
    purge_expired(today=date(2026, 5, 10))
    assert not PreparationNote.objects.filter(pk=note.pk).exists()
    assert not SealedContent.objects.filter(pk=note.sealed_id).exists()
    assert not SupporterGrant.objects.filter(pk=grant.pk).exists()  # that someone supported is D17 too
    assert PurgeRun.objects.filter(today=date(2026, 5, 10)).exclude(purged={}).get().purged == {
        "R-147": {"D17": 2, "SEALED": 1}
    }


def test_r145_a_vp_dossier_counted_in_the_annual_report_is_destroyed_after_the_warning_period(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    t = world.a
    vp = t.users[Role.CONFIDENTIAL_ADVISER]
    counted = date(2026, 2, 1)
    report = Report.objects.create(
        organisation=t.organisation,
        state=ReportState.IN_ANNUAL_REPORT,
        channel=Channel.NAMED,
        melder=t.users[Role.EMPLOYEE],
        opened_on=date(2025, 5, 1),
        closed_on=date(2025, 9, 1),
        in_annual_report_on=counted,
        last_activity_on=counted,
    )
    sealed = vault.seal(
        actor=actor_of(vp, t.organisation.pk),
        organisation_id=t.organisation.pk,
        compartment="D15",
        plaintext="x",
    )
    ReportMessage.objects.create(report=report, side="VP", author=vp, sealed=sealed, written_on=counted)
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(today=counted)
    assert _retention_notices(vp.pk) == 1
    purge_expired(today=counted + timedelta(days=29))
    assert Report.objects.get(pk=report.pk).state == ReportState.IN_ANNUAL_REPORT
    purge_expired(today=counted + timedelta(days=30))
    report.refresh_from_db()
    assert report.state == ReportState.DOSSIER_DESTROYED and report.melder_id is None
    assert not ReportMessage.objects.filter(report=report).exists()
    assert not SealedContent.objects.filter(pk=sealed.pk).exists()
    run = PurgeRun.objects.get(organisation=t.organisation, today=counted + timedelta(days=30))
    assert run.purged == {"R-145": {"D15": 1, "SEALED": 1}}


def test_contact_requests_go_with_the_daily_run_and_a_dry_run_changes_nothing(world: World) -> None:
    request = ContactRequest.objects.create(
        name="Bezoeker",
        organisation_name="Bedrijf",
        email="b@example.org",
        delete_after=date(2026, 3, 1),
        requester_role="HR",
        people_involved=2,
        preferred_contact="EMAIL",
    )
    call_command("purge_expired", "--dry-run", "--today", "2026-03-02", stdout=_Sink())
    assert ContactRequest.objects.filter(pk=request.pk).exists() and not PurgeRun.objects.exists()
    out = _Sink()
    call_command("purge_expired", "--today", "2026-03-02", stdout=out)
    assert not ContactRequest.objects.filter(pk=request.pk).exists()
    assert "CONTACT deleted ACCOUNT 1" in out.text
    assert PurgeRun.objects.get(organisation=None).purged == {"CONTACT": {"ACCOUNT": 1}}


class _Sink:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s + "\n"

    def flush(self) -> None:
        pass


@pytest.mark.django_db(transaction=True)
def test_two_machines_at_once_delete_each_record_once_without_error(world: World, on_postgres: None) -> None:
    grant = grant_in(world, "a")
    supporter = actor_of(world.a.users[Role.SUPPORTER], world.a.organisation.pk)
    for text in ("een", "twee", "drie"):
        supporter_services.note_write(actor=supporter, grant=grant, section="NOTES", text=text)
    SupporterGrant.objects.filter(pk=grant.pk).update(revoked_at=_at(date(2026, 1, 1)))
    at_once(lambda: purge_expired(today=date(2026, 6, 1)))
    assert not PreparationNote.objects.filter(grant=grant).exists()
    events = AuditEvent.objects.filter(action="retention.purge.completed", object_id="R-147")
    assert [e.data["rows"] for e in events] == [4]
    # The second machine waited for the first and found nothing left.
    runs = PurgeRun.objects.filter(organisation=world.a.organisation, today=date(2026, 6, 1))
    assert sorted(r.total for r in runs) == [0, 7]
