from datetime import date, timedelta
from typing import Any

from django.utils import timezone

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
VIEWERS = CONTENT | {Role.HR_ADVISER, Role.CASEMANAGER}
# The API refuses an operation with 403 to those who see the mediation (or case); a session, document
# or admission in it is looked up after that check, so the 403 does not tell whether it exists.


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
    "mediation:termination-new": Row(
        "get",
        frozenset({Role.HR_ADVISER}),
        200,
        object_in=case_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:termination-new-in-mediation": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:termination": Row("get", D19, 200, object_in=termination_in),
    "mediation:termination-download": Row("get", D19, 200, object_in=termination_pdf_in),
    "mediation:list": Row("get", ALL - {Role.ADMIN}, 200),
    "mediation:create": Row("get", frozenset({Role.MEDIATOR, Role.HR_ADVISER}), 200),
    "mediation:case-section": Row("get", CASE_VIEWERS, 200, object_in=case_in),
    "mediation:refer": Row(
        "get",
        frozenset({Role.HR_ADVISER, Role.CASEMANAGER}),
        200,
        object_in=case_in,
        forbidden=frozenset({Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:detail": Row(
        "get", CONTENT | {Role.HR_ADVISER, Role.CASEMANAGER}, 200, object_in=mediation_in
    ),
    "mediation:intake": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:intakes": Row(
        "get", CONTENT, 200, object_in=mediation_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "mediation:agreement": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:session-new": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:session": Row(
        "get", CONTENT, 200, object_in=session_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "mediation:session-ics": Row(
        "get", CONTENT, 200, object_in=session_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "mediation:message-new": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:outcome": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:admission-new": Row(
        "get", CONTENT, 200, object_in=mediation_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "mediation:withdraw": Row(
        "get",
        PARTIES,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.MEDIATOR}),
    ),
    "mediation:end": Row(
        "get",
        MED,
        200,
        object_in=mediation_in,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER, Role.LINE_MANAGER, Role.EMPLOYEE}),
    ),
    "mediation:document": Row("get", CONTENT, 200, object_in=agreement_in),
    "mediation:document-download": Row("get", CONTENT, 200, object_in=download_in),
}


# --- API ---------------------------------------------------------------------------------------------

EMPLOYEE_ONLY = frozenset({Role.EMPLOYEE})
# The supporter asked for (`admission_in`) sees the mediation through that request.
ASKED = frozenset({Role.COMPANY_SOCIAL_WORKER})


def _name(role: Role) -> Any:
    return lambda world: {"typed_name": world.a.users[role].full_name}


def _extra_party_mediation(world: Any, tenant: str) -> Any:
    """The employee and a colleague who has no role in the matrix (so only the employee is asked to act)."""
    from werkvrede.accounts.models import User
    from werkvrede.accounts.services import membership_grant, user_create
    from werkvrede.mediation import services
    from werkvrede.mediation.models import PartySide
    from werkvrede.mediation.tests.helpers import TODAY, actor

    t = world.tenant(tenant)
    # One colleague per organisation, whichever row makes this mediation first.
    email = f"collega-{t.organisation.slug}@x.test"
    colleague = User.objects.filter(email=email).first() or user_create(
        email=email, full_name="Collega X", password="x" * 20
    )
    membership_grant(user=colleague, organisation=t.organisation, roles=[Role.EMPLOYEE])
    med = actor(world, Role.MEDIATOR, tenant)
    mediation = services.mediation_create_direct(
        actor=med,
        data=services.ReferralInput(
            subject="Samenwerking",
            parties=[
                services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                services.PartyInput(colleague.pk, PartySide.OTHER),
            ],
        ),
        today=TODAY,
    )
    return mediation, colleague


def withdrawal_in(world: Any, tenant: str) -> dict[str, int]:
    mediation, _ = _extra_party_mediation(world, tenant)
    from werkvrede.mediation import services
    from werkvrede.mediation.models import MediationParty
    from werkvrede.mediation.tests.helpers import TODAY, actor

    med = actor(world, Role.MEDIATOR, tenant)
    services.impartiality_declare(actor=med, mediation_id=mediation.pk, today=TODAY)
    first = MediationParty.objects.filter(mediation=mediation).first()
    assert first is not None
    services.intake_record(
        actor=med,
        mediation_id=mediation.pk,
        data=services.IntakeInput(first.pk, TODAY, "p", "i", "c"),
        today=TODAY,
    )
    return {"mediation_id": mediation.pk}


def pending_employee_signature_in(world: Any, tenant: str) -> dict[str, int]:
    """An agreement the colleague and the mediator signed; only the employee still has to sign."""
    from werkvrede.core.actor import Actor
    from werkvrede.mediation import services
    from werkvrede.mediation.models import MediationParty
    from werkvrede.mediation.tests.helpers import FULL_AGREEMENT, TODAY, actor

    ids = withdrawal_in(world, tenant)
    mediation_id = ids["mediation_id"]
    med = actor(world, Role.MEDIATOR, tenant)
    for party in MediationParty.objects.filter(mediation_id=mediation_id).select_related("user"):
        services.willingness_record(
            actor=med, mediation_id=mediation_id, willing=True, today=TODAY, party_id=party.pk
        )
    doc = services.agreement_draft(actor=med, mediation_id=mediation_id, data=FULL_AGREEMENT, today=TODAY)
    colleague = MediationParty.objects.get(mediation_id=mediation_id, side="WP").user
    t = world.tenant(tenant)
    as_colleague = Actor(
        user_id=colleague.pk, organisation_id=t.organisation.pk, roles=frozenset({Role.EMPLOYEE})
    )
    for who, name in ((as_colleague, colleague.full_name), (med, t.users[Role.MEDIATOR].full_name)):
        services.mediation_document_sign(
            actor=who, mediation_id=mediation_id, document_id=doc.pk, typed_name=name, today=TODAY
        )
    return {"mediation_id": mediation_id, "document_id": doc.pk}


def referred_in(world: Any, tenant: str) -> dict[str, int]:
    from werkvrede.mediation.tests.helpers import referred

    return {"mediation_id": referred(world, tenant, mediator=False).pk}


def signed_in(world: Any, tenant: str) -> dict[str, int]:
    from werkvrede.mediation.tests.helpers import signed

    return {"mediation_id": signed(world, tenant).pk}


def exit_in(world: Any, tenant: str) -> dict[str, int]:
    from werkvrede.mediation import services
    from werkvrede.mediation.tests.helpers import TODAY, actor, signed

    mediation = signed(world, tenant)
    services.track_set(
        actor=actor(world, Role.MEDIATOR, tenant), mediation_id=mediation.pk, track="EXIT", today=TODAY
    )
    return {"mediation_id": mediation.pk}


def admission_in(world: Any, tenant: str) -> dict[str, int]:
    from werkvrede.mediation import services
    from werkvrede.mediation.tests.helpers import TODAY, actor

    mediation = in_intake(world, tenant)
    admission = services.admission_request(
        actor=actor(world, Role.EMPLOYEE, tenant),
        mediation_id=mediation.pk,
        user_id=world.tenant(tenant).users[Role.COMPANY_SOCIAL_WORKER].pk,
        kind="SUPPORTER",
        for_party_id=None,
        today=TODAY,
    )
    return {"mediation_id": mediation.pk, "admission_id": admission.pk}


def concluded_today_in(world: Any, tenant: str) -> dict[str, int]:
    from django.utils import timezone

    from werkvrede.mediation import termination
    from werkvrede.mediation.tests.helpers import actor

    ids = termination_in(world, tenant)
    today = timezone.localdate()
    for role in (Role.EMPLOYEE, Role.HR_ADVISER):
        termination.termination_sign(
            actor=actor(world, role, tenant),
            agreement_id=ids["agreement_id"],
            typed_name=world.tenant(tenant).users[role].full_name,
            today=today,
        )
    return ids


def hr_signed_in(world: Any, tenant: str) -> dict[str, int]:
    from werkvrede.mediation import termination
    from werkvrede.mediation.tests.helpers import actor

    ids = termination_in(world, tenant)
    termination.termination_sign(
        actor=actor(world, Role.HR_ADVISER, tenant),
        agreement_id=ids["agreement_id"],
        typed_name=world.tenant(tenant).users[Role.HR_ADVISER].full_name,
        today=date(2025, 3, 10),
    )
    return ids


def _parties_body(world: Any) -> dict[str, Any]:
    return {
        "subject": "Samenwerking",
        "parties": [
            {"user_id": world.a.users[Role.EMPLOYEE].pk, "side": "WN"},
            {"user_id": world.a.users[Role.LINE_MANAGER].pk, "side": "ER"},
        ],
    }


def _intake_body(world: Any) -> dict[str, Any]:
    from werkvrede.mediation.models import MediationParty

    party = MediationParty.objects.filter(user=world.a.users[Role.EMPLOYEE]).order_by("-pk").first()
    return {
        "party_id": party.pk if party else 999_999_999,  # none in this organisation: a valid id of nothing
        "held_on": "2025-03-10",
        "positions": "p",
        "interests": "i",
        "causes": "c",
    }


AGREEMENT_BODY = {
    "voluntary": True,
    "confidential": True,
    "neutrality": True,
    "reglement": "MfN",
    "fees": "€ 150",
    "paid_by": "werkgever",
    "reporting": "status",
    "interim_agreements": "schriftelijk",
}


def _session_body(world: Any) -> dict[str, Any]:
    # A coming date: a session is never planned in the past.
    starts = (timezone.localtime() + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)
    return {
        "starts_at": starts.isoformat(),
        "duration_minutes": 60,
        "participant_ids": [world.a.users[Role.EMPLOYEE].pk, world.a.users[Role.LINE_MANAGER].pk],
    }


def _termination_body(signatory: Role) -> Any:
    return lambda world: {
        "employee_id": world.a.users[Role.EMPLOYEE].pk,
        "employer_signatory_id": world.a.users[signatory].pk,
        "end_of_employment_on": "2025-06-01",
        "checklist": list(ChecklistItemValues),
    }


ChecklistItemValues = (
    "NAMES_ADDRESSES",
    "EMPLOYER_INITIATIVE_AND_REASON",
    "NO_URGENT_REASON",
    "MUTUAL_CONSENT",
    "END_DATE_RESPECTS_NOTICE",
    "FINAL_SETTLEMENT_DATE",
    "PLACE_AND_DATE_OF_SIGNING",
)

ROWS |= {
    "api:mediations": Row("get", ALL - {Role.ADMIN}, 200, refused=403),
    "api:mediations-create": Row(
        "post", frozenset({Role.MEDIATOR, Role.HR_ADVISER}), 201, body=_parties_body, json=True, refused=403
    ),
    "api:mediations-admitted": Row("get", ALL, 200),
    "api:case-mediations": Row("get", CASE_VIEWERS, 200, object_in=case_in),
    "api:case-mediations-refer": Row(
        "post",
        frozenset({Role.HR_ADVISER, Role.CASEMANAGER}),
        201,
        object_in=case_in,
        body=_parties_body,
        json=True,
        forbidden=CASE_VIEWERS - {Role.HR_ADVISER, Role.CASEMANAGER},
    ),
    "api:mediation": Row("get", CONTENT | {Role.HR_ADVISER, Role.CASEMANAGER}, 200, object_in=mediation_in),
    "api:mediation-mediator": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        200,
        object_in=referred_in,
        body=lambda w: {"mediator_id": w.a.users[Role.MEDIATOR].pk},
        json=True,
        # No mediator yet: the parties, HR as referrer and CM see it.
        forbidden=PARTIES | {Role.CASEMANAGER},
    ),
    "api:mediation-steps": Row(
        "post",
        PARTIES,
        200,
        object_in=mediation_in,
        body=lambda w: {"step": "willing"},
        json=True,
        forbidden=VIEWERS - PARTIES,
    ),
    "api:mediation-intakes": Row(
        "get", CONTENT, 200, object_in=mediation_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "api:mediation-intakes-create": Row(
        "post", MED, 201, object_in=mediation_in, body=_intake_body, json=True, forbidden=VIEWERS - MED
    ),
    "api:mediation-agreement": Row(
        "post",
        MED,
        201,
        object_in=mediation_in,
        body=lambda w: AGREEMENT_BODY,
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:mediation-documents": Row(
        "get", CONTENT | {Role.HR_ADVISER, Role.CASEMANAGER}, 200, object_in=mediation_in
    ),
    "api:mediation-document": Row("get", CONTENT, 200, object_in=agreement_in),
    "api:mediation-document-pdf": Row("get", CONTENT, 200, object_in=agreement_in),
    "api:mediation-document-sign": Row(
        "post",
        EMPLOYEE_ONLY,
        200,
        object_in=pending_employee_signature_in,
        body=_name(Role.EMPLOYEE),
        json=True,
    ),
    "api:mediation-admissions": Row(
        "post",
        CONTENT,
        201,
        object_in=mediation_in,
        body=lambda w: {"user_id": w.a.users[Role.COMPANY_SOCIAL_WORKER].pk, "kind": "SUPPORTER"},
        json=True,
        forbidden=VIEWERS - CONTENT,
    ),
    "api:mediation-admission-consent": Row(
        "post",
        PARTIES,
        200,
        object_in=admission_in,
        body=lambda w: {},
        json=True,
        forbidden=(VIEWERS | ASKED) - PARTIES,
    ),
    "api:mediation-admission-revoke": Row(
        "post",
        frozenset({Role.EMPLOYEE, Role.MEDIATOR}),
        200,
        object_in=admission_in,
        body=lambda w: {},
        json=True,
        forbidden=(VIEWERS | ASKED) - {Role.EMPLOYEE, Role.MEDIATOR},
    ),
    "api:mediation-sessions": Row(
        "get", CONTENT, 200, object_in=mediation_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "api:mediation-sessions-create": Row(
        "post", MED, 201, object_in=signed_in, body=_session_body, json=True, forbidden=VIEWERS - MED
    ),
    "api:mediation-session-ics": Row(
        "get", CONTENT, 200, object_in=session_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "api:mediation-session-reschedule": Row(
        "post",
        MED,
        200,
        object_in=session_in,
        body=lambda w: {"starts_at": "2025-03-18T10:00:00+01:00", "duration_minutes": 60},
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:mediation-session-cancel": Row(
        "post", MED, 200, object_in=session_in, body=lambda w: {}, json=True, forbidden=VIEWERS - MED
    ),
    "api:mediation-session-notes": Row(
        "get", CONTENT, 200, object_in=session_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "api:mediation-session-notes-create": Row(
        "post",
        MED,
        201,
        object_in=session_in,
        body=lambda w: {"text": "notitie"},
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:mediation-messages": Row(
        "get", CONTENT, 200, object_in=mediation_in, forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER})
    ),
    "api:mediation-messages-create": Row(
        "post",
        MED,
        201,
        object_in=mediation_in,
        body=lambda w: {
            "recipient_ids": [w.a.users[Role.EMPLOYEE].pk, w.a.users[Role.LINE_MANAGER].pk],
            "text": "Bericht aan beide partijen",
        },
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:mediation-outcome": Row(
        "post",
        MED,
        201,
        object_in=lambda w, t: {"mediation_id": session_in(w, t)["mediation_id"]},
        body=lambda w: {"kind": "BEHAVIOUR_PLAN", "points": ["Afspraak"]},
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:mediation-withdrawal": Row(
        "post",
        EMPLOYEE_ONLY,
        200,
        object_in=withdrawal_in,
        body=_name(Role.EMPLOYEE),
        json=True,
        # Made by the mediator with the employee and a colleague: no case, no referrer.
        forbidden=MED,
    ),
    "api:mediation-end": Row(
        "post",
        MED,
        200,
        object_in=mediation_in,
        body=_name(Role.MEDIATOR),
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:case-termination-agreements": Row(
        "post",
        frozenset({Role.HR_ADVISER}),
        201,
        object_in=case_in,
        body=_termination_body(Role.HR_ADVISER),
        json=True,
        forbidden=CASE_VIEWERS - {Role.HR_ADVISER},
    ),
    "api:mediation-termination-agreements": Row(
        "post",
        MED,
        201,
        object_in=exit_in,
        body=_termination_body(Role.LINE_MANAGER),
        json=True,
        forbidden=VIEWERS - MED,
    ),
    "api:termination-agreement": Row("get", D19, 200, object_in=termination_in),
    "api:termination-agreement-sign": Row(
        "post",
        EMPLOYEE_ONLY,
        200,
        object_in=hr_signed_in,
        body=_name(Role.EMPLOYEE),
        json=True,
        # HR reads the agreement (D19) but gets 404: it signed already, and the service hides an
        # agreement with nothing left to sign for the person. Pinned as it is today.
        forbidden=frozenset({Role.CASEMANAGER}),
    ),
    "api:termination-agreement-dissolve": Row(
        "post",
        EMPLOYEE_ONLY,
        200,
        object_in=concluded_today_in,
        body=_name(Role.EMPLOYEE),
        json=True,
        forbidden=D19 - EMPLOYEE_ONLY,
    ),
}
