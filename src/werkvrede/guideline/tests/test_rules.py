"""Every implemented rule: a case where it fires and a near miss where it must not (docs/rules.md, rules)."""

from typing import Any

import pytest

from werkvrede.guideline.tests.builders import (
    ALL_CHECKLIST,
    ALL_CLAUSES,
    FSD,
    LEAVE_ON,
    TODAY,
    advice,
    cfinding,
    conflict,
    d,
    has,
    ip,
    ip_advice,
    leave,
    mediation,
    run,
    sick,
    sit,
    termination,
    variant,
    verdict,
)

ALL_ITEMS = [
    "CONFLICT_PER_DEFINITION",
    "TYPE_AND_PHASE",
    "STYLES_BOTH_PARTIES",
    "RESILIENCE_AND_PROBLEM_SOLVING",
    "INTERVENTION_PERIOD_INDICATED",
    "OCCUPATIONAL_DISEASE",
    "WORK_CAPACITY",
    "ADAPTED_WORK",
    "ABLE_TO_CONVERSE",
]
BREACH = [
    "CONSENT_SOUGHT",
    "SERIOUS_DILEMMA",
    "NO_OTHER_WAY",
    "NEAR_CERTAIN_SERIOUS_HARM",
    "DISCLOSURE_PREVENTS_HARM",
    "MELDER_INFORMED",
    "REFERRED_TO_OTHER_VP",
    "VP_CAN_JUSTIFY",
]

