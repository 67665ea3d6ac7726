"""Breaking confidentiality only through the R-103 checklist (SM-6 row 7): a statutory duty with its
legal basis, or all eight conditions of a conflict of duties; the melder informed first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.confidential import referrals
from werkvrede.confidential.facts import situation
from werkvrede.confidential.models import BreachOutcome, BreachReview, Report, ReportState
from werkvrede.confidential.referrals import BreachInput
from werkvrede.confidential.tests.helpers import TODAY, person, report_at, vp
from werkvrede.core.gate import decide
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import Blocked, Invalid
from werkvrede.core.roles import Role
from werkvrede.guideline.model import BreachCondition

JUSTIFICATION = "MARKER-D15-JUSTIFY-51aa: de melder noemde concrete plannen om een collega iets aan te doen."
ALL = tuple(c.value for c in BreachCondition)


@pytest.fixture
def advised(world: World) -> Report:
    return report_at(world, "a", ReportState.ADVICE)


def data(**kw: object) -> BreachInput:
    values: dict[str, object] = {
        "recipient_role": "POL",
        "justification": JUSTIFICATION,
        "melder_informed_on": TODAY,
        "conditions": ALL,
    }
    values.update(kw)
    return BreachInput(**values)  # type: ignore[arg-type]


def consider(world: World, report: Report, **kw: object) -> BreachReview:
    return referrals.breach_consider(actor=vp(world), report=report, data=data(**kw), today=TODAY)


def test_seven_of_eight_conditions_are_refused_naming_the_missing_one(world: World, advised: Report) -> None:
    seven = tuple(c for c in ALL if c != BreachCondition.NO_OTHER_WAY)
    with pytest.raises(Invalid) as exc:
        consider(world, advised, conditions=seven)
    message = " ".join(exc.value.errors["conditions"])
    assert "R-103" in message and "geen andere weg" in message
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE and not BreachReview.objects.exists()


def test_the_guideline_guard_refuses_seven_of_eight_too(advised: Report) -> None:
    """SM-6 row 7's guard R-103 itself, below the service's own check."""
    seven = [c for c in ALL if c != BreachCondition.VP_CAN_JUSTIFY]
    disclosure = {"recipient_role": "ADV", "breach_conditions": seven}
    with pytest.raises(Blocked) as exc:
        decide(
            situation(advised, disclosures=[disclosure]),
            today=TODAY,
            subject="vp_report",
            machine="SM-6",
            state=advised.state,
            event="breach_considered",
            block=("R-103",),
        )
    assert "R-103" in {f.code for f in exc.value.findings}
    allowed = decide(
        situation(advised, disclosures=[{**disclosure, "breach_conditions": list(ALL)}]),
        today=TODAY,
        subject="vp_report",
        machine="SM-6",
        state=advised.state,
        event="breach_considered",
        block=("R-103",),
    )
    assert allowed.next_state == ReportState.CONFIDENTIALITY_BREACH_REVIEW


def test_all_eight_conditions_move_to_the_review_and_back(world: World, advised: Report) -> None:
    review = consider(world, advised)
    advised.refresh_from_db()
    assert advised.state == ReportState.CONFIDENTIALITY_BREACH_REVIEW
    assert advised.resume_state == ReportState.ADVICE == review.resume_state
    assert sorted(review.conditions) == sorted(ALL) and review.melder_informed_on == TODAY
    back = referrals.breach_decide(
        actor=vp(world), report=advised, outcome=BreachOutcome.NOT_DISCLOSED, today=TODAY
    )
    assert back.state == ReportState.ADVICE and back.resume_state == ""
    review.refresh_from_db()
    assert review.outcome == BreachOutcome.NOT_DISCLOSED and review.decided_on == TODAY


def test_a_statutory_duty_with_its_legal_basis_is_allowed(world: World, advised: Report) -> None:
    review = consider(world, advised, statutory_duty=True, legal_basis="Wettelijke meldplicht", conditions=())
    assert review.statutory_duty and review.conditions == []
    advised.refresh_from_db()
    assert advised.state == ReportState.CONFIDENTIALITY_BREACH_REVIEW


def test_a_statutory_duty_needs_its_legal_basis(world: World, advised: Report) -> None:
    with pytest.raises(Invalid) as exc:
        consider(world, advised, statutory_duty=True, legal_basis=" ", conditions=())
    assert "legal_basis" in exc.value.errors


@pytest.mark.parametrize("informed", [None, TODAY + timedelta(days=1)], ids=["not-informed", "in-future"])
def test_the_melder_must_be_informed_first(world: World, advised: Report, informed: object) -> None:
    with pytest.raises(Invalid) as exc:
        consider(world, advised, melder_informed_on=informed)
    assert "melder_informed_on" in exc.value.errors
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE


def test_only_the_vp_considers_it(world: World, advised: Report) -> None:
    with pytest.raises(AccessDenied):
        referrals.breach_consider(
            actor=person(world, Role.EMPLOYEE), report=advised, data=data(), today=TODAY
        )


def test_a_review_is_not_started_twice(world: World, advised: Report) -> None:
    consider(world, advised)
    advised.refresh_from_db()
    with pytest.raises(AccessDenied):
        consider(world, advised)


def test_nothing_of_the_justification_reaches_the_audit_log(world: World, advised: Report) -> None:
    consider(world, advised)
    events = AuditEvent.objects.filter(action="confidential.breach.considered")
    assert events.count() == 1 and events.get().legal_basis == "R-103"
    logged = "\n".join(str(d) for d in AuditEvent.objects.values_list("data", flat=True))
    assert "MARKER-D15" not in logged


def test_the_page_confirms_before_recording_and_keeps_what_was_typed(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    url = f"/vertrouwenspersoon/melding/{advised.pk}/geheimhouding/"
    assert client.get(url).status_code == 200
    body = {
        "recipient_role": "POL",
        "conditions": list(ALL[:7]),
        "melder_informed_on": TODAY.isoformat(),
        "justification": JUSTIFICATION,
    }
    refused = client.post(url, body)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "R-103" in page and "besluit te verantwoorden" in page and JUSTIFICATION in page
    body["conditions"] = list(ALL)
    confirm = client.post(url, body)
    assert confirm.status_code == 200 and "Ja, vastleggen" in confirm.content.decode()
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE  # nothing recorded yet
    done = client.post(url, {**body, "confirm": "yes"})
    assert done.status_code == 302
    advised.refresh_from_db()
    assert advised.state == ReportState.CONFIDENTIALITY_BREACH_REVIEW
    back = client.post(f"{url}afronden/", {"outcome": BreachOutcome.DISCLOSED})
    assert back.status_code == 302
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE


def test_the_melder_does_not_reach_the_checklist(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    response = client_as(Role.EMPLOYEE).get(f"/vertrouwenspersoon/melding/{advised.pk}/geheimhouding/")
    assert response.status_code == 403


def test_a_legal_basis_over_the_limit_is_refused_not_cut(world: World, advised: Report) -> None:
    """ADR 0126: text over a limit is refused with the limit named, never cut."""
    with pytest.raises(Invalid) as exc:
        consider(world, advised, statutory_duty=True, legal_basis="Wet " + "x" * 300, conditions=())
    assert "300" in " ".join(exc.value.errors["legal_basis"])
    assert not BreachReview.objects.exists()
    review = consider(world, advised, statutory_duty=True, legal_basis="x" * 300, conditions=())
    assert review.legal_basis == "x" * 300
