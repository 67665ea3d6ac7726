"""Step 1: referral, mediator and SOD-2, parties, intake (D11 sealed), voluntariness, track, pause."""

from __future__ import annotations

from typing import Any

import pytest

from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import CaseRole, TimelineEvent
from werkvrede.core.policy import AccessDenied, NotVisible
from werkvrede.core.refusals import Blocked, NotPossible
from werkvrede.core.roles import Role
from werkvrede.interventions.models import Intervention, InterventionKind, InterventionStatus
from werkvrede.mediation import selectors, services
from werkvrede.mediation.models import Mediation, MediationState, PartySide, TrackChange
from werkvrede.mediation.tests.helpers import (
    TODAY,
    actor,
    add_case_role,
    employee_case,
    in_intake,
    party,
    referred,
)
from werkvrede.vault.models import SealedContent

pytestmark = pytest.mark.django_db


def test_referral_takes_over_the_intervention_and_tells_the_case_only_the_status(world: Any) -> None:
    case = employee_case(world)
    referral = Intervention.objects.create(
        case=case, kind=InterventionKind.REFERRAL_MEDIATOR, created_by=world.a.users[Role.HR_ADVISER]
    )
    t = world.a
    mediation = services.mediation_refer(
        actor=actor(world, Role.HR_ADVISER),
        case_id=case.pk,
        data=services.ReferralInput(
            subject="Samenwerking",
            parties=[
                services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.OTHER),
            ],
            referral_id=referral.pk,
        ),
        today=TODAY,
    )
    assert mediation.state == MediationState.REFERRED
    assert mediation.referral_id == referral.pk
    referral.refresh_from_db()
    assert referral.status == InterventionStatus.RUNNING
    event = TimelineEvent.objects.get(case=case, kind="mediation.referred")
    assert set(event.data) == {"mediation"}
    with pytest.raises(NotPossible):
        services.mediation_refer(
            actor=actor(world, Role.HR_ADVISER),
            case_id=case.pk,
            data=services.ReferralInput(
                subject="x",
                parties=[
                    services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                    services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.OTHER),
                ],
                referral_id=referral.pk,
            ),
            today=TODAY,
        )


def test_only_referrers_may_refer(world: Any) -> None:
    case = employee_case(world)
    t = world.a
    data = services.ReferralInput(
        subject="x",
        parties=[
            services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
            services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.OTHER),
        ],
    )
    with pytest.raises(AccessDenied):
        services.mediation_refer(actor=actor(world, Role.EMPLOYEE), case_id=case.pk, data=data, today=TODAY)
    with pytest.raises(NotVisible):
        services.mediation_refer(
            actor=actor(world, Role.HR_ADVISER, "b"), case_id=case.pk, data=data, today=TODAY
        )


def test_direct_mediation_without_case_by_the_mediator(world: Any) -> None:
    t = world.a
    mediation = services.mediation_create_direct(
        actor=actor(world, Role.MEDIATOR),
        data=services.ReferralInput(
            subject="Conflict in de winkel",
            parties=[
                services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.EMPLOYER_REPRESENTATIVE),
            ],
        ),
        today=TODAY,
    )
    assert mediation.case_id is None
    assert mediation.mediator_id == t.users[Role.MEDIATOR].pk


def test_parties_must_be_members_and_include_the_employee(world: Any) -> None:
    t = world.a
    with pytest.raises(NotPossible):
        services.mediation_create_direct(
            actor=actor(world, Role.MEDIATOR),
            data=services.ReferralInput(
                subject="x",
                parties=[
                    services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                    services.PartyInput(world.b.users[Role.LINE_MANAGER].pk, PartySide.OTHER),
                ],
            ),
            today=TODAY,
        )


def test_sod2_blocks_a_mediator_with_another_role_in_the_case(world: Any) -> None:
    case = employee_case(world)
    add_case_role(world, case, Role.MEDIATOR, CaseRole.COMPANY_SOCIAL_WORKER)
    with pytest.raises(Blocked) as exc:
        referred(world, case=case)
    assert [f.code for f in exc.value.findings] == ["R-071"]


def test_assign_needs_the_mediator_role(world: Any) -> None:
    mediation = referred(world, mediator=False)
    with pytest.raises(NotPossible):
        services.mediator_assign(
            actor=actor(world, Role.HR_ADVISER),
            mediation_id=mediation.pk,
            mediator_id=world.a.users[Role.CASEMANAGER].pk,
            today=TODAY,
        )
    services.mediator_assign(
        actor=actor(world, Role.HR_ADVISER),
        mediation_id=mediation.pk,
        mediator_id=world.a.users[Role.MEDIATOR].pk,
        today=TODAY,
    )


