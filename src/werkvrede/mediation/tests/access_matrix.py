from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role
from werkvrede.documents.models import DocumentKind
from werkvrede.documents.services import latest
from werkvrede.mediation.tests.helpers import employee_case, in_intake, in_session

# A case signalled by the employee against their line manager (WP). HR refers the employee and the
# line manager (as the employer's representative) to the mediator. Everyone who may open the case sees
# the Mediation tab (status only); inside the mediation: the mediator, the two parties, and — status
# only (D14 N) — HR as referrer and CM through the case.
CASE_VIEWERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER, Role.EMPLOYEE, Role.LINE_MANAGER})
PARTIES = frozenset({Role.EMPLOYEE, Role.LINE_MANAGER})
CONTENT = PARTIES | {Role.MEDIATOR}
MED = frozenset({Role.MEDIATOR})


def case_in(world: Any, tenant: str) -> dict[str, int]:
    return {"case_id": employee_case(world, tenant).pk}


def mediation_in(world: Any, tenant: str) -> dict[str, int]:
    return {"mediation_id": in_intake(world, tenant).pk}


def session_in(world: Any, tenant: str) -> dict[str, int]:
    mediation = in_session(world, tenant)
    return {"mediation_id": mediation.pk, "session_id": mediation.sessions.get().pk}


def agreement_in(world: Any, tenant: str) -> dict[str, Any]:
    mediation = in_session(world, tenant)
    doc = latest("mediation.mediation", mediation.pk, DocumentKind.MEDIATION_AGREEMENT)
    assert doc is not None
    return {"mediation_id": mediation.pk, "document_id": doc.pk}


def download_in(world: Any, tenant: str) -> dict[str, Any]:
    return {**agreement_in(world, tenant), "fmt": "html"}


def termination_in(world: Any, tenant: str) -> dict[str, int]:
    from datetime import date

    from werkvrede.mediation import termination
    from werkvrede.mediation.models import ChecklistItem
    from werkvrede.mediation.tests.helpers import actor

    t = world.tenant(tenant)
    ta = termination.termination_create(
        actor=actor(world, Role.HR_ADVISER, tenant),
        case_id=employee_case(world, tenant).pk,
        data=termination.TerminationInput(
            employee_id=t.users[Role.EMPLOYEE].pk,
            employer_signatory_id=t.users[Role.HR_ADVISER].pk,
            end_of_employment_on=date(2025, 6, 1),
            checklist=list(ChecklistItem.values),
        ),
        today=date(2025, 3, 10),
    )
    return {"agreement_id": ta.pk}


def termination_pdf_in(world: Any, tenant: str) -> dict[str, Any]:
    return {**termination_in(world, tenant), "kind": "termination_agreement"}


# D19: the employee, the employer side (organisation HR), the casemanager (R); never the BA.
D19 = frozenset({Role.EMPLOYEE, Role.HR_ADVISER, Role.CASEMANAGER})

ROWS = {
    "mediation:termination-new": Row("get", frozenset({Role.HR_ADVISER}), 200, object_in=case_in),
    "mediation:termination-new-in-mediation": Row("get", MED, 200, object_in=mediation_in),
    "mediation:termination": Row("get", D19, 200, object_in=termination_in),
    "mediation:termination-download": Row("get", D19, 200, object_in=termination_pdf_in),
    "mediation:list": Row("get", ALL - {Role.ADMIN}, 200),
    "mediation:create": Row("get", frozenset({Role.MEDIATOR, Role.HR_ADVISER}), 200),
    "mediation:case-section": Row("get", CASE_VIEWERS, 200, object_in=case_in),
    "mediation:refer": Row("get", frozenset({Role.HR_ADVISER, Role.CASEMANAGER}), 200, object_in=case_in),
    "mediation:detail": Row(
        "get", CONTENT | {Role.HR_ADVISER, Role.CASEMANAGER}, 200, object_in=mediation_in
    ),
    "mediation:intake": Row("get", MED, 200, object_in=mediation_in),
    "mediation:intakes": Row("get", CONTENT, 200, object_in=mediation_in),
    "mediation:agreement": Row("get", MED, 200, object_in=mediation_in),
    "mediation:session-new": Row("get", MED, 200, object_in=mediation_in),
    "mediation:session": Row("get", CONTENT, 200, object_in=session_in),
    "mediation:session-ics": Row("get", CONTENT, 200, object_in=session_in),
    "mediation:outcome": Row("get", MED, 200, object_in=mediation_in),
    "mediation:admission-new": Row("get", CONTENT, 200, object_in=mediation_in),
    "mediation:withdraw": Row("get", PARTIES, 200, object_in=mediation_in),
    "mediation:end": Row("get", MED, 200, object_in=mediation_in),
    "mediation:document": Row("get", CONTENT, 200, object_in=agreement_in),
    "mediation:document-download": Row("get", CONTENT, 200, object_in=download_in),
}
