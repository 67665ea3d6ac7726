"""Time travel through the term of consent records (R-140, CC-10): a consent goes when it has ended
(withdrawn, or past its expiry date) and the R-140 term has run since, never before the cases it could
have covered are gone, never while it runs, never under a hold
(docs/adr/0195-consent-records-go-after-what-they-covered.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.management import call_command

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.consent.models import Consent
from werkvrede.consent.tests.helpers import give
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import employee_case
from werkvrede.notifications.models import Notification
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.retention.models import PersonHold, PurgeRun
from werkvrede.retention.purge import purge_expired
from werkvrede.retention.services import person_hold_place
from werkvrede.retention.tests.test_purge import _at, _Sink
from werkvrede.retention.tests.test_purge_mediation import _close_case
from werkvrede.whistleblower.models import WhistleReport

pytestmark = pytest.mark.django_db

WITHDRAWN = date(2025, 6, 1)
EXPIRES = date(2026, 6, 1)  # one year (the organisation's R-140 term) after the withdrawal


def _one_year(world: World) -> None:
    ConflictProtocol.objects.create(
        organisation=world.a.organisation,
        version=99,
        retention_admin_absence_years=1,
        retention_reintegration_years=1,
    )


def _withdrawn(world: World, on: date = WITHDRAWN) -> Consent:
    consent = give(world)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=_at(on))
    return consent


def _notices(user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, kind=Notification.Kind.RETENTION_DUE).count()


def test_a_withdrawn_consent_is_warned_of_then_goes_a_term_after_its_withdrawal(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    _one_year(world)
    consent = _withdrawn(world)
    hr = world.a.users[Role.HR_ADVISER]
    given = AuditEvent.objects.filter(action="consent.consent.given").count()
    purge_expired(today=EXPIRES - timedelta(days=31))
    assert _notices(hr.pk) == 0
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(today=EXPIRES - timedelta(days=30))
        purge_expired(today=EXPIRES - timedelta(days=29))
    assert _notices(hr.pk) == 1  # HR, who answers for the records consents cover, is told once
    warned = AuditEvent.objects.get(action="retention.warning.sent", object_id="CONSENT")
    assert warned.legal_basis == "R-140" and warned.data["records"] == 1
    purge_expired(today=EXPIRES - timedelta(days=1))  # one day short of the term: kept
    assert Consent.objects.filter(pk=consent.pk).exists()
    purge_expired(today=EXPIRES)
    assert not Consent.objects.filter(pk=consent.pk).exists()
    run = PurgeRun.objects.get(organisation=world.a.organisation, today=EXPIRES)
    assert run.purged == {"CONSENT": {"D20": 1}}
    completed = AuditEvent.objects.get(action="retention.purge.completed", object_id="CONSENT")
    assert completed.legal_basis == "R-140" and completed.data["rows"] == 1
    # The audit log keeps that it was given (metadata, R-149); a second run finds nothing.
    assert AuditEvent.objects.filter(action="consent.consent.given").count() == given
    purge_expired(today=EXPIRES)
    second = PurgeRun.objects.filter(organisation=world.a.organisation, today=EXPIRES).order_by("-pk")[0]
    assert second.purged == {}


def test_an_expired_consent_counts_from_the_day_after_its_expiry_date(world: World) -> None:
    _one_year(world)
    consent = give(world, expires_on=date(2025, 5, 31))  # last valid day; ended on 1 June
    purge_expired(today=EXPIRES - timedelta(days=1))
    assert Consent.objects.filter(pk=consent.pk).exists()
    purge_expired(today=EXPIRES)
    assert not Consent.objects.filter(pk=consent.pk).exists()


def test_a_running_consent_is_never_purged_however_old(world: World) -> None:
    _one_year(world)
    open_ended = give(world, given_on=date(2015, 1, 1))
    still_valid = give(world, given_on=date(2015, 1, 1), expires_on=date(2045, 1, 1))
    out = _Sink()
    call_command("purge_expired", "--today", "2040-01-01", stdout=out)
    assert Consent.objects.filter(pk__in=[open_ended.pk, still_valid.pk]).count() == 2
    assert "CONSENT" not in PurgeRun.objects.get(organisation=world.a.organisation).purged


def test_a_consent_waits_for_the_cases_it_could_have_covered_and_a_hold_on_one_keeps_it(world: World) -> None:
    _one_year(world)
    case = employee_case(world)
    Case.objects.filter(pk=case.pk).update(created_at=_at(date(2025, 3, 3)))
    consent = _withdrawn(world)
    later_case = employee_case(world)  # opened after the withdrawal: the consent did not cover it
    # Its own term has run, but the case it covered is open: it stays.
    purge_expired(today=EXPIRES + timedelta(days=100))
    assert Consent.objects.filter(pk=consent.pk).exists()
    # The case closes; its own term runs a year later. Held, the case and the consent both stay.
    _close_case(case.pk, date(2026, 10, 1))
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    case_services.legal_hold_set(actor=hr, case_id=case.pk, category="PENDING_LITIGATION", reason="Procedure")
    purge_expired(today=date(2027, 10, 1))
    assert Case.objects.filter(pk=case.pk).exists() and Consent.objects.filter(pk=consent.pk).exists()
    blocks = AuditEvent.objects.filter(action="retention.hold.blocked", object_id="CONSENT")
    assert [e.data["count"] for e in blocks] == [1]
    assert PurgeRun.objects.get(organisation=world.a.organisation, today=date(2027, 10, 1)).held == {
        "R-140": 1,
        "CONSENT": 1,
    }
    # Lifted: the case goes, and the consent with it in the same run; the later case stays.
    case_services.legal_hold_lift(actor=hr, case_id=case.pk, lift_reason="Uitspraak gedaan")
    purge_expired(today=date(2027, 10, 2))
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Consent.objects.filter(pk=consent.pk).exists()
    assert Case.objects.filter(pk=later_case.pk).exists()


def test_a_person_hold_on_the_data_subject_keeps_an_ended_consent_and_the_block_is_audited(
    world: World,
) -> None:
    _one_year(world)
    consent = _withdrawn(world)
    hr = actor_of(world.a.users[Role.HR_ADVISER], world.a.organisation.pk)
    person_hold_place(
        actor=hr, person_id=world.a.users[Role.EMPLOYEE].pk, category="AUTHORITY_REQUEST", reason="Vordering"
    )
    purge_expired(today=EXPIRES - timedelta(days=10))
    assert _notices(world.a.users[Role.HR_ADVISER].pk) == 0  # it will not go: no warning
    purge_expired(today=EXPIRES + timedelta(days=10))
    assert Consent.objects.filter(pk=consent.pk).exists()
    blocks = AuditEvent.objects.filter(action="retention.hold.blocked", object_id="CONSENT")
    assert [(e.data["count"], e.legal_basis) for e in blocks] == [(1, "R-140")]
    assert "Vordering" not in str([e.data for e in AuditEvent.objects.all()])
    PersonHold.objects.update(
        lifted_at=_at(EXPIRES), lifted_by=world.a.users[Role.HR_ADVISER], lift_reason="x"
    )
    purge_expired(today=EXPIRES + timedelta(days=11))
    assert not Consent.objects.filter(pk=consent.pk).exists()


def test_a_consent_a_whistleblower_routing_names_stays_while_the_routing_does(world: World) -> None:
    _one_year(world)
    consent = _withdrawn(world)
    report = WhistleReport.objects.create(
        organisation=world.a.organisation,
        melder=world.a.users[Role.EMPLOYEE],
        received_on=date(2025, 3, 1),
        last_activity_on=date(2025, 3, 1),
        route_consent=consent,
    )
    purge_expired(today=EXPIRES + timedelta(days=10))
    assert Consent.objects.filter(pk=consent.pk).exists()
    WhistleReport.objects.filter(pk=report.pk).delete()
    purge_expired(today=EXPIRES + timedelta(days=11))
    assert not Consent.objects.filter(pk=consent.pk).exists()
