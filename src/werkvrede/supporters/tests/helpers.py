"""Build supporter grants for tests through the services, as people would."""

from __future__ import annotations

from typing import Any

from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.roles import Role
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