# (id, situation, code, severity or None, expected to fire)
CASES: list[tuple[str, dict[str, Any], str, str | None, bool]] = [
    # 5-A conflict
    ("R-001 asymmetric", sit(conflict=conflict(acknowledged_by_other=False)), "R-001", "INFO", True),
    ("R-001 acknowledged", sit(conflict=conflict(acknowledged_by_other=True)), "R-001", None, False),
    (
        "R-002 no domain",
        sit(conflict=conflict(intake_completed=True, configuration="GROUP_GROUP")),
        "R-002",
        "BLOCK",
        True,
    ),
    ("R-002 domain", sit(conflict=conflict(intake_completed=True, domains=["TERMS"])), "R-002", None, False),
    ("R-002 intake open", sit(conflict=conflict()), "R-002", None, False),
    (
        "R-003 no configuration",
        sit(conflict=conflict(intake_completed=True, domains=["TERMS"])),
        "R-003",
        "BLOCK",
        True,
    ),
    (
        "R-003 other organisation",
        sit(
            conflict=conflict(
                intake_completed=True,
                domains=["TERMS"],
                configuration="INDIVIDUAL_GROUP",
                same_organisation=False,
            )
        ),
        "R-003",
        "BLOCK",
        True,
    ),
    (
        "R-003 configured",
        sit(conflict=conflict(intake_completed=True, domains=["TERMS"], configuration="INDIVIDUAL_GROUP")),
        "R-003",
        None,
        False,
    ),
    (
        "R-005 signal 30 days ago",
        sit(conflict=conflict(escalation_signals=[{"kind": "INCIDENTS_INCREASING", "on": d(TODAY, -30)}])),
        "R-005",
        "INFO",
        True,
    ),
    (
        "R-005 signal 31 days ago",
        sit(conflict=conflict(escalation_signals=[{"kind": "INCIDENTS_INCREASING", "on": d(TODAY, -31)}])),
        "R-005",
        None,
        False,
    ),
    ("R-006 sick with conflict", sit(conflict=conflict(), sick_report=sick()), "R-006", "INFO", True),
    ("R-006 sick without conflict", sit(sick_report=sick()), "R-006", None, False),
    ("R-007 signalled", sit(sick_report=sick(conflict_signalled=True)), "R-007", "INFO", True),
    ("R-007 not signalled", sit(sick_report=sick()), "R-007", None, False),
    # 5-B sick report and BA
    ("R-010 notified day 7", sit(sick_report=sick(notified_to_ba_on=d(FSD, 7))), "R-010", None, False),
    ("R-010 notified day 8", sit(sick_report=sick(notified_to_ba_on=d(FSD, 8))), "R-010", "WARN", True),
    (
        "R-010 pending day 7",
        sit(today=d(FSD, 7), sick_report=sick(notified_to_ba_on=None)),
        "R-010",
        None,
        False,
    ),
    (
        "R-010 pending day 8",
        sit(today=d(FSD, 8), sick_report=sick(notified_to_ba_on=None)),
        "R-010",
        "WARN",
        True,
    ),
    (
        "R-011 consult day 7",
        sit(sick_report=sick(conflict_signalled=True, consult_on=d(FSD, 7))),
        "R-011",
        None,
        False,
    ),
    (
        "R-011 consult day 8",
        sit(sick_report=sick(conflict_signalled=True, consult_on=d(FSD, 8))),
        "R-011",
        "WARN",
        True,
    ),
    ("R-011 no conflict", sit(sick_report=sick(consult_on=d(FSD, 9))), "R-011", None, False),
    (
        "R-012 finding without verdict",
        sit(sick_report=sick(conflict_finding=cfinding())),
        "R-012",
        "BLOCK",
        True,
    ),
    (
        "R-012 finding before verdict",
        sit(
            sick_report=sick(
                verdict=verdict(recorded_on=d(FSD, 3)), conflict_finding=cfinding(recorded_on=d(FSD, 2))
            )
        ),
        "R-012",
        "BLOCK",
        True,
    ),
    ("R-012 same day", sit(sick_report=variant("B")), "R-012", None, False),
    (
        "R-013 degree with NOT_AO",
        sit(sick_report=sick(verdict=verdict("NOT_AO", degree_pct=50))),
        "R-013",
        "BLOCK",
        True,
    ),
    (
        "R-013 degree with AO",
        sit(sick_report=sick(verdict=verdict("AO", degree_pct=50))),
        "R-013",
        None,
        False,
    ),
    ("R-014 typed differs", sit(sick_report=variant("B", claimed_variant="A")), "R-014", "BLOCK", True),
    ("R-014 typed equals", sit(sick_report=variant("B", claimed_variant="B")), "R-014", None, False),
    ("R-015 variant A", sit(sick_report=variant("A")), "R-015", "INFO", True),
    ("R-015 variant B", sit(sick_report=variant("B")), "R-015", None, False),
    (
        "R-016 B notes only",
        sit(sick_report=variant("B", conflict_advice_recorded_in="NOTES_ONLY")),
        "R-016",
        "BLOCK*",
        True,
    ),
    (
        "R-016 B in PA update",
        sit(sick_report=variant("B", conflict_advice_recorded_in="PA_UPDATE")),
        "R-016",
        None,
        False,
    ),
    (
        "R-016 A notes only",
        sit(sick_report=variant("A", conflict_advice_recorded_in="NOTES_ONLY")),
        "R-016",
        None,
        False,
    ),
    ("R-017 verdict by CM", sit(sick_report=sick(verdict=verdict(author_role="CM"))), "R-017", "BLOCK", True),
    (
        "R-017 self-assessed",
        sit(sick_report=sick(verdict=verdict(self_assessed=True))),
        "R-017",
        "BLOCK",
        True,
    ),
    ("R-017 verdict by BA", sit(sick_report=sick(verdict=verdict())), "R-017", None, False),
    ("R-018 verdict by TD", sit(sick_report=sick(verdict=verdict(author_role="TD"))), "R-018", "BLOCK", True),
    (
        "R-017 verdict by TD too",
        sit(sick_report=sick(verdict=verdict(author_role="TD"))),
        "R-017",
        "BLOCK",
        True,
    ),
    (
        "R-018 verdict by CM is R-017 only",
        sit(sick_report=sick(verdict=verdict(author_role="CM"))),
        "R-018",
        None,
        False,
    ),
    ("R-018 verdict by BA", sit(sick_report=sick(verdict=verdict())), "R-018", None, False),
    (
        "R-018 TD advises mediation without delegation",
        sit(sick_report=variant("C"), ba_advice=[advice(author_role="TD", content=["MEDIATION"])]),
        "R-018",
        "BLOCK",
        True,
    ),
    (
        "R-018 TD with delegation and BA consultation",
        sit(
            sick_report=variant("C"),
            ba_advice=[
                advice(
                    author_role="TD",
                    content=["MEDIATION"],
                    delegation_agreement=True,
                    prior_ba_consultation=True,
                )
            ],
        ),
        "R-018",
        None,
        False,
    ),
    (
        "R-018 TD conflict finding",
        sit(sick_report=sick(verdict=verdict(), conflict_finding=cfinding(author_role="TD"))),
        "R-018",
        "BLOCK",
        True,
    ),
    (
        "R-019 PA without personal contact",
        sit(sick_report=variant("A", problem_analysis={"on": d(FSD, 30), "personal_contact": False})),
        "R-019",
        "BLOCK",
        True,
    ),
    (
        "R-019 PA by TD",
        sit(
            sick_report=variant(
                "A", problem_analysis={"on": d(FSD, 30), "author_role": "TD", "personal_contact": True}
            )
        ),
        "R-019",
        "BLOCK",
        True,
    ),
    (
        "R-019 PA by BA in person",
        sit(sick_report=variant("A", problem_analysis={"on": d(FSD, 30), "personal_contact": True})),
        "R-019",
        None,
        False,
    ),
    (
        "R-019 actueel oordeel by TD",
        sit(sick_report=variant("A", current_assessment_author="TD")),
        "R-019",
        "BLOCK",
        True,
    ),
    (
        "R-020 D01 to employer",
        sit(sick_report=variant("B"), ba_advice=[advice(disclosed_categories=["D03", "D01"])]),
        "R-020",
        "BLOCK",
        True,
    ),
    (
        "R-020 D03 to employer",
        sit(sick_report=variant("B"), ba_advice=[advice(disclosed_categories=["D03", "D04"])]),
        "R-020",
        None,
        False,
    ),
    (
        "R-021 employer only",
        sit(sick_report=variant("B"), ba_advice=[advice(recipients=["HR"])]),
        "R-021",
        "BLOCK",
        True,
    ),
    (
        "R-021 employer and employee",
        sit(sick_report=variant("B"), ba_advice=[advice(recipients=["HR", "WN"])]),
        "R-021",
        None,
        False,
    ),
    (
        "R-021 employee only",
        sit(sick_report=variant("B"), ba_advice=[advice(recipients=["WN"])]),
        "R-021",
        None,
        False,
    ),
    ("R-022 checklist missing", sit(sick_report=variant("B"), ba_advice=[advice()]), "R-022", "WARN+J", True),
    (
        "R-022 checklist complete",
        sit(sick_report=variant("B"), assessment={"answered": ALL_ITEMS}, ba_advice=[advice()]),
        "R-022",
        None,
        False,
    ),
    (
        "R-022 one item N/A with reason",
        sit(
            sick_report=variant("B"),
            assessment={"answered": ALL_ITEMS[:-1], "not_applicable": ["ABLE_TO_CONVERSE"]},
            ba_advice=[advice()],
        ),
        "R-022",
        None,
        False,
    ),
    (
        "R-023 employer view missing",
        sit(sick_report=variant("B"), ba_advice=[advice(employer_view_in_file=False)]),
        "R-023",
        "WARN+J",
        True,
    ),
    (
        "R-023 both views",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(employer_view_in_file=True, employee_view_in_file=True)],
        ),
        "R-023",
        None,
        False,
    ),
    ("R-024 variant C", sit(sick_report=variant("C")), "R-024", "INFO", True),
    ("R-024 variant A", sit(sick_report=variant("A")), "R-024", None, False),
    (
        "R-025 GP info without consent",
        sit(sick_report=sick(gp_information_received=True)),
        "R-025",
        "BLOCK",
        True,
    ),
    (
        "R-025 GP info with consent",
        sit(sick_report=sick(gp_information_received=True, gp_information_consent=True)),
        "R-025",
        None,
        False,
    ),
    ("R-026 disputed", sit(sick_report=variant("A", verdict_disputed=True)), "R-026", "INFO", True),
    (
        "R-026 same BA second opinion",
        sit(sick_report=variant("A", second_opinion_same_ba=True)),
        "R-026",
        "BLOCK",
        True,
    ),
    ("R-026 not disputed", sit(sick_report=variant("A")), "R-026", None, False),
    ("R-027 disputed", sit(sick_report=variant("A", verdict_disputed=True)), "R-027", "INFO", True),
    ("R-028 NOT_AO", sit(sick_report=variant("C")), "R-028", "INFO", True),
    ("R-028 AO", sit(sick_report=variant("B")), "R-028", None, False),
    # 5-C advice validation
    (
        "R-030 reintegration after conflict",
        sit(sick_report=variant("B"), ba_advice=[advice(reintegration_condition="CONFLICT_RESOLVED")]),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 resumption after conflict",
        sit(sick_report=variant("C"), ba_advice=[advice(resumption_condition="CONFLICT_RESOLVED")]),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 no condition",
        sit(sick_report=variant("B"), ba_advice=[advice(reintegration_condition="NONE")]),
        "R-030",
        None,
        False,
    ),
    (
        "R-030 free-text phrase",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Werk hervatten pas als het conflict is opgelost.")],
        ),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 free text English phrase",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Return only after the conflict is resolved.")],
        ),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 free text: resumption after resolution (nl)",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Hervatting na oplossing van het conflict.")],
        ),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 free text: return after settlement (en)",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Return to work after the conflict has been settled.")],
        ),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 free text: 'pas weer aan het werk'",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Pas weer aan het werk als het conflict is opgelost.")],
        ),
        "R-030",
        "BLOCK*",
        True,
    ),
    (
        "R-030 free text: condition without work is a hint",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Eerst het conflict oplossen.")]),
        "R-030",
        "WARN",
        True,
    ),
    (
        "R-030 free text: 'only once' without work is a hint",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Only once the conflict is resolved.")]),
        "R-030",
        "WARN",
        True,
    ),
    (
        "R-030 near-miss: conflict discussed in parallel",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Het conflict wordt parallel besproken.")]),
        "R-030",
        None,
        False,
    ),
    (
        "R-030 near-miss: re-integration alongside mediation",
        sit(
            sick_report=variant("B"), ba_advice=[advice(free_text="Re-integratie start nu, naast mediation.")]
        ),
        "R-030",
        None,
        False,
    ),
    (
        "R-030 near-miss: working on a solution",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Na het gesprek wordt gewerkt aan een oplossing voor het conflict.")],
        ),
        "R-030",
        None,
        False,
    ),
    (
        "R-030 near-miss: not waiting",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Werk niet pas na oplossing van het conflict hervatten.")],
        ),
        "R-030",
        None,
        False,
    ),
    (
        "R-033 free text: vaststellingsovereenkomst",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Ik adviseer een vaststellingsovereenkomst.")],
        ),
        "R-033",
        "BLOCK*",
        True,
    ),
    (
        "R-033 free text: uit elkaar gaan",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Partijen kunnen beter uit elkaar gaan.")]),
        "R-033",
        "BLOCK*",
        True,
    ),
    (
        "R-033 free text: advise to resign",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="I advise the employee to resign.")]),
        "R-033",
        "BLOCK*",
        True,
    ),
    (
        "R-033 free text: termination agreement",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="A termination agreement seems best.")]),
        "R-033",
        "BLOCK*",
        True,
    ),
    (
        "R-033 near-miss: taking up work again",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(free_text="Het werk weer opnemen; taken uit elkaar halen.")],
        ),
        "R-033",
        None,
        False,
    ),
    (
        "R-030 neutral free text",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Start met 2 uur per dag.")]),
        "R-030",
        None,
        False,
    ),
    (
        "R-031 NOT_AO graded return",
        sit(sick_report=variant("C"), ba_advice=[advice(content=["GRADED_RETURN"])]),
        "R-031",
        "BLOCK*",
        True,
    ),
    (
        "R-031 NOT_AO expectation",
        sit(sick_report=variant("C"), ba_advice=[advice(content=["WORK_EXPECTATION", "CONVERSATION"])]),
        "R-031",
        None,
        False,
    ),
    (
        "R-031 IP without heavy emotions",
        sit(
            sick_report=variant("C"),
            ba_advice=[ip_advice() | {"heavy_emotions_or_imminent_complaints": False}],
        ),
        "R-031",
        "BLOCK*",
        True,
    ),
    (
        "R-031 IP with heavy emotions",
        sit(
            sick_report=variant("C"),
            ba_advice=[ip_advice() | {"heavy_emotions_or_imminent_complaints": True}],
        ),
        "R-031",
        None,
        False,
    ),
    (
        "R-031 AO graded return",
        sit(sick_report=variant("B"), ba_advice=[advice(content=["GRADED_RETURN"])]),
        "R-031",
        None,
        False,
    ),
    (
        "R-032 no medical grounds",
        sit(sick_report=variant("B"), ba_advice=[advice(not_able_to_converse=True, review_date=d(FSD, 30))]),
        "R-032",
        "BLOCK*",
        True,
    ),
    (
        "R-032 no review date",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(not_able_to_converse=True, not_able_medical_grounds=True)],
        ),
        "R-032",
        "BLOCK*",
        True,
    ),
    (
        "R-032 grounds and review: warn only",
        sit(
            sick_report=variant("B"),
            ba_advice=[
                advice(not_able_to_converse=True, not_able_medical_grounds=True, review_date=d(FSD, 46))
            ],
        ),
        "R-032",
        "BLOCK*",
        False,
    ),
    (
        "R-032 always warns",
        sit(
            sick_report=variant("B"),
            ba_advice=[
                advice(not_able_to_converse=True, not_able_medical_grounds=True, review_date=d(FSD, 46))
            ],
        ),
        "R-032",
        "WARN",
        True,
    ),
    ("R-032 not claimed", sit(sick_report=variant("B"), ba_advice=[advice()]), "R-032", None, False),
    (
        "R-033 termination",
        sit(sick_report=variant("C"), ba_advice=[advice(recommends_termination=True)]),
        "R-033",
        "BLOCK*",
        True,
    ),
    (
        "R-033 resignation",
        sit(sick_report=variant("C"), ba_advice=[advice(recommends_resignation=True)]),
        "R-033",
        "BLOCK*",
        True,
    ),
    ("R-033 neither", sit(sick_report=variant("C"), ba_advice=[advice()]), "R-033", None, False),
    (
        "R-034 B without conflict",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(addresses_conflict=False, addresses_reintegration=True)],
        ),
        "R-034",
        "BLOCK*",
        True,
    ),
    (
        "R-034 B talks wait for recovery",
        sit(sick_report=variant("B"), ba_advice=[advice(conversation_condition="FULL_RECOVERY")]),
        "R-034",
        "BLOCK*",
        True,
    ),
    (
        "R-034 B both",
        sit(
            sick_report=variant("B"),
            ba_advice=[advice(addresses_conflict=True, addresses_reintegration=True)],
        ),
        "R-034",
        None,
        False,
    ),
    (
        "R-034 C without conflict",
        sit(sick_report=variant("C"), ba_advice=[advice(addresses_conflict=False)]),
        "R-034",
        None,
        False,
    ),
    (
        "R-035 IP advised while AO",
        sit(sick_report=variant("B"), ba_advice=[ip_advice()]),
        "R-035",
        "BLOCK",
        True,
    ),
    ("R-035 IP advised NOT_AO", sit(sick_report=variant("C"), ba_advice=[ip_advice()]), "R-035", None, False),
    (
        "R-035 IP record by BA while AO",
        sit(sick_report=variant("B"), intervention_periods=[ip()]),
        "R-035",
        "BLOCK",
        True,
    ),
    (
        "R-036 no contact person",
        sit(sick_report=variant("C"), ba_advice=[ip_advice(contact_person=None)]),
        "R-036",
        "BLOCK",
        True,
    ),
    (
        "R-036 employer only",
        sit(sick_report=variant("C"), ba_advice=[ip_advice() | {"recipients": ["HR"]}]),
        "R-036",
        "BLOCK",
        True,
    ),
    ("R-036 complete", sit(sick_report=variant("C"), ba_advice=[ip_advice()]), "R-036", None, False),
    (
        "R-037 C no employer contact",
        sit(sick_report=variant("C"), ba_advice=[advice(employer_consulted=False)]),
        "R-037",
        "WARN",
        True,
    ),
    (
        "R-037 C employer consulted",
        sit(sick_report=variant("C"), ba_advice=[advice(employer_consulted=True)]),
        "R-037",
        None,
        False,
    ),
    (
        "R-037 B no employer contact",
        sit(sick_report=variant("B"), ba_advice=[advice(employer_consulted=False)]),
        "R-037",
        None,
        False,
    ),
    (
        "R-038 before sick report no consent",
        sit(conflict=conflict(), ba_advice=[advice(recipients=["LG", "WN"])]),
        "R-038",
        "BLOCK",
        True,
    ),
    (
        "R-038 before sick report with consent",
        sit(conflict=conflict(), ba_advice=[advice(recipients=["LG", "WN"], employee_consent=True)]),
        "R-038",
        None,
        False,
    ),
    (
        "R-038 after sick report",
        sit(sick_report=variant("C"), ba_advice=[advice(recipients=["LG", "WN"])]),
        "R-038",
        None,
        False,
    ),
    (
        "R-039 direction only",
        sit(sick_report=variant("C"), ba_advice=[advice(content=["SOLUTION_DIRECTION"])]),
        "R-039",
        "INFO",
        True,
    ),
    (
        "R-039 direction and talk",
        sit(sick_report=variant("C"), ba_advice=[advice(content=["SOLUTION_DIRECTION", "CONVERSATION"])]),
        "R-039",
        None,
        False,
    ),
    # 5-D interventieperiode (start 2025-09-15)
    (
        "R-040 released",
        sit(intervention_periods=[ip(form="RELEASED_FROM_WORK", released_reason="no other branch")]),
        "R-040",
        "WARN+J",
        True,
    ),
    ("R-040 other workplace", sit(intervention_periods=[ip()]), "R-040", None, False),
    ("R-041 7 days", sit(intervention_periods=[ip(end_on="2025-09-21")]), "R-041", None, False),
    (
        "R-041 8 days",
        sit(intervention_periods=[ip(end_on="2025-09-22", exceptional_reason="x")]),
        "R-041",
        "WARN+J",
        True,
    ),
    (
        "R-041 14 days",
        sit(intervention_periods=[ip(end_on="2025-09-28", exceptional_reason="x")]),
        "R-041",
        "WARN+J",
        True,
    ),
    (
        "R-041 14 days not blocked",
        sit(intervention_periods=[ip(end_on="2025-09-28", exceptional_reason="x")]),
        "R-041",
        "BLOCK",
        False,
    ),
    ("R-041 15 days", sit(intervention_periods=[ip(end_on="2025-09-29")]), "R-041", "BLOCK", True),
    (
        "R-041 extension to 14",
        sit(intervention_periods=[ip(extension_end_on="2025-09-28", extension_reason="x")]),
        "R-041",
        "BLOCK",
        False,
    ),
    (
        "R-041 extension to 15",
        sit(intervention_periods=[ip(extension_end_on="2025-09-29", extension_reason="x")]),
        "R-041",
        "BLOCK",
        True,
    ),
    (
        "R-042 8 days",
        sit(intervention_periods=[ip(end_on="2025-09-22", exceptional_reason="x")]),
        "R-042",
        "INFO",
        True,
    ),
    ("R-042 7 days", sit(intervention_periods=[ip()]), "R-042", None, False),
    ("R-043 not approved", sit(intervention_periods=[ip(employer_approved_on=None)]), "R-043", "BLOCK", True),
    ("R-043 approved", sit(intervention_periods=[ip()]), "R-043", None, False),
    ("R-044 no appointment", sit(intervention_periods=[ip(appointment=None)]), "R-044", "BLOCK", True),
    (
        "R-044 recorded after start",
        sit(intervention_periods=[ip(appointment={"with_role": "LG", "recorded_on": "2025-09-16"})]),
        "R-044",
        "BLOCK",
        True,
    ),
    (
        "R-044 recorded on start",
        sit(intervention_periods=[ip(appointment={"with_role": "LG", "recorded_on": "2025-09-15"})]),
        "R-044",
        None,
        False,
    ),
    (
        "R-044 meeting after end",
        sit(
            intervention_periods=[
                ip(appointment={"with_role": "LG", "recorded_on": "2025-09-12", "meeting_on": "2025-09-22"})
            ]
        ),
        "R-044",
        "WARN",
        True,
    ),
    (
        "R-044 meeting on end",
        sit(
            intervention_periods=[
                ip(appointment={"with_role": "LG", "recorded_on": "2025-09-12", "meeting_on": "2025-09-21"})
            ]
        ),
        "R-044",
        None,
        False,
    ),
    (
        "R-045 registered as sick",
        sit(intervention_periods=[ip(registered_as="SICK")]),
        "R-045",
        "BLOCK",
        True,
    ),
    ("R-045 paid leave", sit(intervention_periods=[ip()]), "R-045", None, False),
    ("R-046 no end", sit(intervention_periods=[ip(end_on=None)]), "R-046", "BLOCK", True),
    ("R-046 no start", sit(intervention_periods=[ip(start_on=None)]), "R-046", "BLOCK", True),
    ("R-046 both", sit(intervention_periods=[ip()]), "R-046", None, False),
    ("R-047 employer initiated", sit(intervention_periods=[ip(initiated_by="LG")]), "R-047", "INFO", True),
    ("R-047 BA initiated", sit(intervention_periods=[ip()]), "R-047", None, False),
    # end 2025-09-21 (Sun) + 5 working days = 2025-09-26 (Fri)
    ("R-048 day after due", sit(today="2025-09-27", intervention_periods=[ip()]), "R-048", "WARN", True),
    ("R-048 on due", sit(today="2025-09-26", intervention_periods=[ip()]), "R-048", None, False),
    (
        "R-048 evaluated",
        sit(today="2025-09-30", intervention_periods=[ip(evaluated_on="2025-09-24")]),
        "R-048",
        None,
        False,
    ),
    (
        "R-049 sick during",
        sit(intervention_periods=[ip(sick_reported_on="2025-09-18")]),
        "R-049",
        "BLOCK",
        True,
    ),
    (
        "R-049 sick after end",
        sit(intervention_periods=[ip(sick_reported_on="2025-09-22")]),
        "R-049",
        None,
        False,
    ),
    # 5-E arbeidsconflictenverlof
    ("R-050 disabled", sit(conflict_leave_requests=[leave()]), "R-050", "BLOCK", True),
    ("R-050 enabled", sit(tenant=LEAVE_ON, conflict_leave_requests=[leave()]), "R-050", None, False),
    (
        "R-051 24 months minus one day",
        sit(
            tenant=LEAVE_ON,
            conflict_leave_history=[{"start_on": "2024-01-15"}],
            conflict_leave_requests=[leave(start_on="2026-01-14", end_on="2026-01-14")],
        ),
        "R-051",
        "BLOCK",
        True,
    ),
    (
        "R-051 exactly 24 months",
        sit(
            tenant=LEAVE_ON,
            conflict_leave_history=[{"start_on": "2024-01-15"}],
            conflict_leave_requests=[leave(start_on="2026-01-15", end_on="2026-01-15")],
        ),
        "R-051",
        None,
        False,
    ),
    ("R-052 3 working days", sit(tenant=LEAVE_ON, conflict_leave_requests=[leave()]), "R-052", None, False),
    (
        "R-052 4 working days",
        sit(tenant=LEAVE_ON, conflict_leave_requests=[leave(end_on="2025-09-25")]),
        "R-052",
        "BLOCK",
        True,
    ),
    (
        "R-052 Fri-Tue spans a weekend: 3 working days",
        sit(tenant=LEAVE_ON, conflict_leave_requests=[leave(start_on="2025-09-19", end_on="2025-09-23")]),
        "R-052",
        None,
        False,
    ),
    (
        "R-052 holiday not counted",
        sit(
            tenant=LEAVE_ON,
            non_working_dates=["2025-09-23"],
            conflict_leave_requests=[leave(end_on="2025-09-25")],
        ),
        "R-052",
        None,
        False,
    ),
    (
        "R-052 calendar-day unit",
        sit(
            tenant=LEAVE_ON | {"conflict_leave.day_unit": "CALENDAR"},
            conflict_leave_requests=[leave(start_on="2025-09-19", end_on="2025-09-22")],
        ),
        "R-052",
        "BLOCK",
        True,
    ),
    (
        "R-053 unpaid",
        sit(tenant=LEAVE_ON, conflict_leave_requests=[leave(paid=False)]),
        "R-053",
        "BLOCK",
        True,
    ),
    ("R-053 paid", sit(tenant=LEAVE_ON, conflict_leave_requests=[leave(paid=True)]), "R-053", None, False),
    (
        "R-054 no appointment",
        sit(tenant=LEAVE_ON, conflict_leave_requests=[leave(appointment=None)]),
        "R-054",
        "BLOCK",
        True,
    ),
    (
        "R-054 with the VP",
        sit(tenant=LEAVE_ON, conflict_leave_requests=[leave(appointment={"with_role": "VP"})]),
        "R-054",
        "WARN",
        True,
    ),
    ("R-054 with HR", sit(tenant=LEAVE_ON, conflict_leave_requests=[leave()]), "R-054", None, False),
    ("R-055 approvable", sit(tenant=LEAVE_ON, conflict_leave_requests=[leave()]), "R-055", "INFO", True),
    ("R-055 blocked", sit(conflict_leave_requests=[leave()]), "R-055", None, False),
    (
        "R-056 sick",
        sit(tenant=LEAVE_ON, sick_report=sick(), conflict_leave_requests=[leave()]),
        "R-056",
        "BLOCK",
        True,
    ),
    (
        "R-056 recovered before start",
        sit(tenant=LEAVE_ON, sick_report=sick(recovery_date="2025-09-22"), conflict_leave_requests=[leave()]),
        "R-056",
        None,
        False,
    ),
    # 5-F interventions
    ("R-060 before any step", sit(conflict=conflict()), "R-060", "INFO", True),
    (
        "R-060 after an attempt",
        sit(conflict=conflict(attempts=[{"kind": "OWN_CONVERSATION"}])),
        "R-060",
        None,
        False,
    ),
    (
        "R-061 HR at Glasl 4",
        sit(conflict=conflict(glasl_stage=4), interventions=[{"kind": "HR_BEMIDDELING"}]),
        "R-061",
        "WARN",
        True,
    ),
    (
        "R-061 HR at Glasl 3",
        sit(conflict=conflict(glasl_stage=3), interventions=[{"kind": "HR_BEMIDDELING"}]),
        "R-061",
        None,
        False,
    ),
    (
        "R-062 one-sided support",
        sit(conflict=conflict(), interventions=[{"kind": "BMW_BEMIDDELING", "support_employee": True}]),
        "R-062",
        "BLOCK",
        True,
    ),
    (
        "R-062 both support",
        sit(
            conflict=conflict(),
            interventions=[{"kind": "BMW_BEMIDDELING", "support_employee": True, "support_other": True}],
        ),
        "R-062",
        None,
        False,
    ),
    (
        "R-063 employer has a lawyer",
        sit(
            conflict=conflict(legal_assistance_employer=True),
            interventions=[{"kind": "BMW_BEMIDDELING", "status": "RUNNING"}],
        ),
        "R-063",
        "BLOCK",
        True,
    ),
    (
        "R-063 no lawyers",
        sit(conflict=conflict(), interventions=[{"kind": "BMW_BEMIDDELING"}]),
        "R-063",
        None,
        False,
    ),
    (
        "R-063 HR bemiddeling with lawyer",
        sit(conflict=conflict(legal_assistance_employee=True), interventions=[{"kind": "HR_BEMIDDELING"}]),
        "R-063",
        None,
        False,
    ),
    (
        "R-064 VP chairs",
        sit(conflict=conflict(), interventions=[{"kind": "CONVERSATION", "chair_role": "VP"}]),
        "R-064",
        "BLOCK",
        True,
    ),
    (
        "R-064 VP mediates",
        sit(conflict=conflict(), mediation=mediation(chair_role="VP")),
        "R-064",
        "BLOCK",
        True,
    ),
    (
        "R-064 HR chairs",
        sit(conflict=conflict(), interventions=[{"kind": "CONVERSATION", "chair_role": "HR"}]),
        "R-064",
        None,
        False,
    ),
    ("R-065 indication", sit(conflict=conflict(glasl_stage=4)), "R-065", "INFO", True),
    ("R-065 no indication", sit(conflict=conflict(glasl_stage=3)), "R-065", None, False),
    (
        "R-066 intervention",
        sit(conflict=conflict(), interventions=[{"kind": "CAREER"}]),
        "R-066",
        "INFO",
        True,
    ),
    (
        "R-067 lawyer as problem-solver",
        sit(conflict=conflict(lawyer_as_problem_solver=True)),
        "R-067",
        "INFO",
        True,
    ),
    ("R-068 Glasl 7", sit(conflict=conflict(glasl_stage=7)), "R-068", "WARN", True),
    ("R-068 Glasl 6", sit(conflict=conflict(glasl_stage=6)), "R-068", None, False),
    ("R-069 43 days", sit(today=d(FSD, 43), conflict=conflict()), "R-069", "INFO", True),
    ("R-069 42 days", sit(today=d(FSD, 42), conflict=conflict()), "R-069", None, False),
    (
        "R-069 with an attempt",
        sit(today=d(FSD, 60), conflict=conflict(attempts=[{"kind": "OWN_CONVERSATION"}])),
        "R-069",
        None,
        False,
    ),
    # 5-G mediation
    (
        "R-070 forced",
        sit(conflict=conflict(), mediation=mediation(forced_enrolment=True)),
        "R-070",
        "BLOCK",
        True,
    ),
    (
        "R-070 a party unwilling",
        sit(conflict=conflict(), mediation=mediation(all_parties_willing=False)),
        "R-070",
        "BLOCK",
        True,
    ),
    ("R-070 willing", sit(conflict=conflict(), mediation=mediation()), "R-070", None, False),
    ("R-071 mediator also HR", sit(mediation=mediation(mediator_other_roles=["HR"])), "R-071", "BLOCK", True),
    (
        "R-071 mediator signs as party",
        sit(mediation=mediation(mediator_signs_as_party=True)),
        "R-071",
        "BLOCK",
        True,
    ),
    ("R-071 neutral", sit(mediation=mediation()), "R-071", None, False),
    (
        "R-072 session before signing",
        sit(mediation=mediation(sessions=["2025-09-04"])),
        "R-072",
        "BLOCK",
        True,
    ),
    ("R-072 session on signing day", sit(mediation=mediation(sessions=["2025-09-05"])), "R-072", None, False),
    (
        "R-072 mediator has not signed",
        sit(
            mediation=mediation(
                agreement={"signed_by_all_parties": True, "signed_on": "2025-09-05", "clauses": ALL_CLAUSES}
            )
        ),
        "R-072",
        "BLOCK",
        True,
    ),
    (
        "R-073 no confidentiality",
        sit(
            mediation=mediation(
                agreement={
                    "signed_by_all_parties": True,
                    "signed_by_mediator": True,
                    "clauses": [c for c in ALL_CLAUSES if c != "CONFIDENTIALITY"],
                }
            )
        ),
        "R-073",
        "BLOCK",
        True,
    ),
    (
        "R-073 no fees",
        sit(
            mediation=mediation(
                agreement={
                    "signed_by_all_parties": True,
                    "signed_by_mediator": True,
                    "clauses": [c for c in ALL_CLAUSES if c != "FEES"],
                }
            )
        ),
        "R-073",
        "WARN",
        True,
    ),
    ("R-073 complete", sit(mediation=mediation()), "R-073", None, False),
    (
        "R-074 to HR file",
        sit(mediation=mediation(content_disclosures=["EMPLOYER_HR_FILE"])),
        "R-074",
        "BLOCK",
        True,
    ),
    (
        "R-074 jointly released",
        sit(mediation=mediation(content_disclosures=["PARTIES_JOINTLY_RELEASED"])),
        "R-074",
        None,
        False,
    ),
    (
        "R-076 supporter without NDA",
        sit(mediation=mediation(attendees=[{"role": "SUP", "all_parties_agree": True}])),
        "R-076",
        "BLOCK",
        True,
    ),
    (
        "R-076 supporter admitted",
        sit(mediation=mediation(attendees=[{"role": "SUP", "all_parties_agree": True, "nda_signed": True}])),
        "R-076",
        None,
        False,
    ),
    (
        "R-076 lawyer does not end mediation",
        sit(conflict=conflict(legal_assistance_employee=True), mediation=mediation()),
        "R-076",
        "INFO",
        True,
    ),
    (
        "R-077 session after pause",
        sit(
            mediation=mediation(status="PAUSED_VP_REFERRAL", paused_on="2025-09-07", sessions=["2025-09-08"])
        ),
        "R-077",
        "BLOCK",
        True,
    ),
    (
        "R-077 session before pause",
        sit(
            mediation=mediation(status="PAUSED_VP_REFERRAL", paused_on="2025-09-09", sessions=["2025-09-08"])
        ),
        "R-077",
        None,
        False,
    ),
    (
        "R-079 outcome unsigned",
        sit(mediation=mediation(outcome={"kind": "ARRANGEMENT"})),
        "R-079",
        "BLOCK",
        True,
    ),
    (
        "R-079 outcome signed",
        sit(mediation=mediation(outcome={"kind": "ARRANGEMENT", "signed_by_all_parties": True})),
        "R-079",
        None,
        False,
    ),
    (
        "R-080 notice with reasons",
        sit(
            mediation=mediation(
                status="NEUTRAL_NOTICE_SENT",
                end={"kind": "WITHDRAWN_BY_PARTY", "written_statement": True},
                neutral_notice_fields=["PARTIES", "REASON"],
            )
        ),
        "R-080",
        "BLOCK",
        True,
    ),
    (
        "R-080 neutral notice",
        sit(
            mediation=mediation(
                status="NEUTRAL_NOTICE_SENT",
                end={"kind": "WITHDRAWN_BY_PARTY", "written_statement": True},
                neutral_notice_fields=["PARTIES", "START_DATE", "END_DATE", "ENDED_STATEMENT"],
            )
        ),
        "R-080",
        None,
        False,
    ),
    (
        "R-081 verbal withdrawal",
        sit(mediation=mediation(status="WITHDRAWN_BY_PARTY", end={"kind": "WITHDRAWN_BY_PARTY"})),
        "R-081",
        "BLOCK",
        True,
    ),
    (
        "R-081 written withdrawal",
        sit(
            mediation=mediation(
                status="WITHDRAWN_BY_PARTY", end={"kind": "WITHDRAWN_BY_PARTY", "written_statement": True}
            )
        ),
        "R-081",
        None,
        False,
    ),
    (
        "R-082 VSO does not end it",
        sit(
            mediation=mediation(
                status="ENDED_WITH_AGREEMENT", outcome={"kind": "VSO", "signed_by_all_parties": True}
            )
        ),
        "R-082",
        "BLOCK",
        True,
    ),
    (
        "R-082 VSO ends it with a date",
        sit(
            mediation=mediation(
                status="ENDED_WITH_AGREEMENT",
                outcome={
                    "kind": "VSO",
                    "signed_by_all_parties": True,
                    "ends_mediation_explicitly": True,
                    "dated": True,
                },
            )
        ),
        "R-082",
        None,
        False,
    ),
    ("R-083 one-sided message", sit(mediation=mediation(one_sided_messages=1)), "R-083", "WARN", True),
    ("R-083 none", sit(mediation=mediation()), "R-083", None, False),
    (
        "R-084 referrer reads content",
        sit(mediation=mediation(referrer_receives=["D14", "D11"])),
        "R-084",
        "BLOCK",
        True,
    ),
    ("R-084 status only", sit(mediation=mediation(referrer_receives=["D14"])), "R-084", None, False),
    (
        "R-084 jointly released outcome",
        sit(mediation=mediation(referrer_receives=["D14", "D13"], outcome_released_jointly=True)),
        "R-084",
        None,
        False,
    ),
    (
        "R-085 ended while sick",
        sit(
            sick_report=variant("B"),
            mediation=mediation(
                status="ENDED_NO_AGREEMENT",
                end={"kind": "ENDED_BY_MEDIATOR", "written_statement": True},
                neutral_notice_fields=["PARTIES"],
            ),
        ),
        "R-085",
        "INFO",
        True,
    ),
    ("R-085 running", sit(sick_report=variant("B"), mediation=mediation()), "R-085", None, False),
    # 5-H settlement (concluded 2025-09-01)
    (
        "R-090 employee has not signed",
        sit(termination_agreements=[termination(signed_by_employee=False)]),
        "R-090",
        "BLOCK",
        True,
    ),
    ("R-090 signed by both", sit(termination_agreements=[termination()]), "R-090", None, False),
    (
        "R-090 VSO unsigned in mediation",
        sit(mediation=mediation(outcome={"kind": "VSO"})),
        "R-090",
        "BLOCK",
        True,
    ),
    ("R-091 oral", sit(termination_agreements=[termination(written=False)]), "R-091", "BLOCK", True),
    ("R-091 written", sit(termination_agreements=[termination()]), "R-091", None, False),
    (
        "R-092 dissolved on day 14",
        sit(termination_agreements=[termination(dissolution={"received_on": "2025-09-15"})]),
        "R-092",
        None,
        False,
    ),
    (
        "R-092 dissolved on day 15",
        sit(termination_agreements=[termination(dissolution={"received_on": "2025-09-16"})]),
        "R-092",
        "BLOCK",
        True,
    ),
    (
        "R-092 no clause: day 21",
        sit(
            termination_agreements=[
                termination(mentions_dissolution_right=False, dissolution={"received_on": "2025-09-22"})
            ]
        ),
        "R-092",
        None,
        False,
    ),
    (
        "R-092 no clause: day 22",
        sit(
            termination_agreements=[
                termination(mentions_dissolution_right=False, dissolution={"received_on": "2025-09-23"})
            ]
        ),
        "R-092",
        "BLOCK",
        True,
    ),
    (
        "R-093 essentials earlier",
        sit(termination_agreements=[termination(essentials_agreed_in_writing_on="2025-08-28")]),
        "R-093",
        "WARN",
        True,
    ),
    (
        "R-093 same day",
        sit(termination_agreements=[termination(essentials_agreed_in_writing_on="2025-09-01")]),
        "R-093",
        None,
        False,
    ),
    (
        "R-094 6 months minus one day",
        sit(termination_agreements=[termination(previous_dissolution_on="2025-03-02")]),
        "R-094",
        "INFO",
        True,
    ),
    (
        "R-094 exactly 6 months",
        sit(termination_agreements=[termination(previous_dissolution_on="2025-03-01")]),
        "R-094",
        None,
        False,
    ),
    (
        "R-095 statutory director",
        sit(termination_agreements=[termination(statutory_director=True)]),
        "R-095",
        "INFO",
        True,
    ),
    (
        "R-095 court settlement",
        sit(termination_agreements=[termination(court_settlement=True)]),
        "R-095",
        "INFO",
        True,
    ),
    ("R-095 ordinary employee", sit(termination_agreements=[termination()]), "R-095", None, False),
    (
        "R-096 checklist incomplete",
        sit(termination_agreements=[termination(checklist=ALL_CHECKLIST[:-1])]),
        "R-096",
        "WARN",
        True,
    ),
    ("R-096 checklist complete", sit(termination_agreements=[termination()]), "R-096", None, False),
    ("R-097 BA drafted", sit(termination_agreements=[termination(drafted_by="BA")]), "R-097", "BLOCK", True),
    (
        "R-097 mediator drafted",
        sit(termination_agreements=[termination(drafted_by="MED")]),
        "R-097",
        "BLOCK",
        False,
    ),
    (
        "R-097 own expert advice",
        sit(termination_agreements=[termination(drafted_by="MED")]),
        "R-097",
        "INFO",
        True,
    ),
    # 5-I vertrouwenspersoon
    (
        "R-100 harassment, VP not offered",
        sit(conflict=conflict(undesirable_behaviour={"categories": ["BULLYING"]})),
        "R-100",
        "BLOCK",
        True,
    ),
    (
        "R-100 VP offered, melder undecided",
        sit(conflict=conflict(undesirable_behaviour={"categories": ["BULLYING"], "vp_offered_on": FSD})),
        "R-100",
        "BLOCK",
        True,
    ),
    (
        "R-100 melder chose",
        sit(
            conflict=conflict(
                undesirable_behaviour={
                    "categories": ["BULLYING"],
                    "vp_offered_on": FSD,
                    "melder_choice": "DECLINED_VP",
                }
            )
        ),
        "R-100",
        None,
        False,
    ),
    (
        "R-100 integrity only",
        sit(conflict=conflict(undesirable_behaviour={"categories": ["INTEGRITY"]})),
        "R-100",
        None,
        False,
    ),
    ("R-101 VP report", sit(vp_report={"category": "BULLYING"}), "R-101", "INFO", True),
    ("R-102 mediator proposed", sit(vp_report={"mediator_proposed": True}), "R-102", "INFO", True),
    ("R-102 not proposed", sit(vp_report={}), "R-102", None, False),
    (
        "R-103 to HR without consent",
        sit(vp_report={"disclosures": [{"recipient_role": "HR"}]}),
        "R-103",
        "BLOCK",
        True,
    ),
    (
        "R-103 written consent",
        sit(vp_report={"disclosures": [{"recipient_role": "HR", "written_consent": True}]}),
        "R-103",
        None,
        False,
    ),
    (
        "R-103 statutory duty",
        sit(vp_report={"disclosures": [{"recipient_role": "HR", "statutory_duty": True}]}),
        "R-103",
        None,
        False,
    ),
    (
        "R-103 all eight conditions",
        sit(vp_report={"disclosures": [{"recipient_role": "HR", "breach_conditions": BREACH}]}),
        "R-103",
        None,
        False,
    ),
    (
        "R-103 seven conditions",
        sit(vp_report={"disclosures": [{"recipient_role": "HR", "breach_conditions": BREACH[:-1]}]}),
        "R-103",
        "BLOCK",
        True,
    ),
    ("R-104 limits not explained", sit(vp_report={"intake_on": FSD}), "R-104", "INFO", True),
    (
        "R-104 explained",
        sit(vp_report={"intake_on": FSD, "privilege_limits_explained": True}),
        "R-104",
        None,
        False,
    ),
    (
        "R-105 cell of 2 shown",
        sit(vp_annual_report={"cells": [{"category": "BULLYING", "count": 2}]}),
        "R-105",
        "BLOCK",
        True,
    ),
    (
        "R-105 cell of 3",
        sit(vp_annual_report={"cells": [{"category": "BULLYING", "count": 3}]}),
        "R-105",
        None,
        False,
    ),
    (
        "R-105 cell of 2 suppressed",
        sit(vp_annual_report={"cells": [{"category": "BULLYING", "count": 2, "suppressed": True}]}),
        "R-105",
        None,
        False,
    ),
    ("R-105 identifiers", sit(vp_annual_report={"contains_identifiers": True}), "R-105", "BLOCK", True),
    # 5-J whistleblower
    (
        "R-115 50 workers, no procedure",
        sit(tenant={"organisation.workers": 50, "organisation.internal_reporting_procedure": False}),
        "R-115",
        "INFO",
        True,
    ),
    (
        "R-115 49 workers",
        sit(tenant={"organisation.workers": 49, "organisation.internal_reporting_procedure": False}),
        "R-115",
        None,
        False,
    ),
    (
        "R-118 data in conflict case",
        sit(whistleblower_report={"data_in_conflict_case": True}),
        "R-118",
        "BLOCK",
        True,
    ),
    ("R-118 separated", sit(whistleblower_report={}), "R-118", None, False),
    ("R-119 report", sit(whistleblower_report={}), "R-119", "INFO", True),
    ("R-120 report", sit(whistleblower_report={}), "R-120", "INFO", True),
    ("R-120 no report", sit(conflict=conflict()), "R-120", None, False),
    # 5-K privacy
    (
        "R-130 unknown employer field",
        sit(sick_report=sick(employer_record={"favourite_colour": "blue"})),
        "R-130",
        "BLOCK",
        True,
    ),
    ("R-130 allowed field", sit(sick_report=sick(employer_record={"phone": "06-1"})), "R-130", None, False),
    (
        "R-131 diagnosis field",
        sit(sick_report=sick(employer_record={"diagnosis": "x"})),
        "R-131",
        "BLOCK",
        True,
    ),
    (
        "R-131 medical words in notes",
        sit(sick_report=sick(employer_notes="Last van burn-out en slapeloosheid")),
        "R-131",
        "WARN",
        True,
    ),
    (
        "R-131 medical words in English",
        sit(sick_report=sick(employer_notes="He mentioned insomnia and palpitations")),
        "R-131",
        "WARN",
        True,
    ),
    (
        "R-131 plain notes",
        sit(sick_report=sick(employer_notes="Belt maandag terug over de planning.")),
        "R-131",
        None,
        False,
    ),
    ("R-132 notes", sit(sick_report=sick(employer_notes="Belt maandag terug.")), "R-132", "INFO", True),
    ("R-132 no notes", sit(sick_report=sick()), "R-132", None, False),
    (
        "R-133 medical term to employer",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Door de depressie nu 2 uur per dag.")]),
        "R-133",
        "BLOCK",
        True,
    ),
    (
        "R-131 renamed health key",
        sit(sick_report=sick(employer_record={"burnout_suspected": True})),
        "R-131",
        "BLOCK",
        True,
    ),
    (
        "R-131 camel-case medication key",
        sit(sick_report=sick(employer_record={"sleepMedication": "x"})),
        "R-131",
        "BLOCK",
        True,
    ),
    (
        "R-131 pregnancy key",
        sit(sick_report=sick(employer_record={"zwangerschap_week": "12"})),
        "R-131",
        "BLOCK",
        True,
    ),
    (
        "R-131 renamed key is not only R-130",
        sit(sick_report=sick(employer_record={"burnout_suspected": True})),
        "R-130",
        None,
        False,
    ),
    (
        "R-130 unknown plain key stays R-130",
        sit(sick_report=sick(employer_record={"team_name": "x"})),
        "R-130",
        "BLOCK",
        True,
    ),
    (
        "R-131 near-miss: plain unknown key",
        sit(sick_report=sick(employer_record={"team_name": "x"})),
        "R-131",
        None,
        False,
    ),
    (
        "R-131 value in an allowed field",
        sit(sick_report=sick(employer_record={"ongoing_work": "Slaapmedicatie, dus geen nachtdienst"})),
        "R-131",
        "WARN",
        True,
    ),
    (
        "R-131 near-miss value: medewerker",
        sit(
            sick_report=sick(
                employer_record={"ongoing_work": "Medewerker draagt de behandeling van de aanvraag over"}
            )
        ),
        "R-131",
        None,
        False,
    ),
    (
        "R-133 verdict limitations with diagnosis",
        sit(
            sick_report=sick(
                verdict=verdict(limitations="Vanwege depressie en slaapmedicatie geen nachtdiensten.")
            )
        ),
        "R-133",
        "BLOCK",
        True,
    ),
    (
        "R-133 verdict possibilities with diagnosis",
        sit(sick_report=sick(verdict=verdict(possibilities="Na de operatie licht werk."))),
        "R-133",
        "BLOCK",
        True,
    ),
    (
        "R-133 verdict in functional terms",
        sit(
            sick_report=sick(
                verdict=verdict(limitations="Geen nachtdiensten; niet langer dan 4 uur per dag.")
            )
        ),
        "R-133",
        None,
        False,
    ),
    (
        "R-097 a termination advice requested of the BA",
        sit(conflict=conflict(ba_termination_advice_requested=True)),
        "R-097",
        "BLOCK",
        True,
    ),
    (
        "R-097 no such request",
        sit(conflict=conflict()),
        "R-097",
        None,
        False,
    ),
    (
        "R-133 to employee only",
        sit(sick_report=variant("B"), ba_advice=[advice(recipients=["WN"], free_text="Door de depressie.")]),
        "R-133",
        None,
        False,
    ),
    (
        "R-133 functional wording",
        sit(sick_report=variant("B"), ba_advice=[advice(free_text="Kan 2 uur per dag licht werk doen.")]),
        "R-133",
        None,
        False,
    ),
    (
        "R-134 without consent",
        sit(sick_report=sick(medical_disclosures=[{"via_ba": True, "necessity_recorded": True}])),
        "R-134",
        "BLOCK",
        True,
    ),
    (
        "R-134 complete",
        sit(
            sick_report=sick(
                medical_disclosures=[{"via_ba": True, "explicit_consent": True, "necessity_recorded": True}]
            )
        ),
        "R-134",
        None,
        False,
    ),
    (
        "R-137 employer sends to UWV",
        sit(sick_report=sick(uwv_medical_info_sent_by="HR")),
        "R-137",
        "BLOCK",
        True,
    ),
    ("R-137 employee sends", sit(sick_report=sick(uwv_medical_info_sent_by="WN")), "R-137", None, False),
    # 5-M WVP
    (
        "R-151 employee has not signed",
        sit(sick_report=variant("A", action_plan={"on": d(FSD, 50), "signed_by_employer": True})),
        "R-151",
        "BLOCK",
        True,
    ),
    (
        "R-151 both signed",
        sit(
            sick_report=variant(
                "A", action_plan={"on": d(FSD, 50), "signed_by_employer": True, "signed_by_employee": True}
            )
        ),
        "R-151",
        None,
        False,
    ),
    (
        "R-152 no capacity",
        sit(
            sick_report=sick(
                verdict=verdict(no_work_capacity=True),
                conflict_finding=cfinding(False),
                action_plan={"not_applicable": True},
            )
        ),
        "R-152",
        "INFO",
        True,
    ),
    ("R-159 AO", sit(sick_report=variant("A")), "R-159", "INFO", True),
    ("R-159 NOT_AO", sit(sick_report=variant("C")), "R-159", None, False),
    (
        "R-160 gap of 27 days",
        sit(
            sick_report=sick(
                previous_periods=[{"first_sick_day": "2025-07-01", "last_sick_day": "2025-08-04"}]
            )
        ),
        "R-160",
        None,
        True,
    ),
    (
        "R-160 gap of 28 days",
        sit(
            sick_report=sick(
                previous_periods=[{"first_sick_day": "2025-07-01", "last_sick_day": "2025-08-03"}]
            )
        ),
        "R-160",
        None,
        False,
    ),
    (
        "R-161 B, PA without conflict advice",
        sit(sick_report=variant("B", problem_analysis={"on": d(FSD, 30), "personal_contact": True})),
        "R-161",
        "BLOCK*",
        True,
    ),
    (
        "R-161 B, PA update with conflict advice",
        sit(
            sick_report=variant(
                "B",
                problem_analysis={
                    "on": d(FSD, 30),
                    "updates": [{"on": d(FSD, 40), "contains_conflict_advice": True}],
                },
            )
        ),
        "R-161",
        None,
        False,
    ),
    (
        "R-161 A, PA without conflict advice",
        sit(sick_report=variant("A", problem_analysis={"on": d(FSD, 30)})),
        "R-161",
        None,
        False,
    ),
    ("R-162 wage suspended", sit(sick_report=variant("A", wage_suspended=True)), "R-162", "WARN", True),
    ("R-162 wages paid", sit(sick_report=variant("A")), "R-162", None, False),
]


