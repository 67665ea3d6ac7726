from typing import Any

from django.utils import timezone

from tests.security.matrix import Row
from werkvrede.confidential.categories import categories_of
from werkvrede.confidential.models import ReportState
from werkvrede.confidential.policies import MELDER_ROLES
from werkvrede.confidential.tests.annual_helpers import annual_with_dossier
from werkvrede.confidential.tests.helpers import contact_report, named_report, report_at
from werkvrede.core.roles import Role

VP = frozenset({Role.CONFIDENTIAL_ADVISER})
# The report's people: the organisation's VP and its melder (here the employee); nobody else (D15).
REPORT_PEOPLE = frozenset({Role.CONFIDENTIAL_ADVISER, Role.EMPLOYEE})
MELDER = frozenset({Role.EMPLOYEE})
# D16: the annual report and the advice to management are the VP's, and an aggregate for LG and HR.
ANNUAL = frozenset({Role.CONFIDENTIAL_ADVISER, Role.LINE_MANAGER, Role.HR_ADVISER})


def report(world: Any, tenant: str) -> dict[str, int]:
    return {"report_id": named_report(world, tenant).pk}


def contact(world: Any, tenant: str) -> dict[str, int]:
    return {"report_id": contact_report(world, tenant).pk}


def at(state: ReportState) -> Any:
    return lambda world, tenant: {"report_id": report_at(world, tenant, state).pk}


def category(world: Any, tenant: str) -> dict[str, int]:
    return {"category_id": categories_of(world.tenant(tenant).organisation.pk)[-1].pk}


ROWS = {
    "confidential:inbox": Row("get", VP, 200),
    "confidential:contact-count": Row("post", VP, 302),
    "confidential:mine": Row("get", MELDER_ROLES, 200),
    "confidential:write": Row(
        "post",
        MELDER_ROLES,
        302,
        body=lambda world: {"message": "Ik word gepest.", "registration_consent": "on"},
    ),
    "confidential:settings": Row("get", VP, 200),
    "confidential:profile-save": Row("post", VP, 302, body=lambda world: {"contact": "06 12345678"}),
    "confidential:category-add": Row("post", VP, 302, body=lambda world: {"label": "Werkdruk"}),
    "confidential:category-toggle": Row("post", VP, 302, object_in=category),
    "confidential:report": Row("get", REPORT_PEOPLE, 200, object_in=report),
    "confidential:message-add": Row(
        "post", REPORT_PEOPLE, 302, object_in=report, body=lambda world: {"text": "Dank je."}
    ),
    "confidential:intake": Row(
        "post",
        VP,
        302,
        object_in=contact,
        body=lambda world: {
            "confidentiality_explained": "on",
            "privilege_limits_explained": "on",
            "registration_consent": "on",
        },
        forbidden=MELDER,
    ),
    "confidential:category": Row(
        "post", VP, 302, object_in=report, body=lambda world: {"category": "BULLYING"}, forbidden=MELDER
    ),
    "confidential:route": Row(
        "post",
        VP,
        302,
        object_in=at(ReportState.ADVICE),
        body=lambda world: {"route": "INFORMAL"},
        forbidden=MELDER,
    ),
    "confidential:aftercare": Row(
        "post", VP, 302, object_in=at(ReportState.INFORMAL_SOLUTION_SUPPORT), forbidden=MELDER
    ),
    "confidential:close": Row("post", VP, 302, object_in=at(ReportState.AFTERCARE), forbidden=MELDER),
    # D16, R-105, R-107, R-108: the annual report, destroying dossiers, trends, advice, patterns.
    "confidential:annual-list": Row("get", ANNUAL, 200),
    "confidential:annual-compile": Row(
        "post",
        VP,
        302,
        body=lambda world: {
            "year": str(timezone.localdate().year - 1),
            "recommendations": "Meer voorlichting over pesten.",
            "confirm": "yes",
        },
    ),
    "confidential:annual-report": Row("get", ANNUAL, 200, object_in=annual_with_dossier),
    "confidential:annual-pdf": Row("get", ANNUAL, 200, object_in=annual_with_dossier),
    "confidential:annual-destroy": Row(
        "post",
        VP,
        302,
        object_in=annual_with_dossier,
        forbidden=frozenset({Role.LINE_MANAGER, Role.HR_ADVISER}),
    ),
    "confidential:trends": Row("get", frozenset({Role.CONFIDENTIAL_ADVISER, Role.MEDIATOR}), 200),
    "confidential:advices": Row("get", ANNUAL, 200),
    "confidential:advice-write": Row(
        "post", VP, 302, body=lambda world: {"text": "Besteed aandacht aan werkdruk in de teams."}
    ),
    "confidential:concerns": Row(
        "post", VP, 302, object_in=report, body=lambda world: {"name": "Iemand van buiten"}, forbidden=MELDER
    ),
}


