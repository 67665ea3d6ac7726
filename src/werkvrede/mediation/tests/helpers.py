"""Build mediations for tests through the services, as people would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.models import Case, CaseParticipant
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role
from werkvrede.mediation import services
from werkvrede.mediation.models import Mediation, MediationParty, PartySide

TODAY = date(2025, 3, 10)


def actor(world: Any, role: Role, tenant: str = "a") -> Actor:
    t = world.tenant(tenant)
    return actor_of(t.users[role], t.organisation.pk)


def employee_case(world: Any, tenant: str = "a") -> Case:
    """A case signalled by the employee against their line manager (the other party, WP)."""
    t = world.tenant(tenant)
    return signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])


def add_case_role(world: Any, case: Case, role: Role, case_role: str, tenant: str = "a") -> None:
    CaseParticipant.objects.create(case=case, user=world.tenant(tenant).users[role], role=case_role)


def referred(world: Any, tenant: str = "a", *, case: Case | None = None, mediator: bool = True) -> Mediation:
    """HR refers the employee and the line manager (as the employer's representative) to the mediator."""
    t = world.tenant(tenant)
    case = case or employee_case(world, tenant)
    return services.mediation_refer(
        actor=actor(world, Role.HR_ADVISER, tenant),
        case_id=case.pk,
        data=services.ReferralInput(
            subject="Samenwerking in het team",
            parties=[
                services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.EMPLOYER_REPRESENTATIVE),
            ],
            mediator_id=t.users[Role.MEDIATOR].pk if mediator else None,
        ),
        today=TODAY,
    )


def party(mediation: Mediation, world: Any, role: Role, tenant: str = "a") -> MediationParty:
    return MediationParty.objects.get(mediation=mediation, user=world.tenant(tenant).users[role])


def in_intake(world: Any, tenant: str = "a", **kw: Any) -> Mediation:
    """Referred, the mediator declared impartiality, held both intakes and both parties said yes."""
    mediation = referred(world, tenant, **kw)
    med = actor(world, Role.MEDIATOR, tenant)
    services.impartiality_declare(actor=med, mediation_id=mediation.pk, today=TODAY)
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        services.intake_record(
            actor=med,
            mediation_id=mediation.pk,
            data=services.IntakeInput(
                party_id=party(mediation, world, role, tenant).pk,
                held_on=TODAY,
                positions=f"positie {role}",
                interests=f"belang {role}",
                causes=f"oorzaak {role}",
            ),
            today=TODAY,
        )
        services.willingness_record(
            actor=actor(world, role, tenant), mediation_id=mediation.pk, willing=True, today=TODAY
        )
    mediation.refresh_from_db()
    return mediation


FULL_AGREEMENT = services.AgreementInput(
    voluntary=True,
    confidential=True,
    neutrality=True,
    reglement="MfN-mediationreglement",
    fees="€ 150 per uur",
    paid_by="de werkgever",
    reporting="Alleen statusberichten aan de verwijzer",
    interim_agreements="Schriftelijk, door alle partijen getekend",
)


def sign(world: Any, mediation: Mediation, document: Any, role: Role, tenant: str = "a") -> Any:
    user = world.tenant(tenant).users[role]
    return services.mediation_document_sign(
        actor=actor(world, role, tenant),
        mediation_id=mediation.pk,
        document_id=document.pk,
        typed_name=user.full_name,
        today=TODAY,
    )


def signed(world: Any, tenant: str = "a", **kw: Any) -> Mediation:
    """In intake, agreement drafted and signed by both parties and the mediator; track RESTORATION."""
    mediation = in_intake(world, tenant, **kw)
    med = actor(world, Role.MEDIATOR, tenant)
    doc = services.agreement_draft(actor=med, mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY)
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.MEDIATOR):
        sign(world, mediation, doc, role, tenant)
    services.track_set(actor=med, mediation_id=mediation.pk, track="RESTORATION", today=TODAY)
    mediation.refresh_from_db()
    return mediation


def in_session(world: Any, tenant: str = "a", **kw: Any) -> Mediation:
    from datetime import datetime

    from django.utils import timezone

    mediation = signed(world, tenant, **kw)
    t = world.tenant(tenant)
    services.session_plan(
        actor=actor(world, Role.MEDIATOR, tenant),
        mediation_id=mediation.pk,
        data=services.SessionInput(
            starts_at=timezone.make_aware(datetime(2025, 3, 17, 10, 0)),  # noqa: DTZ001
            duration_minutes=90,
            participant_ids=[t.users[Role.EMPLOYEE].pk, t.users[Role.LINE_MANAGER].pk],
        ),
        today=TODAY,
    )
    mediation.refresh_from_db()
    return mediation
