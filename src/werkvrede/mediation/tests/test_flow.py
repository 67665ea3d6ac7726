"""Steps 2 to 4: agreement (R-072, R-073), admissions (R-076, CC-8), sessions, outcome and endings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseRole, TimelineEvent
from werkvrede.core.actor import SYSTEM
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked, NeedsAttention, NotPossible
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.documents.services import latest
from werkvrede.mediation import selectors, services
from werkvrede.mediation.invitations import session_ics
from werkvrede.mediation.models import Admission, MediationState, Session
from werkvrede.mediation.tests.helpers import (
    FULL_AGREEMENT,
    TODAY,
    actor,
    add_case_role,
    in_intake,
    in_session,
    party,
    sign,
    signed,
)
from werkvrede.notifications.models import Notification

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2025, 3, 17, 10, 0))  # noqa: DTZ001


def _plan(world: Any, mediation: Any, participants: list[int] | None = None) -> Session:
    t = world.a
    return services.session_plan(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=services.SessionInput(
            starts_at=START,
            duration_minutes=60,
            participant_ids=participants or [t.users[Role.EMPLOYEE].pk, t.users[Role.LINE_MANAGER].pk],
        ),
        today=TODAY,
    )


# --- Agreement ---


def test_agreement_needs_every_party_willing_r070(world: Any) -> None:
    mediation = in_intake(world)
    services.willingness_record(
        actor=actor(world, Role.LINE_MANAGER), mediation_id=mediation.pk, willing=False, today=TODAY
    )
    with pytest.raises(Blocked) as exc:
        services.agreement_draft(
            actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY
        )
    assert [f.code for f in exc.value.findings] == ["R-070"]


@pytest.mark.parametrize("missing", ["voluntary", "confidential"])
def test_missing_essentials_block_r073(world: Any, missing: str) -> None:
    mediation = in_intake(world)
    data = services.AgreementInput(**{**FULL_AGREEMENT.__dict__, missing: False})
    with pytest.raises(Blocked) as exc:
        services.agreement_draft(
            actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, data=data, today=TODAY
        )
    assert {f.code for f in exc.value.findings} == {"R-073"}
    assert latest("mediation.mediation", mediation.pk, DocumentKind.MEDIATION_AGREEMENT) is None


def test_other_missing_clauses_warn_and_need_acknowledgement_r073(world: Any) -> None:
    mediation = in_intake(world)
    data = services.AgreementInput(**{**FULL_AGREEMENT.__dict__, "fees": "", "reporting": ""})
    med = actor(world, Role.MEDIATOR)
    with pytest.raises(NeedsAttention) as exc:
        services.agreement_draft(actor=med, mediation_id=mediation.pk, data=data, today=TODAY)
    assert {f.code for f in exc.value.findings} == {"R-073"}
    doc = services.agreement_draft(
        actor=med, mediation_id=mediation.pk, data=data, today=TODAY, acknowledged=["R-073"]
    )
    mediation.refresh_from_db()
    assert mediation.state == MediationState.AGREEMENT_PENDING
    assert mediation.acknowledged == ["R-073"]
    assert doc.signers == [
        world.a.users[Role.EMPLOYEE].pk,
        world.a.users[Role.LINE_MANAGER].pk,
        world.a.users[Role.MEDIATOR].pk,
    ]


def test_sessions_are_refused_until_everyone_signed_r072(world: Any) -> None:
    mediation = in_intake(world)
    med = actor(world, Role.MEDIATOR)
    doc = services.agreement_draft(actor=med, mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY)
    services.track_set(actor=med, mediation_id=mediation.pk, track="RESTORATION", today=TODAY)
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        sign(world, mediation, doc, role)
        with pytest.raises(Blocked) as exc:
            _plan(world, mediation)
        assert "R-072" in {f.code for f in exc.value.findings}
    sign(world, mediation, doc, Role.MEDIATOR)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.AGREEMENT_SIGNED
    assert mediation.started_on == TODAY
    _plan(world, mediation)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.IN_SESSION


def test_start_is_a_status_notice_for_the_referrer_r084(world: Any) -> None:
    mediation = signed(world)
    started = TimelineEvent.objects.get(kind="mediation.started")
    assert set(started.data) == {"mediation", "on"}
    assert Notification.objects.filter(
        recipient=world.a.users[Role.HR_ADVISER], kind="MEDIATION_STATUS"
    ).exists()
    hr = actor(world, Role.HR_ADVISER)
    access = selectors.mediation_get_for(hr, mediation.pk)
    assert access.relations <= {"REFERRER", "CASE"}
    from werkvrede.core.policy import allowed

    for action in ("mediation.content.read", "mediation.agreement.read", "mediation.outcome.read"):
        assert not allowed(hr, action, access)


def test_no_intervention_before_signature_via_typed_name_mismatch(world: Any) -> None:
    mediation = in_intake(world)
    doc = services.agreement_draft(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY
    )
    with pytest.raises(NotPossible):
        services.mediation_document_sign(
            actor=actor(world, Role.EMPLOYEE),
            mediation_id=mediation.pk,
            document_id=doc.pk,
            typed_name="Iemand anders",
            today=TODAY,
        )


# --- Admissions ---


def test_admission_needs_every_partys_consent_and_a_signed_nda_r076(world: Any) -> None:
    mediation = signed(world)
    supporter = world.a.users[Role.COMPANY_SOCIAL_WORKER]
    admission = services.admission_request(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation.pk,
        user_id=supporter.pk,
        kind="SUPPORTER",
        for_party_id=party(mediation, world, Role.EMPLOYEE).pk,
        today=TODAY,
    )
    bmw = actor(world, Role.COMPANY_SOCIAL_WORKER)
    # Before admission the supporter may only see and sign the confidentiality statement.
    access = selectors.mediation_get_for(bmw, mediation.pk)
    assert access.relations == {"CANDIDATE"}
    with pytest.raises(Blocked) as exc:
        _plan(world, mediation, [world.a.users[Role.EMPLOYEE].pk, supporter.pk])
    assert "R-076" in {f.code for f in exc.value.findings}
    services.admission_consent(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk, admission_id=admission.pk, today=TODAY
    )
    nda = latest("mediation.admission", admission.pk, DocumentKind.CONFIDENTIALITY_STATEMENT)
    assert nda is not None
    services.mediation_document_sign(
        actor=bmw, mediation_id=mediation.pk, document_id=nda.pk, typed_name=supporter.full_name, today=TODAY
    )
    admission.refresh_from_db()
    assert admission.admitted_at is None  # the line manager has not consented yet
    services.admission_consent(
        actor=actor(world, Role.LINE_MANAGER),
        mediation_id=mediation.pk,
        admission_id=admission.pk,
        today=TODAY,
    )
    admission.refresh_from_db()
    assert admission.admitted_at is not None
    assert selectors.mediations_for_admitted(bmw) == [mediation]
    _plan(world, mediation, [world.a.users[Role.EMPLOYEE].pk, supporter.pk])
    # Revoked (e.g. by the supporters context when the employee ends the support).
    assert services.admission_revoke(actor=SYSTEM, user_id=supporter.pk, mediation_id=mediation.pk) == 1
    assert selectors.mediations_for_admitted(bmw) == []


def test_only_parties_consent_to_admissions(world: Any) -> None:
    mediation = signed(world)
    admission = services.admission_request(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation.pk,
        user_id=world.a.users[Role.COMPANY_SOCIAL_WORKER].pk,
        kind="LAWYER",
        for_party_id=party(mediation, world, Role.EMPLOYEE).pk,
        today=TODAY,
    )
    with pytest.raises(AccessDenied):
        services.admission_consent(
            actor=actor(world, Role.MEDIATOR),
            mediation_id=mediation.pk,
            admission_id=admission.pk,
            today=TODAY,
        )
    assert Admission.objects.get().admitted_at is None


# --- Sessions ---


def test_session_invitation_ics_and_mail_carry_no_content(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    mediation = signed(world)
    with django_capture_on_commit_callbacks(execute=True):
        session = _plan(world, mediation)
    assert session.video_url.startswith("https://meet.jit.si/werkvrede-")
    assert len(session.token) >= 32
    ics = session_ics(session)
    assert "\r\nUID:mediation-session-" in ics
    assert "DTSTART:20250317T090000Z" in ics and "DTEND:20250317T100000Z" in ics
    assert f"URL:{session.video_url}" in ics
    assert "Samenwerking" not in ics
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "Samenwerking" not in message.body and "Samenwerking" not in message.subject
        assert message.attachments[0][0].endswith(".ics")


def test_session_notes_are_sealed_and_read_by_session_participants_only(world: Any) -> None:
    mediation = signed(world)
    t = world.a
    session = _plan(world, mediation, [t.users[Role.EMPLOYEE].pk])
    services.session_note_add(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        session_id=session.pk,
        text="aantekening X",
        today=TODAY,
    )
    wn = actor(world, Role.EMPLOYEE)
    wn_access = selectors.mediation_get_for(wn, mediation.pk)
    assert [text for _, text in selectors.session_notes(wn, wn_access, session)] == ["aantekening X"]
    lg = actor(world, Role.LINE_MANAGER)
    lg_access = selectors.mediation_get_for(lg, mediation.pk)
    assert selectors.sessions_for(lg, lg_access) == []
    with pytest.raises(AccessDenied):
        selectors.session_notes(lg, lg_access, session)


def test_paused_mediation_refuses_sessions_r077(world: Any) -> None:
    mediation = in_intake(world)
    services.pause_for_vp(actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, today=TODAY)
    with pytest.raises(Blocked) as exc:
        _plan(world, mediation)
    assert {f.code for f in exc.value.findings} & {"R-072", "R-077"}


# --- Outcome and endings ---


def test_outcome_signed_by_all_parties_then_end_confirmed_r079_r082(world: Any) -> None:
    mediation = in_session(world)
    med = actor(world, Role.MEDIATOR)
    doc = services.outcome_draft(
        actor=med,
        mediation_id=mediation.pk,
        data=services.OutcomeInput(kind="BEHAVIOUR_PLAN", points=["Wekelijks overleg op maandag"]),
        today=TODAY,
    )
    assert world.a.users[Role.MEDIATOR].pk not in doc.signers
    sign(world, mediation, doc, Role.EMPLOYEE)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.OUTCOME_DRAFTED
    sign(world, mediation, doc, Role.LINE_MANAGER)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.OUTCOME_SIGNED
    doc.refresh_from_db()
    assert doc.locked_at is not None
    services.end_confirm(
        actor=med,
        mediation_id=mediation.pk,
        ended_on=TODAY,
        typed_name=world.a.users[Role.MEDIATOR].full_name,
        today=TODAY,
    )
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_WITH_AGREEMENT
    assert mediation.ended_on == TODAY
    assert latest("mediation.mediation", mediation.pk, DocumentKind.END_STATEMENT) is not None
    assert latest("mediation.mediation", mediation.pk, DocumentKind.NEUTRAL_NOTICE) is None


def test_outcome_that_says_it_ends_the_mediation_ends_it_r082(world: Any) -> None:
    mediation = in_session(world)
    doc = services.outcome_draft(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=services.OutcomeInput(
            kind="ARRANGEMENT", points=["Afspraak"], ends_mediation=True, ended_on=TODAY
        ),
        today=TODAY,
    )
    sign(world, mediation, doc, Role.EMPLOYEE)
    sign(world, mediation, doc, Role.LINE_MANAGER)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_WITH_AGREEMENT


def test_withdrawal_always_closes_with_the_neutral_notice_r080_r081(world: Any) -> None:
    mediation = in_session(world)
    wn = world.a.users[Role.EMPLOYEE]
    services.party_withdraw(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk, typed_name=wn.full_name, today=TODAY
    )
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_NO_AGREEMENT
    assert mediation.ended_on == TODAY
    statement = latest("mediation.mediation", mediation.pk, DocumentKind.WITHDRAWAL_STATEMENT)
    assert statement is not None and statement.locked_at is not None
    notice = latest("mediation.mediation", mediation.pk, DocumentKind.NEUTRAL_NOTICE)
    assert notice is not None and notice.locked_at is not None
    assert set(notice.content) <= {
        "mediation_reference",
        "case_reference",
        "started_on",
        "ended_on",
        "parties",
        "confidentiality_reminder",
    }
    ended = TimelineEvent.objects.get(kind="mediation.ended")
    assert set(ended.data) == {"mediation", "on"}


def test_mediator_ends_with_statement_and_neutral_notice(world: Any) -> None:
    mediation = in_intake(world)
    services.mediator_end(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        typed_name=world.a.users[Role.MEDIATOR].full_name,
        today=TODAY,
    )
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_NO_AGREEMENT
    assert Document.objects.filter(owner_id=mediation.pk, kind=DocumentKind.NEUTRAL_NOTICE).count() == 1


def test_withdraw_is_for_parties_only(world: Any) -> None:
    mediation = in_session(world)
    with pytest.raises(AccessDenied):
        services.party_withdraw(
            actor=actor(world, Role.HR_ADVISER), mediation_id=mediation.pk, typed_name="x", today=TODAY
        )


def test_end_in_a_sick_report_case_creates_a_task_for_ba_and_cm_r085(world: Any) -> None:
    from werkvrede.sickness.tests.helpers import conflict_case, report

    case = conflict_case(world)
    add_case_role(world, case, Role.CASEMANAGER, CaseRole.CASEMANAGER)
    report(world, case)
    mediation = in_intake(world, case=case)
    services.mediator_end(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        typed_name=world.a.users[Role.MEDIATOR].full_name,
        today=TODAY,
    )
    mediation.refresh_from_db()
    assert mediation.followup_due_on == TODAY
    recipients = set(
        Notification.objects.filter(kind="MEDIATION_FOLLOWUP").values_list("recipient_id", flat=True)
    )
    assert recipients == {world.a.users[Role.OCCUPATIONAL_PHYSICIAN].pk, world.a.users[Role.CASEMANAGER].pk}
    assert AuditEvent.objects.filter(action="mediation.followup.created").exists()


# --- Withdrawal in every active state before the outcome (R-070, R-081; ADR 0115) ---


def _withdraw(world: Any, mediation: Any) -> None:
    wn = world.a.users[Role.EMPLOYEE]
    services.party_withdraw(
        actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk, typed_name=wn.full_name, today=TODAY
    )


def test_a_party_may_withdraw_while_still_referred_r070_r081(world: Any) -> None:
    from werkvrede.mediation.tests.helpers import referred

    mediation = referred(world)
    assert mediation.state == MediationState.REFERRED
    _withdraw(world, mediation)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_NO_AGREEMENT
    statement = latest("mediation.mediation", mediation.pk, DocumentKind.WITHDRAWAL_STATEMENT)
    assert statement is not None and statement.locked_at is not None
    notice = latest("mediation.mediation", mediation.pk, DocumentKind.NEUTRAL_NOTICE)
    assert notice is not None and "started_on" not in notice.content


def test_a_party_may_withdraw_while_paused_for_the_vp_r070_r077_r081(world: Any) -> None:
    mediation = in_intake(world)
    services.pause_for_vp(actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, today=TODAY)
    assert selectors.steps_for(
        actor(world, Role.EMPLOYEE), selectors.mediation_get_for(actor(world, Role.EMPLOYEE), mediation.pk)
    ) >= {"withdraw"}
    _withdraw(world, mediation)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_NO_AGREEMENT
    assert latest("mediation.mediation", mediation.pk, DocumentKind.NEUTRAL_NOTICE) is not None


def test_no_withdrawal_once_the_outcome_is_signed_near_miss(world: Any) -> None:
    mediation = in_session(world)
    doc = services.outcome_draft(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        data=services.OutcomeInput(kind="BEHAVIOUR_PLAN", points=["Wekelijks overleg"]),
        today=TODAY,
    )
    sign(world, mediation, doc, Role.EMPLOYEE)
    sign(world, mediation, doc, Role.LINE_MANAGER)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.OUTCOME_SIGNED
    with pytest.raises(NotPossible):
        _withdraw(world, mediation)
    mediation.refresh_from_db()
    assert mediation.state == MediationState.OUTCOME_SIGNED
