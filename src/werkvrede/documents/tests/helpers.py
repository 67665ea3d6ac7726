"""Documents for tests, with realistic content of each kind."""

from __future__ import annotations

from typing import Any

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import User
from werkvrede.core.actor import Actor
from werkvrede.documents import services
from werkvrede.documents.models import Document, DocumentKind


def actor_of(user: User, organisation_id: int) -> Actor:
    return actor_for(user, organisation_id)


def agreement_content(
    *, subject: str = "Samenwerking binnen het team Planning", **extra: Any
) -> dict[str, Any]:
    return {
        "mediation_reference": "MED-2026-0007",
        "parties": [
            {"user_id": None, "name": "Sanne de Vries", "role": "WN"},
            {"user_id": None, "name": "Pieter Bakker", "role": "LG"},
        ],
        "mediator": {"user_id": None, "name": "Mr. A. Jansen", "registration": "MfN 12345"},
        "subject": subject,
        "voluntary": True,
        "confidential": True,
        "neutrality": True,
        "reglement": "MfN-mediationreglement 2023",
        "costs": {"fees": "€ 150 per uur, excl. btw", "paid_by": "de werkgever"},
        "reporting": "De verwijzer ontvangt alleen statusmeldingen.",
        "interim_agreements": "Tussentijdse afspraken worden schriftelijk vastgelegd.",
        "attendees": [],
        "drafted_on": "2026-03-02",
        **extra,
    }


def make_agreement(
    creator: User, organisation_id: int, signers: list[User], *, owner_id: int = 1, **content: Any
) -> Document:
    return services.document_create(
        actor=actor_of(creator, organisation_id),
        organisation_id=organisation_id,
        owner_kind="mediation.mediation",
        owner_id=owner_id,
        kind=DocumentKind.MEDIATION_AGREEMENT,
        title="Mediationovereenkomst",
        content=agreement_content(**content),
        signers=[u.pk for u in signers],
    )


def sign(user: User, organisation_id: int, document: Document, typed_name: str | None = None) -> None:
    services.document_sign(
        actor=actor_of(user, organisation_id),
        document=document,
        typed_name=user.full_name if typed_name is None else typed_name,
    )