def test_mediator_must_declare_impartiality_before_intake(world: Any) -> None:
    mediation = referred(world)
    med = actor(world, Role.MEDIATOR)
    data = services.IntakeInput(
        party_id=party(mediation, world, Role.EMPLOYEE).pk,
        held_on=TODAY,
        positions="p",
        interests="i",
        causes="c",
    )
    with pytest.raises(AccessDenied):
        services.intake_record(actor=med, mediation_id=mediation.pk, data=data, today=TODAY)
    services.impartiality_declare(actor=med, mediation_id=mediation.pk, today=TODAY)
    services.intake_record(actor=med, mediation_id=mediation.pk, data=data, today=TODAY)


def test_intake_is_sealed_and_read_by_the_mediator_and_the_party_only(world: Any) -> None:
    mediation = in_intake(world)
    assert mediation.state == MediationState.INTAKE
    for sealed in SealedContent.objects.filter(compartment="D11"):
        assert b"positie" not in bytes(sealed.ciphertext)
    med = actor(world, Role.MEDIATOR)
    opened = selectors.intakes_for(med, selectors.mediation_get_for(med, mediation.pk))
    assert {o.positions for o in opened} == {"positie WN", "positie LG"}
    wn = actor(world, Role.EMPLOYEE)
    own = selectors.intakes_for(wn, selectors.mediation_get_for(wn, mediation.pk))
    assert [o.positions for o in own] == ["positie WN"]
    reads = AuditEvent.objects.filter(action="audit.data.read", category="D11")
    assert reads.count() == 3
    subjects = {world.a.users[Role.EMPLOYEE].pk, world.a.users[Role.LINE_MANAGER].pk}
    assert {e.subject_id for e in reads} == subjects
    assert sorted(e.legal_basis for e in reads) == ["role:MED", "role:MED", "role:PARTY"]
    hr = actor(world, Role.HR_ADVISER)  # the referrer: status only
    assert selectors.intakes_for(hr, selectors.mediation_get_for(hr, mediation.pk)) == []


def test_a_party_saying_no_blocks_the_agreement_r070(world: Any) -> None:
    mediation = in_intake(world)
    services.willingness_record(
        actor=actor(world, Role.LINE_MANAGER), mediation_id=mediation.pk, willing=False, today=TODAY
    )
    p = party(mediation, world, Role.LINE_MANAGER)
    assert p.willing is False


def test_track_changes_are_logged_r078(world: Any) -> None:
    mediation = in_intake(world)
    med = actor(world, Role.MEDIATOR)
    services.track_set(actor=med, mediation_id=mediation.pk, track="RESTORATION", today=TODAY)
    services.track_set(actor=med, mediation_id=mediation.pk, track="EXIT", today=TODAY)
    assert [(c.from_track, c.to_track) for c in TrackChange.objects.filter(mediation=mediation)] == [
        ("", "RESTORATION"),
        ("RESTORATION", "EXIT"),
    ]


def test_pause_for_the_vp_and_resume_r077(world: Any) -> None:
    mediation = in_intake(world)
    med = actor(world, Role.MEDIATOR)
    paused = services.pause_for_vp(actor=med, mediation_id=mediation.pk, today=TODAY)
    assert paused.state == MediationState.PAUSED_VP_REFERRAL
    resumed = services.resume_after_vp(actor=med, mediation_id=mediation.pk, today=TODAY)
    assert resumed.state == MediationState.INTAKE


def test_other_tenant_and_unrelated_people_do_not_see_the_mediation(world: Any) -> None:
    mediation = referred(world)
    for who in (
        actor(world, Role.HR_ADVISER, "b"),
        actor(world, Role.CONFIDENTIAL_ADVISER),
        actor(world, Role.ADMIN),
    ):
        with pytest.raises(NotVisible):
            selectors.mediation_get_for(who, mediation.pk)
    assert selectors.mediations_for(actor(world, Role.MEDIATOR)) == [mediation]


def test_sod2_also_stops_a_mediator_who_gains_a_case_role_later(world: Any) -> None:
    mediation = in_intake(world)
    assert mediation.case is not None
    add_case_role(world, mediation.case, Role.MEDIATOR, CaseRole.COMPANY_SOCIAL_WORKER)
    with pytest.raises(Blocked) as exc:
        services.track_set(
            actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, track="EXIT", today=TODAY
        )
    assert [f.code for f in exc.value.findings] == ["R-071"]


def test_a_subject_over_the_limit_is_refused_not_cut(world: Any) -> None:
    """ADR 0126: text over a limit is refused with the limit named, never cut."""
    t = world.tenant("a")
    case = employee_case(world)
    with pytest.raises(NotPossible, match="200"):
        services.mediation_refer(
            actor=actor(world, Role.HR_ADVISER),
            case_id=case.pk,
            data=services.ReferralInput(
                subject="x" * 201,
                parties=[
                    services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                    services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.EMPLOYER_REPRESENTATIVE),
                ],
            ),
            today=TODAY,
        )
    assert not Mediation.objects.exists()
