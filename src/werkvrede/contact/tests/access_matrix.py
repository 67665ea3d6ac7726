from typing import Any

from tests.security.matrix import Row
from werkvrede.contact.tests.helpers import request_to
from werkvrede.core.roles import Role

MEDIATOR = frozenset({Role.MEDIATOR})


def new_request(world: Any, tenant: str) -> dict[str, int]:
    return {"request_id": request_to(world, tenant).pk}


def taken_request(world: Any, tenant: str) -> dict[str, int]:
    return {"request_id": request_to(world, tenant, taken=True).pk}


def _setup(world: Any) -> dict[str, str]:
    return {
        "organisation_name": "Bakkerij Ondernemer",
        "employer_name": "Ingrid de Ondernemer",
        "employer_email": "ingrid@bakkerij.example",
        "employee_name": "Wim Werknemer",
        "employee_email": "wim@bakkerij.example",
    }


ROWS = {
    "contact:list": Row("get", MEDIATOR, 200),
    "contact:settings": Row("post", MEDIATOR, 302, body=lambda world: {"accepts_contact_requests": "on"}),
    "contact:detail": Row("get", MEDIATOR, 200, object_in=new_request),
    "contact:take": Row("post", MEDIATOR, 302, object_in=new_request),
    "contact:setup": Row("post", MEDIATOR, 302, object_in=taken_request, body=_setup),
}
