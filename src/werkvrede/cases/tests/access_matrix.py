from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role

# A case signalled by the employee against their line manager: HR and CM see every case of the
# organisation, the two parties see their own; nobody else. The API refuses with 403 what needs no
# object, and an operation on a case with 403 to those who see the case; the pages answer 404.
CASE_VIEWERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER, Role.EMPLOYEE, Role.LINE_MANAGER})
SIGNALLERS = frozenset(
    {Role.EMPLOYEE, Role.LINE_MANAGER, Role.HR_ADVISER, Role.CASEMANAGER, Role.OCCUPATIONAL_PHYSICIAN}
)


def case_in(world: Any, tenant: str) -> dict[str, int]:
    t = world.tenant(tenant)
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])
    return {"case_id": case.pk}


ROWS = {
    "cases:list": Row("get", ALL - {Role.ADMIN}, 200),
    "cases:signal": Row("get", SIGNALLERS, 200),
    "cases:signal-prefill": Row(
        "post", SIGNALLERS, 200, body=lambda world: {"description": "Uit de hulpwijzer."}
    ),
    "cases:detail": Row("get", CASE_VIEWERS, 200, object_in=case_in),
    "cases:intake": Row(
        "get",
        frozenset({Role.HR_ADVISER}),
        200,
        object_in=case_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "cases:note-add": Row(
        "post",
        CASE_VIEWERS - {Role.CASEMANAGER},
        302,
        object_in=case_in,
        body=lambda world: {"text": "Mijn verslag", "visibility": "PRIVATE"},
        forbidden=frozenset({Role.CASEMANAGER}),
    ),
    "cases:participant-add": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        302,
        object_in=case_in,
        body=lambda world: {"member": world.a.users[Role.OCCUPATIONAL_PHYSICIAN].email, "role": "BA"},
        forbidden=CASE_VIEWERS - {Role.HR_ADVISER},
    ),
}

ROWS |= {
    "api:case-list": Row("get", ALL - {Role.ADMIN}, 200, refused=403),
    "api:case-signal": Row(
        "post",
        SIGNALLERS,
        201,
        refused=403,
        json=True,
        body=lambda world: {
            "signalled_on": "2025-03-03",
            "employee_name": "Sanne",
            "other_party_name": "Lars",
        },
    ),
    "api:case-detail": Row("get", CASE_VIEWERS, 200, object_in=case_in),
    "api:case-intake": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        200,
        object_in=case_in,
        json=True,
        body=lambda world: {"configuration": "INDIVIDUAL_INDIVIDUAL", "domains": ["TERMS"]},
        forbidden=CASE_VIEWERS - {Role.HR_ADVISER},
    ),
    "api:case-note-add": Row(
        "post",
        CASE_VIEWERS - {Role.CASEMANAGER},
        201,
        object_in=case_in,
        json=True,
        body=lambda world: {"text": "Mijn verslag", "visibility": "PRIVATE"},
        forbidden=frozenset({Role.CASEMANAGER}),
    ),
    "api:case-participant-add": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        201,
        object_in=case_in,
        json=True,
        body=lambda world: {
            "membership_id": world.a.memberships[Role.OCCUPATIONAL_PHYSICIAN].pk,
            "role": "BA",
        },
        forbidden=CASE_VIEWERS - {Role.HR_ADVISER},
    ),
}

ROWS["cases:overview"] = Row("get", frozenset({Role.HR_ADVISER, Role.CASEMANAGER}), 200)


def case_with_vp_offered(world: Any, tenant: str) -> dict[str, int]:
    """A case with suspected bullying in which the vertrouwenspersoon was offered (R-100)."""
    from datetime import date

    from werkvrede.cases.models import Case

    ids = case_in(world, tenant)
    Case.objects.filter(pk=ids["case_id"]).update(
        undesirable_behaviour_suspected=True,
        undesirable_behaviour_categories=["BULLYING"],
        vp_offered_on=date(2025, 10, 1),
    )
    return ids


ROWS |= {
    "api:case-deadlines": Row("get", CASE_VIEWERS, 200, object_in=case_in),
    # Only the melder chooses; the choice stays theirs.
    "cases:melder-choice": Row(
        "post",
        frozenset({Role.EMPLOYEE}),
        302,
        object_in=case_with_vp_offered,
        body=lambda world: {"choice": "FORMAL_COMPLAINT"},
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER}),
    ),
    "api:case-melder-choice": Row(
        "post",
        frozenset({Role.EMPLOYEE}),
        200,
        object_in=case_with_vp_offered,
        json=True,
        body=lambda world: {"choice": "FORMAL_COMPLAINT", "consents_to_mediation": False},
        # Refused before the suspicion is looked at: the other party learns nothing of it.
        forbidden=CASE_VIEWERS - {Role.EMPLOYEE},
    ),
}


def case_with_legal_hold(world: Any, tenant: str) -> dict[str, int]:
    """A case whose records are under a legal hold (R-140), set by HR."""
    from werkvrede.cases.models import LegalHold

    t = world.tenant(tenant)
    ids = case_in(world, tenant)
    LegalHold.objects.create(
        case_id=ids["case_id"],
        organisation=t.organisation,
        category=LegalHold.Category.PENDING_LITIGATION,
        reason="Procedure bij de kantonrechter",
        set_by=t.users[Role.HR_ADVISER],
    )
    return ids


# HR and the casemanager set and lift a legal hold; the employee it concerns sees that it
# exists (ADR 0101); the other party sees nothing of it.
HOLD_MANAGERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER})
ROWS |= {
    "cases:legal-hold-set": Row(
        "post",
        HOLD_MANAGERS,
        302,
        object_in=case_in,
        body=lambda world: {"category": "PENDING_LITIGATION", "reason": "Procedure bij de kantonrechter"},
        forbidden=CASE_VIEWERS - HOLD_MANAGERS,
    ),
    "cases:legal-hold-lift": Row(
        "post",
        HOLD_MANAGERS,
        302,
        object_in=case_with_legal_hold,
        body=lambda world: {"lift_reason": "De procedure is afgerond"},
        forbidden=CASE_VIEWERS - HOLD_MANAGERS,
    ),
    "api:case-legal-holds": Row(
        "get",
        HOLD_MANAGERS | {Role.EMPLOYEE},
        200,
        object_in=case_with_legal_hold,
        forbidden=frozenset({Role.LINE_MANAGER}),
    ),
    "api:case-legal-hold-set": Row(
        "post",
        HOLD_MANAGERS,
        201,
        object_in=case_in,
        json=True,
        body=lambda world: {"category": "AUTHORITY_REQUEST", "reason": "Vordering van de inspectie"},
        forbidden=CASE_VIEWERS - HOLD_MANAGERS,
    ),
    "api:case-legal-hold-lift": Row(
        "post",
        HOLD_MANAGERS,
        200,
        object_in=case_with_legal_hold,
        json=True,
        body=lambda world: {"lift_reason": "De procedure is afgerond"},
        forbidden=CASE_VIEWERS - HOLD_MANAGERS,
    ),
}
