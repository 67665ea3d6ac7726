"""Sick report in a conflict: employer part, bedrijfsarts steps 1-3, assessment and advice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.guideline_bridge import stored_case_situation
from werkvrede.cases.models import Case, CaseDeadline, TimelineEvent
from werkvrede.cases.policies import CaseAccess
from werkvrede.core.policy import AccessDenied, NotVisible
from werkvrede.core.refusals import Blocked, Invalid, MedicalTermsFound, NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.guideline import evaluate
from werkvrede.sickness import services
from werkvrede.sickness.forms import SickReportForm
from werkvrede.sickness.models import (
    R130_FIELDS,
    ConflictFinding,
    MedicalNote,
    SentAdvice,
    SickReport,
    WorkCapacityVerdict,
)
from werkvrede.sickness.policies import visible_fields
from werkvrede.sickness.selectors import capacity_grounds_for, medical_notes_for, section_access
from werkvrede.sickness.tests.helpers import (
    TODAY,
    as_role,
    conflict_case,
    consulted,
    finding,
    report,
    verdict,
)
from werkvrede.vault.services import unseal

R130 = {
    "phone",
    "address",
    "expected_duration",
    "ongoing_appointments",
    "ongoing_work",
    "safety_net_applies",
    "work_accident",
    "traffic_accident_liable_third_party",
}
DATES = {"first_sick_day", "notified_to_ba_on", "recovery_date"}


def test_the_employer_form_has_exactly_r130s_fields_plus_the_dates() -> None:
    assert set(R130_FIELDS) == R130
    assert set(SickReportForm.base_fields) == R130 | DATES | {"version"}
    forbidden = ("diagnos", "cause", "oorzaak", "treatment", "behandel", "medica", "pregnan", "zwanger")
    for model_field in SickReport._meta.concrete_fields:
        assert not any(word in model_field.name for word in forbidden)


def test_medical_words_block_the_employer_and_are_named(world: World) -> None:
    case = conflict_case(world)
    with pytest.raises(MedicalTermsFound) as caught:
        report(world, case, ongoing_work="Haar migraine maakt plannen lastig")
    assert caught.value.terms == {"ongoing_work": ("migraine",)}
    assert not SickReport.objects.exists()


def test_a_sick_report_is_audited_on_the_timeline_and_starts_the_poortwachter_timers(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = conflict_case(world)
    with django_capture_on_commit_callbacks(execute=True):
        sick = report(world, case, phone="06-12345678", safety_net_applies=False)
    assert sick.employee_id == world.a.users[Role.EMPLOYEE].pk
    assert sick.state == "NOTIFIED_TO_BA"
    event = AuditEvent.objects.get(action="sickness.report.created")
    assert event.object_id == str(sick.pk) and event.case_id == case.pk
    assert TimelineEvent.objects.filter(case=case, kind="sickness.reported").exists()
    codes = set(CaseDeadline.objects.filter(case=case).values_list("code", flat=True))
    assert {"T-01", "T-02"} <= codes
    # After the AO verdict the WVP timers run too.
    consulted(world, case)
    with django_capture_on_commit_callbacks(execute=True):
        verdict(world, case)
    codes = set(CaseDeadline.objects.filter(case=case).values_list("code", flat=True))
    assert {"T-03", "T-06", "T-13"} <= codes


def test_an_earlier_period_less_than_28_days_before_is_counted_with_it(world: World) -> None:
    case = conflict_case(world)
    report(world, case, first_sick_day=date(2025, 1, 6), recovery_date=date(2025, 2, 1))
    second = report(world, case, first_sick_day=date(2025, 2, 20))
    assert SickReport.objects.filter(case=case).count() == 2
    advice = evaluate(stored_case_situation(case, today=TODAY), today=TODAY)
    assert advice.aggregated_first_sick_day == date(2025, 1, 6)
    assert advice.sick_days_before_current_period == 26
    assert second.first_sick_day == date(2025, 2, 20)


def test_an_update_keeps_the_report_and_records_the_recovery(world: World) -> None:
    case = conflict_case(world)
    first = report(world, case)
    again = report(world, case, recovery_date=date(2025, 3, 18))
    assert again.pk == first.pk
    assert AuditEvent.objects.filter(action="sickness.report.updated").count() == 1


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OCCUPATIONAL_PHYSICIAN, Role.DELEGATED_PROFESSIONAL])
def test_only_employer_roles_write_the_sick_report(world: World, role: Role) -> None:
    case = conflict_case(world)
    with pytest.raises(AccessDenied):
        services.report_save(
            actor=as_role(world.a, role),
            case_id=case.pk,
            data=services.ReportInput(first_sick_day=date(2025, 3, 10)),
            today=TODAY,
            expected_version=0,
        )


def test_medical_notes_are_sealed_and_open_only_for_ba_td_and_the_employee(world: World) -> None:
    case = conflict_case(world)
    sick = report(world, case)
    consulted(world, case, note="Slaapt slecht sinds het conflict")
    note = MedicalNote.objects.get()
    assert b"Slaapt" not in bytes(note.sealed.ciphertext)
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.DELEGATED_PROFESSIONAL, Role.EMPLOYEE):
        reader = as_role(world.a, role)
        opened = medical_notes_for(reader, section_access(reader, case.pk), sick)
        assert opened[0].text == "Slaapt slecht sinds het conflict"
    reads = AuditEvent.objects.filter(action="audit.data.read", object_id=str(note.sealed_id))
    assert reads.count() == 3
    # NEN 7513: who read, about whom, in which case, which category, on which basis.
    assert {(e.category, e.case_id, e.subject_id) for e in reads} == {("D01", case.pk, sick.employee_id)}
    assert sorted(e.legal_basis for e in reads) == ["role:BA", "role:TD", "role:WN"]
    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.LINE_MANAGER, Role.ADMIN):
        with pytest.raises(AccessDenied):
            medical_notes_for(as_role(world.a, role), CaseAccess(case=case, case_roles=frozenset()), sick)


def test_the_steps_follow_sm2_and_the_variant_is_derived(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    with pytest.raises(Blocked):
        verdict(world, case)  # no consult yet (SM-2 row 5 from NOTIFIED_TO_BA is not a transition)
    assert consulted(world, case).state == "STEP1_CONSULTED"
    with pytest.raises(Blocked) as caught:
        finding(world, case)  # the verdict comes first
    assert "R-012" in {f.code for f in caught.value.findings}
    verdict(world, case, "AO")
    assert SickReport.objects.get().state == "STEP2_VERDICT"
    recorded = finding(world, case, conflict=True)
    assert recorded.variant == "B"
    assert SickReport.objects.get().state == "VARIANT_B"
    # A later NOT_AO verdict re-derives the variant: C.
    verdict(world, case, "NOT_AO")
    assert ConflictFinding.objects.get().variant == "C"
    assert SickReport.objects.get().state == "VARIANT_C"
    assert WorkCapacityVerdict.objects.count() == 2  # history kept
    assert AuditEvent.objects.filter(action="sickness.variant.derived").count() == 1


def test_a_not_ao_verdict_with_a_degree_is_refused_by_r013(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    with pytest.raises(Blocked) as caught:
        verdict(world, case, "NOT_AO", degree_pct=40)
    assert "R-013" in {f.code for f in caught.value.findings}


@pytest.mark.parametrize("role", [r for r in Role if r != Role.OCCUPATIONAL_PHYSICIAN])
def test_no_role_but_the_ba_records_or_changes_the_verdict(world: World, role: Role) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    with pytest.raises((AccessDenied, NotVisible)):
        services.verdict_record(
            actor=as_role(world.a, role),
            case_id=case.pk,
            data=services.VerdictInput("AO", 50, "", False, "", "", date(2025, 3, 12)),
            today=TODAY,
        )
    with pytest.raises((AccessDenied, NotVisible)):
        services.finding_record(
            actor=as_role(world.a, role), case_id=case.pk, conflict=True, recorded_on=TODAY, today=TODAY
        )
    assert not WorkCapacityVerdict.objects.exists()


def test_employer_roles_see_only_the_conclusion_of_d06_and_d07(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    ba = as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN)
    capacity = services.capacity_record(
        actor=ba,
        case_id=case.pk,
        data=services.CapacityInput(
            resilience="laag",
            problem_solving="matig",
            able_to_converse="NO_MEDICAL_GROUNDS",
            medical_grounds="ernstige klachten",
            review_date=date(2025, 4, 10),
            strengthening_advice="coaching",
        ),
    )
    diagnosis = services.diagnosis_record(
        actor=ba,
        case_id=case.pk,
        data=services.DiagnosisInput("EMPLOYEE_MANAGER", 4, "AVOIDING", "COMPETING", True),
    )
    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.LINE_MANAGER):
        actor = as_role(world.a, role)
        access = section_access(actor, case.pk)
        seen = visible_fields(actor, access, capacity)
        assert {"able_to_converse", "review_date", "strengthening_advice"} <= seen
        assert not {"medical_grounds", "resilience", "problem_solving"} & seen
        assert "style_employee" not in visible_fields(actor, access, diagnosis)
        assert "glasl_stage" in visible_fields(actor, access, diagnosis)
    # The medical grounds are sealed (D07 beyond R°, Refs #9): the employee and the BA open them.
    sealed = capacity.medical_grounds
    assert sealed is not None and b"ernstige" not in bytes(sealed.ciphertext)
    for role in (Role.EMPLOYEE, Role.OCCUPATIONAL_PHYSICIAN):
        reader = as_role(world.a, role)
        assert capacity_grounds_for(reader, section_access(reader, case.pk), capacity) == "ernstige klachten"
    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.LINE_MANAGER, Role.DELEGATED_PROFESSIONAL):
        reader = as_role(world.a, role)
        assert capacity_grounds_for(reader, section_access(reader, case.pk), capacity) is None
        with pytest.raises(AccessDenied):
            unseal(
                actor=reader,
                sealed=sealed,
                action="sickness.capacity_grounds.read",
                subjects=[None],
                basis="role:X",
            )


def test_not_able_to_converse_needs_grounds_and_a_review_date(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    with pytest.raises(Invalid) as caught:
        services.capacity_record(
            actor=as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN),
            case_id=case.pk,
            data=services.CapacityInput("", "", "NO_MEDICAL_GROUNDS", "", None, ""),
        )
    assert set(caught.value.errors) == {"medical_grounds", "review_date"}


def test_the_wp_and_other_professionals_do_not_see_the_sick_report(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    for role in (Role.MEDIATOR, Role.CONFIDENTIAL_ADVISER, Role.COMPANY_SOCIAL_WORKER, Role.ADMIN):
        with pytest.raises(NotVisible):
            section_access(as_role(world.a, role), case.pk)


# --- Advice ----------------------------------------------------------------------------------------


def advice_input(**changes: Any) -> services.AdviceInput:
    values: dict[str, Any] = {
        "kind": "REINTEGRATION",
        "content": ("REINTEGRATION", "CONVERSATION"),
        "resumption_condition": "NONE",
        "reintegration_condition": "NONE",
        "recommends_termination": False,
        "recommends_resignation": False,
        "not_able_to_converse": False,
        "not_able_medical_grounds": False,
        "review_date": None,
        "solution_direction": "Een gesprek met een derde erbij.",
        "text": "Opbouw van werk in drie weken.",
        "employer_recipients": ("HR",),
    }
    values.update(changes)
    return services.AdviceInput(**values)


def variant_b_case(world: World) -> Case:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    verdict(world, case, "AO")
    finding(world, case, True)
    return case


def send(world: World, case: Case, data: services.AdviceInput) -> SentAdvice:
    return services.advice_send(
        actor=as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN), case_id=case.pk, data=data, today=TODAY
    )


@pytest.fixture
def ba_override_warn_j(world: World) -> None:
    """The organisation's protocol lets the BA override BLOCK* with a justification (Q-3)."""
    from werkvrede.protocol.services import protocol_update

    protocol_update(
        actor=as_role(world.a, Role.ADMIN), values={"ba_override_mode": "WARN_J"}, expected_version=0
    )