@pytest.mark.parametrize(
    ("data", "code", "severity", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rule_fires_or_not(data: dict[str, Any], code: str, severity: str | None, expected: bool) -> None:
    advice = run(data)
    assert has(advice, code, severity) is expected, [
        (f.code, f.severity.value, f.subject) for f in advice.findings
    ]


def test_every_implemented_rule_with_findings_has_a_case() -> None:
    from werkvrede.guideline.catalogue import CATALOGUE, Kind, Status

    timer_only = {
        "R-107",
        "R-116",
        "R-117",
        "R-140",
        "R-141",
        "R-142",
        "R-143",
        "R-144",
        "R-145",
        "R-146",
        "R-147",
        "R-148",
    }
    timer_only |= {"R-150", "R-153", "R-154", "R-155", "R-156", "R-157", "R-158"}
    tested = {c[2] for c in CASES}
    missing = [
        code
        for code, e in CATALOGUE.items()
        if e.kind is Kind.RULE
        and e.status is Status.IMPLEMENTED
        and code not in tested
        and code not in timer_only
    ]
    assert missing == []


def test_messages_are_filled_in_both_languages() -> None:
    for name, data, *_ in CASES:
        for f in run(data).findings:
            assert f.message.nl and f.message.en, name
            assert "{" not in f.message.nl + f.message.en, (name, f.code)


EXTRA: list[tuple[str, dict[str, Any], str, str | None, bool]] = [
    (
        "R-104 confidentiality not explained",
        sit(
            vp_report={
                "intake_on": FSD,
                "privilege_limits_explained": True,
                "confidentiality_explained": False,
            }
        ),
        "R-104",
        "INFO",
        True,
    ),
    (
        "R-019 TD consult only",
        sit(sick_report=variant("A", consult_by="TD", problem_analysis={"on": d(FSD, 30)})),
        "R-019",
        "BLOCK",
        True,
    ),
    (
        "R-019 TD consult, BA met the employee",
        sit(
            sick_report=variant(
                "A", consult_by="TD", problem_analysis={"on": d(FSD, 30), "personal_contact": True}
            )
        ),
        "R-019",
        None,
        False,
    ),
    (
        "R-041 advised 15 days",
        sit(sick_report=variant("C"), ba_advice=[ip_advice(days=15)]),
        "R-041",
        "BLOCK",
        True,
    ),
    (
        "R-041 advised 14 days",
        sit(sick_report=variant("C"), ba_advice=[ip_advice(days=14)]),
        "R-041",
        "WARN+J",
        True,
    ),
    (
        "R-041 advised 7 days",
        sit(sick_report=variant("C"), ba_advice=[ip_advice(days=7)]),
        "R-041",
        None,
        False,
    ),
]


@pytest.mark.parametrize(
    ("data", "code", "severity", "expected"), [c[1:] for c in EXTRA], ids=[c[0] for c in EXTRA]
)
def test_more_boundaries(data: dict[str, Any], code: str, severity: str | None, expected: bool) -> None:
    assert has(run(data), code, severity) is expected