# --- Referrals (R-102, CC-6) and the confidentiality review (R-103) ---------------------------------


def _proposed(world: Any, tenant: str, *, accepted: bool = False) -> dict[str, int]:
    from werkvrede.confidential import referrals
    from werkvrede.confidential.tests.helpers import TODAY, person
    from werkvrede.confidential.tests.helpers import vp as vp_of

    report = report_at(world, tenant, ReportState.ADVICE)
    referral = referrals.referral_propose(
        actor=vp_of(world, tenant),
        report=report,
        data=referrals.ProposalInput(
            target="HR",
            summary="Samenvatting voor HR.",
            recipient_id=world.tenant(tenant).users[Role.HR_ADVISER].pk,
        ),
        today=TODAY,
    )
    if accepted:
        referrals.referral_accept(
            actor=person(world, Role.EMPLOYEE, tenant), referral=referral, consent=True, today=TODAY
        )
    return {"referral_id": referral.pk}


def _in_review(world: Any, tenant: str) -> dict[str, int]:
    from werkvrede.confidential import referrals
    from werkvrede.confidential.tests.helpers import TODAY
    from werkvrede.confidential.tests.helpers import vp as vp_of
    from werkvrede.guideline.model import BreachCondition

    report = report_at(world, tenant, ReportState.ADVICE)
    referrals.breach_consider(
        actor=vp_of(world, tenant),
        report=report,
        data=referrals.BreachInput(
            recipient_role="POL",
            justification="Verantwoording.",
            melder_informed_on=TODAY,
            conditions=tuple(c.value for c in BreachCondition),
        ),
        today=TODAY,
    )
    return {"report_id": report.pk}


RECIPIENTS = frozenset(
    {Role.HR_ADVISER, Role.OCCUPATIONAL_PHYSICIAN, Role.COMPANY_SOCIAL_WORKER, Role.MEDIATOR}
)

ROWS.update(
    {
        "confidential:referral-propose": Row(
            "post",
            VP,
            302,
            object_in=at(ReportState.ADVICE),
            body=lambda world: {
                "target": "HR",
                "recipient": str(world.a.users[Role.HR_ADVISER].pk),
                "summary": "Samenvatting voor HR.",
            },
            forbidden=MELDER,
        ),
        "confidential:referral-answer": Row(
            "post",
            MELDER,
            302,
            object_in=_proposed,
            body=lambda world: {"answer": "accept", "consent": "on"},
            forbidden=VP,
        ),
        "confidential:referral-withdraw": Row(
            "post",
            MELDER,
            302,
            object_in=lambda world, tenant: _proposed(world, tenant, accepted=True),
            forbidden=VP,
        ),
        "confidential:referrals": Row("get", RECIPIENTS, 200),
        "confidential:breach": Row("get", VP, 200, object_in=report, forbidden=MELDER),
        "confidential:breach-decide": Row(
            "post",
            VP,
            302,
            object_in=_in_review,
            body=lambda world: {"outcome": "NOT_DISCLOSED"},
            forbidden=MELDER,
        ),
    }
)