def test_an_advice_conditional_on_the_conflict_is_blocked_by_default(world: World) -> None:
    case = variant_b_case(world)
    with pytest.raises(Blocked) as caught:
        send(world, case, advice_input(reintegration_condition="CONFLICT_RESOLVED"))
    assert {(f.code, f.severity.value) for f in caught.value.findings} >= {("R-030", "BLOCK*")}
    assert not SentAdvice.objects.exists()


def test_with_warn_j_the_ba_may_send_it_with_a_justification(world: World, ba_override_warn_j: None) -> None:
    case = variant_b_case(world)
    data = advice_input(reintegration_condition="CONFLICT_RESOLVED")
    with pytest.raises(NeedsAttention) as caught:
        send(world, case, data)
    assert "R-030" in caught.value.missing
    justified = dict.fromkeys(caught.value.missing, "Medisch noodzakelijk, zie dossier")
    advice = send(
        world, case, advice_input(reintegration_condition="CONFLICT_RESOLVED", justifications=justified)
    )
    assert "R-030" in advice.justifications
    event = AuditEvent.objects.get(action="sickness.advice.sent")
    assert "R-030" in event.data["justified"]
    assert "Medisch" not in str(event.data)


def test_warnings_need_an_acknowledgement(world: World) -> None:
    case = variant_b_case(world)
    data = advice_input(text="Pas als het conflict is opgelost kan zij terugkeren.")
    with pytest.raises(NeedsAttention) as caught:
        send(world, case, data)
    warned = [f.code for f in caught.value.findings if f.severity.value == "WARN"]
    assert "R-030" in warned
    needs_reason = {f.code: "reden" for f in caught.value.findings if f.severity.value == "WARN+J"}
    advice = send(
        world,
        case,
        advice_input(
            text="Pas als het conflict is opgelost kan zij terugkeren.",
            acknowledged=tuple(warned),
            justifications=needs_reason,
        ),
    )
    assert "R-030" in advice.acknowledged
    assert advice.recipients == ["HR", "WN"]


