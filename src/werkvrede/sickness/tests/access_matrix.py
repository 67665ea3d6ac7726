from tests.security.matrix import Row
from werkvrede.core.roles import Role
from werkvrede.sickness.tests.helpers import (
    case_consulted,
    case_with_advice,
    case_with_pa_draft,
    case_with_report,
    case_with_signed_pa,
    case_with_verdict,
    case_wvp_page,
)

# The case of `helpers.conflict_case`: the employee is the party (WN); the line manager, the
# bedrijfsarts and the TD take part; HR and CM see every case. Nobody else sees its sick report.
SECTION = frozenset(
    {
        Role.EMPLOYEE,
        Role.LINE_MANAGER,
        Role.HR_ADVISER,
        Role.CASEMANAGER,
        Role.OCCUPATIONAL_PHYSICIAN,
        Role.DELEGATED_PROFESSIONAL,
    }
)
EMPLOYER = frozenset({Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER})
BA = frozenset({Role.OCCUPATIONAL_PHYSICIAN})
BA_TD = frozenset({Role.OCCUPATIONAL_PHYSICIAN, Role.DELEGATED_PROFESSIONAL})
# Who reads the section and is refused a part of it gets 403 (they know the sick report exists);
# everyone else 404.

ROWS = {
    # The open spreekuur: the BA who records visits and the employee who makes them; never the employer.
    "sickness:open-consults": Row("get", frozenset({Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE}), 200),
    "sickness:section": Row("get", SECTION, 200, object_in=case_with_report),
    "sickness:report": Row("get", EMPLOYER, 200, object_in=case_with_report, forbidden=SECTION - EMPLOYER),
    "sickness:consult": Row("get", BA_TD, 200, object_in=case_with_report, forbidden=SECTION - BA_TD),
    "sickness:note": Row("get", BA_TD, 200, object_in=case_with_report, forbidden=SECTION - BA_TD),
    "sickness:verdict": Row("get", BA, 200, object_in=case_with_report, forbidden=SECTION - BA),
    "sickness:finding": Row("get", BA, 200, object_in=case_with_report, forbidden=SECTION - BA),
    "sickness:diagnosis": Row("get", BA_TD, 200, object_in=case_with_report, forbidden=SECTION - BA_TD),
    "sickness:capacity": Row("get", BA, 200, object_in=case_with_report, forbidden=SECTION - BA),
    "sickness:advice": Row("get", BA, 200, object_in=case_with_report, forbidden=SECTION - BA),
    # D08 written feedback: whoever reads the sent advice downloads the same document.
    # The live advice check: the same door as the advice form; it stores and sends nothing.
    "sickness:advice-check": Row(
        "post", BA, 200, object_in=case_with_report, forbidden=SECTION - BA, body=lambda world: {}
    ),
    "sickness:advice-pdf": Row("get", SECTION, 200, object_in=case_with_advice),
    "sickness:advice-html": Row("get", SECTION, 200, object_in=case_with_advice),
    # API: reads answer 200 to everyone who may see the Ziekmelding part; writes as the pages.
    "api:sickness-report": Row("get", SECTION, 200, object_in=case_with_report),
    "api:sickness-consult": Row(
        "post",
        BA_TD,
        200,
        object_in=case_with_report,
        body=lambda world: {"consult_on": "2025-03-12"},
        json=True,
        forbidden=SECTION - BA_TD,
    ),
    "api:sickness-verdict": Row(
        "post",
        BA,
        201,
        object_in=case_consulted,
        body=lambda world: {"value": "AO", "degree_pct": 100, "recorded_on": "2025-03-12"},
        json=True,
        forbidden=SECTION - BA,
    ),
    "api:sickness-finding": Row(
        "post",
        BA,
        201,
        object_in=case_with_verdict,
        body=lambda world: {"conflict": True, "recorded_on": "2025-03-12"},
        json=True,
        forbidden=SECTION - BA,
    ),
    "api:sickness-advices": Row("get", SECTION, 200, object_in=case_with_report),
    "api:sickness-advice-feedback": Row("get", SECTION, 200, object_in=case_with_advice),
    # D10, the Poortwachter documents: every reader of the Ziekmelding part reads a signed one (W6);
    # a draft only its writers and signers (the probleemanalyse: the BA), so to everyone else it is 404.
    "sickness:wvp": Row("get", SECTION, 200, object_in=case_wvp_page),
    "sickness:wvp-pdf": Row("get", SECTION, 200, object_in=case_with_signed_pa),
    "api:sickness-wvp-documents": Row("get", SECTION, 200, object_in=case_with_report),
    "api:sickness-wvp-document": Row("get", SECTION, 200, object_in=case_with_signed_pa),
    "api:sickness-wvp-document-file": Row("get", SECTION, 200, object_in=case_with_signed_pa),
    "api:sickness-wvp-document-sign": Row(
        "post",
        BA,
        200,
        object_in=case_with_pa_draft,
        body=lambda world: {"typed_name": world.a.users[Role.OCCUPATIONAL_PHYSICIAN].full_name},
        json=True,
    ),
}
