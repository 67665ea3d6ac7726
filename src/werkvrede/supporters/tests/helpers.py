"""Build supporter grants for tests through the services, as people would."""

from __future__ import annotations

from typing import Any

from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
from werkvrede.documents.models import DocumentKind
from werkvrede.documents.services import latest
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.models import Admission, AdmissionKind, Mediation
from werkvrede.mediation.tests.helpers import TODAY, actor, party, sign
from werkvrede.supporters import services
from werkvrede.supporters.models import SupporterGrant


def case_of(world: Any, tenant: str) -> Any:
    """A case signalled by the employee against their line manager."""
    t = world.tenant(tenant)
    return signal(t.users[Role.EMPLOYEE], t.organisation.pk, other=t.memberships[Role.LINE_MANAGER])


def grant_in(world: Any, tenant: str, *, case: Any = None) -> SupporterGrant:
    """The tenant's employee invites the tenant's SUP user for a (new) case."""
    t = world.tenant(tenant)
    case = case or case_of(world, tenant)
    employee = actor_of(t.users[Role.EMPLOYEE], t.organisation.pk)
    access = case_get_for(employee, case.pk)
    supporter = t.users[Role.SUPPORTER]
    return services.supporter_invite(
        actor=employee, access=access, email=supporter.email, full_name=supporter.full_name
    )


def admit_supporter(world: Any, grant: SupporterGrant, mediation_id: int) -> Admission:
    """The employee asks to admit their supporter; both parties consent; the supporter signs the NDA."""
    mediation = Mediation.objects.get(pk=mediation_id)
    admission = mediation_services.admission_request(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation_id,
        user_id=grant.supporter_id,
        kind=AdmissionKind.SUPPORTER,
        for_party_id=party(mediation, world, Role.EMPLOYEE).pk,
        today=TODAY,
    )
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER):
        mediation_services.admission_consent(
            actor=actor(world, role), mediation_id=mediation_id, admission_id=admission.pk, today=TODAY
        )
    nda = latest(mediation_services.ADMISSION_OWNER, admission.pk, DocumentKind.CONFIDENTIALITY_STATEMENT)
    sign(world, mediation, nda, Role.SUPPORTER)
    admission.refresh_from_db()
    return admission


def direct_mediation(world: Any, tenant: str = "a") -> Mediation:
    """A mediation without a case: the mediator starts it for the employee and the line manager."""
    from werkvrede.mediation.models import PartySide

    t = world.tenant(tenant)
    return mediation_services.mediation_create_direct(
        actor=actor(world, Role.MEDIATOR, tenant),
        data=mediation_services.ReferralInput(
            subject="Samenwerking",
            parties=[
                mediation_services.PartyInput(t.users[Role.EMPLOYEE].pk, PartySide.EMPLOYEE),
                mediation_services.PartyInput(t.users[Role.LINE_MANAGER].pk, PartySide.OTHER),
            ],
        ),
        today=TODAY,
    )


def mediation_grant_in(world: Any, tenant: str, *, mediation: Mediation | None = None) -> SupporterGrant:
    """The tenant's employee, a party of a mediation without a case, invites the tenant's SUP user."""
    from werkvrede.mediation.selectors import mediation_get_for

    t = world.tenant(tenant)
    mediation = mediation or direct_mediation(world, tenant)
    employee = actor_of(t.users[Role.EMPLOYEE], t.organisation.pk)
    supporter = t.users[Role.SUPPORTER]
    return services.supporter_invite_to_mediation(
        actor=employee,
        access=mediation_get_for(employee, mediation.pk),
        email=supporter.email,
        full_name=supporter.full_name,
    )