def test_a_sent_advice_cannot_be_changed(world: World) -> None:
    case = variant_b_case(world)
    with pytest.raises(NeedsAttention) as caught:
        send(world, case, advice_input())
    justified = {f.code: "reden" for f in caught.value.findings if f.severity.value == "WARN+J"}
    advice = send(world, case, advice_input(justifications=justified))
    advice.text = "anders"
    with pytest.raises(ValueError, match="cannot be changed"):
        advice.save()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.OCCUPATIONAL_PHYSICIAN])
def test_only_the_ba_sends_advice(world: World, role: Role) -> None:
    case = variant_b_case(world)
    with pytest.raises((AccessDenied, NotVisible)):
        services.advice_send(actor=as_role(world.a, role), case_id=case.pk, data=advice_input(), today=TODAY)


# --- Dates the guideline finds impossible are refused naming the field (#9 finding 6) ----------------


def test_a_verdict_dated_before_the_first_sick_day_is_refused_naming_the_field(world: World) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)
    with pytest.raises(Invalid) as caught:
        verdict(world, case, recorded_on=date(2025, 3, 9))
    assert set(caught.value.errors) == {"recorded_on"}
    assert not WorkCapacityVerdict.objects.filter(sick_report__case=case).exists()
    # The first sick day itself is a possible date (near miss).
    assert verdict(world, case, recorded_on=date(2025, 3, 10)).recorded_on == date(2025, 3, 10)


