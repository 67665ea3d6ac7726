"""The demo organisation "Demo BV": one person per role, so a newcomer can try every view.

Loading is idempotent: running it again changes nothing. Never used outside development.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkvrede.accounts.mfa import MFA_ROLES
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
    DemoPerson("meldpunt@demo.werkvrede.nl", "Dewi Klaassen", (Role.WHISTLEBLOWER_OFFICER,)),
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
        if needs_demo_totp(person):
            demo_totp_device(user)
    return list(DEMO_PEOPLE)


def needs_demo_totp(person: DemoPerson) -> bool:
    return bool(set(person.roles) & MFA_ROLES)


def demo_totp_device(user: User) -> TOTPDevice | None:
    """Development only: a confirmed device with the documented demo secret (ADR 0072), so the demo
    people with a two-factor role log in with any authenticator app set to that secret."""
    key = settings.WERKVREDE_DEMO_TOTP_KEY
    if not key:
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="demo", key=key, confirmed=True)
    return device


def demo_code() -> str:
    """The demo secret's code at this moment (development only; printed with the demo log-ins)."""
    from django_otp.oath import TOTP

    totp = TOTP(bytes.fromhex(settings.WERKVREDE_DEMO_TOTP_KEY))
    return f"{totp.token():06d}"
