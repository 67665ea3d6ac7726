"""Documents for tests, with realistic content of each kind."""

from __future__ import annotations

from typing import Any

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import User
from werkvrede.core.actor import Actor
from werkvrede.documents import services
from werkvrede.documents.content import R096_ITEMS
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


# The Poortwachter documents (D10) share a header pre-filled from the case.
_WVP_HEADER = {
    "case_reference": "2026-0007",
    "employee": {"user_id": None, "name": "Sanne de Vries"},
    "employer": "Bakkerij Bakker B.V.",
    "first_sick_day": "2026-03-02",
    "drafted_on": "2026-04-06",
}
_WVP_PA = {
    "physician": {"user_id": None, "name": "Dr. A. Arts"},
    "personal_contact": True,
    "functional_limitations": "Geen leidinggevende taken",
    "possibilities": "Halve dagen eigen werk",
    "expected_duration": "Zes weken",
    "reintegration_advice": "Opbouw in vier weken",
    "conflict_advice": "Arbeidsmediation",
}
_WVP_PLAN = {
    "casemanager": {"user_id": None, "name": "Karin Jansen"},
    "goal": "Terug in eigen werk",
    "activities": "Mediation; opbouw",
    "agreements": "Elke twee weken contact",
}


# One valid content of every kind, each with a recognisable value the rendering must show.
SAMPLES: dict[str, tuple[dict[str, Any], str]] = {
    DocumentKind.MEDIATION_AGREEMENT: (agreement_content(), "Samenwerking binnen het team Planning"),
    DocumentKind.CONFIDENTIALITY_STATEMENT: (
        {
            "mediation_reference": "MED-2026-0007",
            "person": {"user_id": None, "name": "Mr. K. Visser"},
            "kind": "LAWYER",
            "for_party": "Sanne de Vries",
        },
        "Mr. K. Visser",
    ),
    DocumentKind.OUTCOME_AGREEMENT: (
        {
            "mediation_reference": "MED-2026-0007",
            "agreement_type": "BEHAVIOUR_PLAN",
            "parties": [{"user_id": None, "name": "Sanne de Vries", "role": "WN"}],
            "points": [{"text": "Wekelijks overleg op maandag", "by_whom": "beiden", "due_on": "2026-06-01"}],
            "ends_mediation": True,
            "ended_on": "2026-05-20",
        },
        "Wekelijks overleg op maandag",
    ),
    DocumentKind.NEUTRAL_NOTICE: (
        {"mediation_reference": "MED-2026-0007", "ended_on": "2026-05-20", "confidentiality_reminder": True},
        "MED-2026-0007",
    ),
    DocumentKind.END_STATEMENT: (
        {"mediation_reference": "MED-2026-0008", "ended_on": "2026-05-20", "ended_by": "MEDIATOR"},
        "MED-2026-0008",
    ),
    DocumentKind.WITHDRAWAL_STATEMENT: (
        {
            "mediation_reference": "MED-2026-0007",
            "party": {"user_id": None, "name": "Pieter Bakker", "role": "LG"},
            "on": "2026-04-11",
        },
        "Pieter Bakker",
    ),
    DocumentKind.TERMINATION_AGREEMENT: (
        {
            "parties": [
                {"user_id": None, "name": "Sanne de Vries", "role": "WN", "address": "Kerkstraat 1, Utrecht"},
                {"user_id": None, "name": "Bakkerij Bakker B.V.", "role": "EMPLOYER"},
            ],
            "employment_ends_on": "2026-09-30",
            "concluded_on": "2026-06-01",
            "reflection_days": 14,
            "checklist": [{"item": item, "done": True} for item in R096_ITEMS],
            "employer_reason": "Reorganisatie van de afdeling",
        },
        "Kerkstraat 1, Utrecht",
    ),
    DocumentKind.DISSOLUTION_NOTICE: (
        {"dissolved_on": "2026-06-10", "agreement_reference": "TERMINATION_AGREEMENT v1"},
        "TERMINATION_AGREEMENT v1",
    ),
    DocumentKind.BA_FEEDBACK: (
        {
            "case_reference": "C-2026-0001",
            "physician": "Bedrijfsarts A",
            "advice_kind": "INTERVENTION_PLAN",
            "sent_on": "2026-03-09",
            "recipients": ["EMPLOYER", "EMPLOYEE"],
            "content": ["WORK_EXPECTATION", "CONVERSATION"],
            "resumption_condition": "NONE",
            "reintegration_condition": "NONE",
            "recommends_termination": False,
            "recommends_resignation": False,
            "not_able_to_converse": False,
            "not_able_medical_grounds": False,
            "review_date": None,
            "intervention_period": None,
            "solution_direction": "Gesprek onder leiding van een mediator",
            "text": "",
        },
        "Gesprek onder leiding van een mediator",
    ),
    **{
        kind: ({**_WVP_HEADER, **fields}, marker)
        for kind, fields, marker in (
            (DocumentKind.PROBLEM_ANALYSIS, _WVP_PA, "Halve dagen eigen werk"),
            (
                DocumentKind.PROBLEM_ANALYSIS_UPDATE,
                {**_WVP_PA, "reason": "Nieuwe afspraak"},
                "Nieuwe afspraak",
            ),
            (DocumentKind.ACTION_PLAN, _WVP_PLAN, "Terug in eigen werk"),
            (DocumentKind.ACTION_PLAN_UPDATE, {**_WVP_PLAN, "reason": "Na de mediation"}, "Na de mediation"),
            (
                DocumentKind.UWV_SICKNESS_NOTICE,
                {
                    "expected_duration": "Zes weken",
                    "expected_return_on": None,
                    "work_accident": False,
                    "safety_net": None,
                },
                "Zes weken",
            ),
            (
                DocumentKind.FIRST_YEAR_EVALUATION,
                {"look_back": "Mediation afgerond", "look_forward": "Hervatting", "track_two": "Niet nodig"},
                "Mediation afgerond",
            ),
            (
                DocumentKind.CURRENT_ASSESSMENT,
                {
                    "physician": {"user_id": None, "name": "Dr. A. Arts"},
                    "functional_limitations": "Geen",
                    "possibilities": "Eigen werk",
                    "prognosis": "Stabiel herstel",
                },
                "Stabiel herstel",
            ),
            (
                DocumentKind.FINAL_EVALUATION,
                {"summary": "Volledig hervat", "results": "Eigen werk", "employee_cosigns": True},
                "Volledig hervat",
            ),
            (
                DocumentKind.REINTEGRATION_REPORT,
                {
                    "documents": [
                        {
                            "document_id": 1,
                            "kind": "ACTION_PLAN",
                            "version": 1,
                            "title": "Plan van aanpak",
                            "content_hash": "ab" * 32,
                            "signed_on": "2026-04-20",
                        }
                    ]
                },
                "Plan van aanpak",
            ),
        )
    },
}


def make(
    kind: str, creator: User, organisation_id: int, signers: list[User], *, owner_id: int = 1
) -> Document:
    return services.document_create(
        actor=actor_of(creator, organisation_id),
        organisation_id=organisation_id,
        owner_kind="test.owner",
        owner_id=owner_id,
        kind=kind,
        title=f"Titel {kind}",
        content=SAMPLES[kind][0],
        signers=[u.pk for u in signers],
    )
