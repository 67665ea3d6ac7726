from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases.tests.helpers import actor_of
from werkvrede.contact import services
from werkvrede.contact.models import ContactRequest
from werkvrede.core.roles import Role


def accepting(world: Any, tenant: str) -> None:
    """The tenant's mediator takes contact requests."""
    t = world.tenant(tenant)
    services.settings_update(actor=actor_of(t.users[Role.MEDIATOR], t.organisation.pk), accepts=True)


def request_data(**overrides: Any) -> services.RequestInput:
    values: dict[str, Any] = {
        "name": "Ingrid de Ondernemer",
        "organisation_name": "Bakkerij Ondernemer",
        "email": "ingrid@bakkerij.example",
        "phone": "",
        "requester_role": "EMPLOYER",
        "people_involved": 2,
        "preferred_contact": "EMAIL",
    }
    return services.RequestInput(**(values | overrides))


def request_to(world: Any, tenant: str, *, taken: bool = False) -> ContactRequest:
    """A request addressed to (only) the tenant's mediator; `taken`: they took it."""
    t = world.tenant(tenant)
    other = world.b if tenant == "a" else world.a
    from werkvrede.contact.models import MediatorContactSetting

    MediatorContactSetting.objects.filter(membership=other.memberships[Role.MEDIATOR]).update(
        accepts_contact_requests=False
    )
    accepting(world, tenant)
    request = services.contact_request_submit(data=request_data(), today=date(2026, 3, 2))
    if taken:
        services.request_take(actor=actor_of(t.users[Role.MEDIATOR], t.organisation.pk), request=request)
    return request
