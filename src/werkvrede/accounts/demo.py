"""The demo organisation "Demo BV": one person per role, so a newcomer can try every view.

Loading is idempotent: running it again changes nothing. Never used outside development.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from werkvrede.accounts.models import Organisation, User
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.core.roles import Role

DEMO_PASSWORD = "werkvrede-demo"  # noqa: S105  (documented demo log-in, development only)


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    roles: tuple[Role, ...]
    # Professionals who serve several client organisations also belong to the second demo organisation.
    also_in_second: bool = False


DEMO_ORGANISATION = ("Demo BV", "demo-bv")
SECOND_ORGANISATION = ("Zorggroep Voorbeeld", "zorggroep-voorbeeld")

DEMO_PEOPLE = (
    DemoPerson("hr@demo.werkvrede.nl", "Hanna de Vries", (Role.HR_ADVISER,)),
    DemoPerson("casemanager@demo.werkvrede.nl", "Chris Jansen", (Role.CASEMANAGER,)),
    DemoPerson("leidinggevende@demo.werkvrede.nl", "Lars Visser", (Role.LINE_MANAGER,)),
    DemoPerson("werknemer@demo.werkvrede.nl", "Sanne Bakker", (Role.EMPLOYEE,)),
    DemoPerson(
        "bedrijfsarts@demo.werkvrede.nl", "Eva Mulder", (Role.OCCUPATIONAL_PHYSICIAN,), also_in_second=True
    ),
    DemoPerson("taakdelegatie@demo.werkvrede.nl", "Tom de Boer", (Role.DELEGATED_PROFESSIONAL,)),
    DemoPerson("mediator@demo.werkvrede.nl", "Mira Smit", (Role.MEDIATOR,), also_in_second=True),
    DemoPerson("vertrouwenspersoon@demo.werkvrede.nl", "Vera Meijer", (Role.CONFIDENTIAL_ADVISER,)),
    DemoPerson("bmw@demo.werkvrede.nl", "Bas Kok", (Role.COMPANY_SOCIAL_WORKER,)),
    DemoPerson("beheer@demo.werkvrede.nl", "Bram Beheer", (Role.ADMIN,)),
    DemoPerson("steunpersoon@demo.werkvrede.nl", "Sam Steun", (Role.SUPPORTER,)),
)


def _organisation(name: str, slug: str) -> Organisation:
    existing = Organisation.objects.filter(slug=slug).first()
    return existing if existing is not None else organisation_create(name=name, slug=slug)


@transaction.atomic
def load_demo() -> list[DemoPerson]:
    demo = _organisation(*DEMO_ORGANISATION)
    second = _organisation(*SECOND_ORGANISATION)
    for person in DEMO_PEOPLE:
        user = User.objects.filter(email=person.email).first()
        if user is None:
            user = user_create(email=person.email, full_name=person.name, password=DEMO_PASSWORD)
        membership_grant(user=user, organisation=demo, roles=person.roles)
        if person.also_in_second:
            membership_grant(user=user, organisation=second, roles=person.roles)
    return list(DEMO_PEOPLE)
