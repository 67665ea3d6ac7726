"""Signal, intake, notes and participants of a conflict case (Refs issue #4)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases import services
from werkvrede.cases.models import CaseNote, CaseParticipant, CaseParty, CaseRole, CaseState, GlaslRecord
from werkvrede.cases.selectors import case_get_for, case_list_for, notes_for
from werkvrede.cases.tests.helpers import INTAKE, actor_of, signal
from werkvrede.core.policy import AccessDenied, NotVisible
from werkvrede.core.refusals import Blocked, MedicalTermsFound
from werkvrede.core.roles import Role


def _org(world: World) -> int:
    return world.a.organisation.pk


def test_an_employee_signals_a_conflict_and_takes_part_as_the_employee_party(world: World) -> None:
    employee = world.a.users[Role.EMPLOYEE]
    case = signal(employee, _org(world), other=world.a.memberships[Role.LINE_MANAGER])
    assert case.state == CaseState.SIGNALLED
    assert case.reference == "2025-0001"
    roles = set(CaseParticipant.objects.filter(case=case).values_list("user_id", "role"))
    assert roles == {
        (employee.pk, CaseRole.EMPLOYEE),
        (world.a.users[Role.LINE_MANAGER].pk, CaseRole.OTHER_PARTY),
    }
    party = CaseParty.objects.get(case=case, side=CaseParty.Side.EMPLOYEE)
    assert party.user == employee
    assert party.feels_obstructed  # the signaller feels obstructed
    assert AuditEvent.objects.filter(action="cases.case.signalled", object_id=str(case.pk)).exists()


def test_references_count_up_per_organisation_and_year(world: World) -> None:
    first = signal(world.a.users[Role.HR_ADVISER], _org(world), employee=world.a.memberships[Role.EMPLOYEE])
    second = signal(world.a.users[Role.HR_ADVISER], _org(world), employee=world.a.memberships[Role.EMPLOYEE])
    other_org = signal(
        world.b.users[Role.HR_ADVISER], world.b.organisation.pk, employee=world.b.memberships[Role.EMPLOYEE]
    )
    assert (first.reference, second.reference, other_org.reference) == ("2025-0001", "2025-0002", "2025-0001")


def test_a_signaller_cannot_name_a_person_of_another_organisation(world: World) -> None:
    with pytest.raises(NotVisible):
        signal(world.a.users[Role.HR_ADVISER], _org(world), employee=world.b.memberships[Role.EMPLOYEE])


@pytest.mark.parametrize(
    "role", [Role.ADMIN, Role.MEDIATOR, Role.CONFIDENTIAL_ADVISER, Role.DELEGATED_PROFESSIONAL]
)
def test_only_the_roles_of_sm1_row_1_may_signal(world: World, role: Role) -> None:
    with pytest.raises(AccessDenied):
        signal(world.a.users[role], _org(world), employee=world.a.memberships[Role.EMPLOYEE])


def test_the_employer_side_cannot_write_medical_words_r131(world: World) -> None:
    with pytest.raises(MedicalTermsFound) as caught:
        signal(
            world.a.users[Role.LINE_MANAGER], _org(world), employee=world.a.memberships[Role.EMPLOYEE],
            description="Sanne heeft hartkloppingen en een burn-out",
        )  # fmt: skip
    assert "hartkloppingen" in caught.value.terms["description"]
    assert not CaseParty.objects.exists()


def test_the_employee_may_describe_their_own_situation_in_their_own_words(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world), description="Ik slaap slecht door het gedoe")
    assert CaseNote.objects.get(case=case).text == "Ik slaap slecht door het gedoe"


def test_intake_without_domains_is_blocked_by_r002_and_changes_nothing(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    hr = actor_of(world.a.users[Role.HR_ADVISER], _org(world))
    data = services.IntakeInput(**{**INTAKE.__dict__, "domains": ()})
    with pytest.raises(Blocked) as caught:
        services.case_complete_intake(actor=hr, case_id=case.pk, data=data, today=date(2025, 3, 5))
    assert [f.code for f in caught.value.findings] == ["R-002"]
    case.refresh_from_db()
    assert case.state == CaseState.SIGNALLED
    assert case.domains == []


def test_intake_without_configuration_is_blocked_by_r003(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    hr = actor_of(world.a.users[Role.HR_ADVISER], _org(world))
    data = services.IntakeInput(**{**INTAKE.__dict__, "configuration": ""})
    with pytest.raises(Blocked) as caught:
        services.case_complete_intake(actor=hr, case_id=case.pk, data=data, today=date(2025, 3, 5))
    assert [f.code for f in caught.value.findings] == ["R-003"]


def test_a_complete_intake_moves_to_intake_and_keeps_the_glasl_history(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    hr = actor_of(world.a.users[Role.HR_ADVISER], _org(world))
    services.case_complete_intake(actor=hr, case_id=case.pk, data=INTAKE, today=date(2025, 3, 5))
    services.glasl_record(actor=hr, case_id=case.pk, stage=5, conflict_type="EMPLOYEE_MANAGER")
    case.refresh_from_db()
    assert case.state == CaseState.INTAKE
    assert case.domains == ["RELATIONS", "TERMS"]
    assert case.intake_completed_on == date(2025, 3, 5)
    assert list(GlaslRecord.objects.filter(case=case).values_list("stage", flat=True)) == [
        5,
        3,
    ]  # newest first
    assert list(case.timeline.values_list("kind", flat=True)) == [
        "case.signalled",
        "case.intake_completed",
        "glasl.recorded",
    ]


def test_a_second_intake_is_refused_by_the_state_machine(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    hr = actor_of(world.a.users[Role.HR_ADVISER], _org(world))
    services.case_complete_intake(actor=hr, case_id=case.pk, data=INTAKE, today=date(2025, 3, 5))
    with pytest.raises(Blocked) as caught:
        services.case_complete_intake(actor=hr, case_id=case.pk, data=INTAKE, today=date(2025, 3, 6))
    assert caught.value.findings[0].code == "SM-1"


@pytest.mark.parametrize("role", [Role.CASEMANAGER, Role.EMPLOYEE, Role.LINE_MANAGER])
def test_only_hr_records_the_intake(world: World, role: Role) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world), other=world.a.memberships[Role.LINE_MANAGER])
    with pytest.raises(AccessDenied):
        services.case_complete_intake(
            actor=actor_of(world.a.users[role], _org(world)),
            case_id=case.pk,
            data=INTAKE,
            today=date(2025, 3, 5),
        )


def test_who_sees_which_case(world: World) -> None:
    """HR and CM see the organisation's cases; others only cases they take part in (D05)."""
    own = signal(world.a.users[Role.EMPLOYEE], _org(world), other=world.a.memberships[Role.LINE_MANAGER])
    unrelated = signal(world.a.users[Role.HR_ADVISER], _org(world), employee=None)
    expected = {
        Role.HR_ADVISER: {own.pk, unrelated.pk},
        Role.CASEMANAGER: {own.pk, unrelated.pk},
        Role.EMPLOYEE: {own.pk},
        Role.LINE_MANAGER: {own.pk},
        Role.OCCUPATIONAL_PHYSICIAN: set(),
        Role.DELEGATED_PROFESSIONAL: set(),
        Role.MEDIATOR: set(),
        Role.CONFIDENTIAL_ADVISER: set(),
        Role.COMPANY_SOCIAL_WORKER: set(),
        Role.ADMIN: set(),
    }
    for role, case_ids in expected.items():
        actor = actor_of(world.a.users[role], _org(world))
        assert set(case_list_for(actor).values_list("pk", flat=True)) == case_ids, role
    outsider = actor_of(world.b.users[Role.HR_ADVISER], world.b.organisation.pk)
    assert not case_list_for(outsider).exists()
    with pytest.raises(NotVisible):
        case_get_for(outsider, own.pk)