def test_a_notification_to_the_ba_before_the_first_sick_day_is_refused(world: World) -> None:
    case = conflict_case(world)
    with pytest.raises(Invalid) as caught:
        report(world, case, notified_to_ba_on=date(2025, 3, 9))
    assert set(caught.value.errors) == {"notified_to_ba_on"}
    assert not SickReport.objects.filter(case=case).exists()
    assert report(world, case, notified_to_ba_on=date(2025, 3, 10)).notified_to_ba_on == date(2025, 3, 10)


def test_moving_the_first_sick_day_after_the_consult_is_refused_and_the_case_still_opens(
    world: World,
) -> None:
    case = conflict_case(world)
    report(world, case)
    consulted(world, case)  # on 12 March
    with pytest.raises(Invalid) as caught:
        report(world, case, first_sick_day=date(2025, 3, 13), notified_to_ba_on=date(2025, 3, 13))
    assert set(caught.value.errors) == {"first_sick_day"}
    assert SickReport.objects.get(case=case).first_sick_day == date(2025, 3, 10)
    # The case's situation is still one the guideline can read.
    evaluate(stored_case_situation(Case.objects.get(pk=case.pk), today=TODAY), today=TODAY)
    moved = report(world, case, first_sick_day=date(2025, 3, 12), notified_to_ba_on=date(2025, 3, 12))
    assert moved.first_sick_day == date(2025, 3, 12)


def test_an_interventieperiode_longer_than_the_guideline_counts_is_refused_naming_the_field(
    world: World,
) -> None:
    """Found by `make fuzz`: 1,001 days passed the form and the API and broke the guideline check (500)."""
    case = variant_b_case(world)
    too_long = advice_input(ip_form="RELEASED_FROM_WORK", ip_start_on=TODAY, ip_days=1001)
    with pytest.raises(Invalid) as caught:
        send(world, case, too_long)
    assert set(caught.value.errors) == {"ip_days"}
    assert not SentAdvice.objects.filter(case=case).exists()
    # The guideline's largest count is possible (near miss): the advice is then judged on its content.
    longest = advice_input(ip_form="RELEASED_FROM_WORK", ip_start_on=TODAY, ip_days=1000)
    findings, _blocking = services.advice_check(
        actor=as_role(world.a, Role.OCCUPATIONAL_PHYSICIAN), case_id=case.pk, data=longest, today=TODAY
    )
    assert all(finding.subject != "ip_days" for finding in findings)
