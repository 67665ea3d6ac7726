from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import employee_case

# A case signalled by the employee against their line manager (WP). Everyone who may open the case
# sees the Mediation tab (status only): HR and CM of the organisation, the employee and the manager.
CASE_VIEWERS = frozenset({Role.HR_ADVISER, Role.CASEMANAGER, Role.EMPLOYEE, Role.LINE_MANAGER})


def case_in(world: Any, tenant: str) -> dict[str, int]:
    return {"case_id": employee_case(world, tenant).pk}


ROWS = {
    "mediation:case-section": Row("get", CASE_VIEWERS, 200, object_in=case_in),
}
_ = ALL
