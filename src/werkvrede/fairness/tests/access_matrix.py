from typing import Any

from django.utils import timezone

from tests.security.matrix import ALL, Row
from werkvrede.core.phases import INTAKE, PhaseEnded
from werkvrede.core.roles import Role
from werkvrede.fairness import services
from werkvrede.fairness.models import Invitation

# An invitation is the invited person's own (ADR 0135): everyone else may not learn of it (404).
# The aggregates: HR (organisation-wide) and the mediator (their own mediations); others 404.


def an_invitation(world: Any, tenant: str) -> dict[str, int]:
    t = world.tenant(tenant)
    employee = t.users[Role.EMPLOYEE]
    subject = f"matrix:{Invitation.objects.count()}"
    services.invite(
        PhaseEnded(INTAKE, t.organisation.pk, subject, None, (employee.pk,)), timezone.localdate()
    )
    return {"invitation_id": Invitation.objects.get(user=employee, subject=subject).pk}


READERS = frozenset({Role.HR_ADVISER, Role.MEDIATOR})

ROWS = {
    "fairness:answer": Row("get", frozenset({Role.EMPLOYEE}), 200, object_in=an_invitation),
    "fairness:results": Row("get", READERS, 200),
    "api:fairness-questions": Row("get", ALL, 200),
    "api:fairness-answer": Row(
        "post",
        frozenset({Role.EMPLOYEE}),
        204,
        object_in=an_invitation,
        body=lambda world: {"heard": 4, "respect": 4, "understood": 4},
        json=True,
    ),
    "api:fairness-results": Row("get", READERS, 200, refused=403),
}