def test_a_professional_given_a_role_in_the_case_can_open_it(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    physician = actor_of(world.a.users[Role.OCCUPATIONAL_PHYSICIAN], _org(world))
    with pytest.raises(NotVisible):
        case_get_for(physician, case.pk)
    hr = actor_of(world.a.users[Role.HR_ADVISER], _org(world))
    services.participant_add(
        actor=hr,
        case_id=case.pk,
        membership_id=world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
        role="BA",
    )
    assert case_get_for(physician, case.pk).case_roles == frozenset({"BA"})


def test_a_role_in_the_case_must_fit_the_persons_role_in_the_organisation(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    hr = actor_of(world.a.users[Role.HR_ADVISER], _org(world))
    with pytest.raises(ValueError, match="no role"):
        services.participant_add(
            actor=hr, case_id=case.pk, membership_id=world.a.memberships[Role.EMPLOYEE].pk, role="BA"
        )


def test_notes_are_read_exactly_as_their_visibility_says(world: World) -> None:
    employee = world.a.users[Role.EMPLOYEE]
    case = signal(employee, _org(world), other=world.a.memberships[Role.LINE_MANAGER])
    wn = actor_of(employee, _org(world))
    for visibility in CaseNote.Visibility.values:
        services.note_add(actor=wn, case_id=case.pk, text=f"MARKER-{visibility}", visibility=visibility)
    readers = {
        Role.EMPLOYEE: {"PRIVATE", "HANDLERS", "SHARED"},
        Role.HR_ADVISER: {"HANDLERS", "SHARED"},
        Role.CASEMANAGER: {"HANDLERS", "SHARED"},
        Role.LINE_MANAGER: {"SHARED"},  # the other party in this case
    }
    for role, visible in readers.items():
        actor = actor_of(world.a.users[role], _org(world))
        texts = {n.text for n in notes_for(actor, case_get_for(actor, case.pk))}
        assert texts == {f"MARKER-{v}" for v in visible}, role


def test_the_casemanager_reads_but_does_not_write_accounts(world: World) -> None:
    case = signal(world.a.users[Role.EMPLOYEE], _org(world))
    cm = actor_of(world.a.users[Role.CASEMANAGER], _org(world))
    with pytest.raises(AccessDenied):
        services.note_add(actor=cm, case_id=case.pk, text="x", visibility="SHARED")
