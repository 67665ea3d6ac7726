"""Give consents for tests through the services, as the employee would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.accounts.actors import actor_for
from werkvrede.consent import services
from werkvrede.consent.models import Consent
from werkvrede.core.roles import Role


def give(
    world: Any, tenant: str = "a", *, role: str = "HR", categories: tuple[str, ...] = ("D08",), **kw: Any
) -> Consent:
    t = world.tenant(tenant)
    values: dict[str, Any] = {
        "recipient_role": role,
        "recipient_membership_id": None,
        "categories": categories,
        "purpose": "Overleg over een oplossing",
        "given_on": date(2025, 3, 1),
    }
    values.update(kw)
    return services.consent_give(
        actor=actor_for(t.users[Role.EMPLOYEE], t.organisation.pk), data=services.ConsentInput(**values)
    )


def consent_in(world: Any, tenant: str) -> dict[str, int]:
    return {"consent_id": give(world, tenant).pk}
