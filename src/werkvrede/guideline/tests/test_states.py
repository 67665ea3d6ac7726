"""State machines SM-1…SM-8: tables, refused transitions, guards that return blocking findings."""

import pytest

from werkvrede.guideline.parse import parse_situation
from werkvrede.guideline.states import MACHINES, NEW, transition
from werkvrede.guideline.tests.builders import (
    LEAVE_ON,
    conflict,
    ip,
    leave,
    mediation,
    sit,
    termination,
    variant,
)


def test_every_target_is_a_state_of_its_machine() -> None:
    for m in MACHINES.values():
        for t in m.transitions:
            assert t.target in (*m.states, "", "VARIANT_*"), (m.code, t.row)
            for src in t.sources:
                assert src in (*m.states, NEW, "*"), (m.code, t.row, src)


def test_unlisted_transition_is_refused() -> None:
    s = parse_situation(sit())
    r = transition("SM-3", "PROPOSED", "start_reached", s, today=None)
    assert not r.allowed
    assert r.findings[0].code == "SM-3"
    assert r.findings[0].severity == "BLOCK"


def test_sm3_activation_guarded_by_r043_and_r044() -> None:
    blocked = parse_situation(sit(intervention_periods=[ip(employer_approved_on=None, appointment=None)]))
    r = transition(
        "SM-3", "APPOINTMENT_PLANNED", "start_reached", blocked, today=None, subject="intervention_periods[0]"
    )
    assert not r.allowed
    assert {f.code for f in r.findings} == {"R-043", "R-044"}
    ok = parse_situation(sit(intervention_periods=[ip()]))
    r = transition(
        "SM-3", "APPOINTMENT_PLANNED", "start_reached", ok, today=None, subject="intervention_periods[0]"
    )
    assert r.allowed and r.target == "ACTIVE" and r.findings == ()


def test_sm3_extension_beyond_14_days_blocked() -> None:
    s = parse_situation(sit(intervention_periods=[ip(extension_end_on="2025-09-29", extension_reason="x")]))
    r = transition("SM-3", "ACTIVE", "extension_requested", s, today=None)
    assert not r.allowed and {f.code for f in r.findings} == {"R-041"}


def test_sm2_variant_target_is_derived() -> None:
    for v, target in (("A", "VARIANT_A"), ("B", "VARIANT_B"), ("C", "VARIANT_C"), ("NONE", "NO_VARIANT")):
        s = parse_situation(sit(sick_report=variant(v)))
        r = transition("SM-2", "STEP2_VERDICT", "conflict_finding_recorded", s, today=None)
        assert r.allowed and r.target == target


def test_sm4_eligibility() -> None:
    s = parse_situation(sit(conflict_leave_requests=[leave()]))
    r = transition("SM-4", "REQUESTED", "eligibility_check", s, today=None)
    assert not r.allowed and {f.code for f in r.findings} == {"R-050"}
    s = parse_situation(sit(tenant=LEAVE_ON, conflict_leave_requests=[leave()]))
    assert transition("SM-4", "REQUESTED", "eligibility_check", s, today=None).allowed


def test_sm5_first_session_needs_signed_agreement() -> None:
    s = parse_situation(sit(mediation=mediation(agreement=None, sessions=["2025-09-08"])))
    r = transition("SM-5", "AGREEMENT_SIGNED", "first_session", s, today=None)
    assert not r.allowed and {f.code for f in r.findings} == {"R-072"}


def test_sm1_mediation_held_by_r100() -> None:
    s = parse_situation(sit(conflict=conflict(undesirable_behaviour={"categories": ["SEXUAL_HARASSMENT"]})))
    r = transition("SM-1", "INTAKE", "mediation_started", s, today=None)
    assert not r.allowed and {f.code for f in r.findings} == {"R-100"}


@pytest.mark.parametrize(("received", "allowed"), [("2025-09-15", True), ("2025-09-16", False)])
def test_sm5t_dissolution_within_the_term(received: str, allowed: bool) -> None:
    s = parse_situation(sit(termination_agreements=[termination(dissolution={"received_on": received})]))
    assert transition("SM-5T", "COOLING_OFF", "dissolution_received", s, today=None).allowed is allowed


def test_allowed_events() -> None:
    assert MACHINES["SM-3"].allowed_events(None) == ("proposed",)
    assert "close" in MACHINES["SM-1"].allowed_events("RESOLVED_EXIT")
    assert MACHINES["SM-1"].allowed_events("CLOSED") == ()
