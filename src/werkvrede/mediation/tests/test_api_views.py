"""The API and the pages apply the same rules: R-072 refused with its code, R-073 warnings, R-080."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.mediation import services
from werkvrede.mediation.models import MediationState
from werkvrede.mediation.tests.helpers import FULL_AGREEMENT, TODAY, actor, in_intake, in_session, signed

# A coming date, so that only the missing signatures refuse the session.
_COMING = (timezone.localtime() + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)


def _session_body(world: World) -> dict[str, Any]:
    return {
        "starts_at": _COMING.isoformat(),
        "duration_minutes": 60,
        "participant_ids": [world.a.users[Role.EMPLOYEE].pk, world.a.users[Role.LINE_MANAGER].pk],
    }


def test_api_refuses_a_session_before_all_signatures_with_r072(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    services.agreement_draft(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY
    )
    response = client_as(Role.MEDIATOR).post(
        reverse("api:mediation-sessions-create", kwargs={"mediation_id": mediation.pk}),
        _session_body(world),
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "R-072" in {f["code"] for f in response.json()["findings"]}


def test_page_refuses_a_session_before_all_signatures_with_r072(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    response = client_as(Role.MEDIATOR).post(
        reverse("mediation:session-new", kwargs={"mediation_id": mediation.pk}),
        {
            "starts_at": _COMING.strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "60",
            "participants": [world.a.users[Role.EMPLOYEE].pk],
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "R-072" in page and "Nog niet opgeslagen" in page


def test_agreement_warning_is_acknowledged_on_the_page_r073(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    url = reverse("mediation:agreement", kwargs={"mediation_id": mediation.pk})
    body = {"voluntary": "on", "confidential": "on", "neutrality": "on", "reglement": "MfN"}
    client = client_as(Role.MEDIATOR)
    first = client.post(url, body)
    assert first.status_code == 200 and "R-073" in first.content.decode()
    assert 'value="MfN"' in first.content.decode()  # nothing typed is lost
    second = client.post(url, {**body, "acknowledged": "R-073"})
    assert second.status_code == 302
    mediation.refresh_from_db()
    assert mediation.state == MediationState.AGREEMENT_PENDING


def test_missing_confidentiality_blocks_in_the_api_r073(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    response = client_as(Role.MEDIATOR).post(
        reverse("api:mediation-agreement", kwargs={"mediation_id": mediation.pk}),
        {"voluntary": True, "confidential": False, "neutrality": True},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "blocked"
    assert {f["code"] for f in response.json()["findings"]} == {"R-073"}


def test_signing_on_the_page_with_confirmation(world: World, client_as: Callable[..., Client]) -> None:
    mediation = in_intake(world)
    doc = services.agreement_draft(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, data=FULL_AGREEMENT, today=TODAY
    )
    url = reverse("mediation:document", kwargs={"mediation_id": mediation.pk, "document_id": doc.pk})
    client = client_as(Role.EMPLOYEE)
    page = client.get(url).content.decode()
    assert "Ondertekenen" in page
    unconfirmed = client.post(url, {"typed_name": world.a.users[Role.EMPLOYEE].full_name})
    assert unconfirmed.status_code == 200
    confirmed = client.post(url, {"typed_name": world.a.users[Role.EMPLOYEE].full_name, "confirm": "on"})
    assert confirmed.status_code == 302
    assert doc.signatures.count() == 1


def test_withdrawal_over_the_api_ends_with_the_neutral_notice(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_session(world)
    response = client_as(Role.EMPLOYEE).post(
        reverse("api:mediation-withdrawal", kwargs={"mediation_id": mediation.pk}),
        {"typed_name": world.a.users[Role.EMPLOYEE].full_name},
        content_type="application/json",
    )
    assert response.status_code == 200
    kinds = {d["kind"] for d in response.json()["documents"]}
    assert {"WITHDRAWAL_STATEMENT", "NEUTRAL_NOTICE"} <= kinds
    mediation.refresh_from_db()
    assert mediation.state == MediationState.ENDED_NO_AGREEMENT


def test_the_neutral_notice_has_no_input_anywhere_r080(
    world: World, client_as: Callable[..., Client]
) -> None:
    schema = client_as(Role.MEDIATOR).get("/api/v1/openapi.json").json()
    paths = [p for p in schema["paths"] if "mediation" in p]
    assert paths and not [p for p in paths if "notice" in p]
    assert "/api/v1/mediations/{mediation_id}/end" in schema["paths"]
    end_schema = schema["components"]["schemas"]["EndIn"]["properties"]
    assert set(end_schema) == {"typed_name", "ended_on"}


def test_outcome_page_and_end_confirmation(world: World, client_as: Callable[..., Client]) -> None:
    mediation = signed(world)
    client = client_as(Role.MEDIATOR)
    assert client.get(reverse("mediation:detail", kwargs={"mediation_id": mediation.pk})).status_code == 200
    assert Document.objects.filter(kind="MEDIATION_AGREEMENT", locked_at__isnull=False).exists()


def test_referral_page_takes_over_an_intervention(world: World, client_as: Callable[..., Client]) -> None:
    from werkvrede.interventions.models import Intervention, InterventionKind
    from werkvrede.mediation.models import Mediation
    from werkvrede.mediation.tests.helpers import employee_case

    case = employee_case(world)
    referral = Intervention.objects.create(
        case=case, kind=InterventionKind.REFERRAL_MEDIATOR, created_by=world.a.users[Role.HR_ADVISER]
    )
    client = client_as(Role.HR_ADVISER)
    url = reverse("mediation:refer", kwargs={"case_id": case.pk})
    assert "Neemt deze verwijzing over" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "subject": "Samenwerking",
            "employee": world.a.users[Role.EMPLOYEE].pk,
            "employer_representative": world.a.users[Role.LINE_MANAGER].pk,
            "mediator": world.a.users[Role.MEDIATOR].pk,
            "referral_id": referral.pk,
        },
    )
    assert response.status_code == 302
    assert Mediation.objects.get().referral_id == referral.pk


def test_a_refused_revocation_does_not_tell_whether_the_admission_exists(
    world: World, client_as: Callable[..., Client]
) -> None:
    """HR and CM see the mediation's status, not its admissions; the person asked for is no party.

    Each gets the same answer for an admission that exists as for an id that does not (no
    existence oracle): the refusal comes before the admission is looked up.
    """
    mediation = in_intake(world)
    admission = services.admission_request(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation.pk,
        user_id=world.a.users[Role.COMPANY_SOCIAL_WORKER].pk,
        kind="SUPPORTER",
        for_party_id=None,
        today=TODAY,
    )

    def revoke(role: Role, admission_id: int) -> int:
        url = reverse(
            "api:mediation-admission-revoke",
            kwargs={"mediation_id": mediation.pk, "admission_id": admission_id},
        )
        return int(client_as(role).post(url, {}, content_type="application/json").status_code)

    for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.COMPANY_SOCIAL_WORKER):
        assert revoke(role, admission.pk) == revoke(role, admission.pk + 1000) == 403, role


def test_one_party_message_shows_r083_on_the_page_then_sends(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    url = reverse("mediation:message-new", kwargs={"mediation_id": mediation.pk})
    body = {"recipients": [world.a.users[Role.EMPLOYEE].pk], "text": "Even bellen?"}
    client = client_as(Role.MEDIATOR)
    first = client.post(url, body)
    page = first.content.decode()
    assert first.status_code == 200 and "R-083" in page and "Even bellen?" in page
    assert not mediation.messages.exists()
    second = client.post(url, {**body, "acknowledged": "R-083"})
    assert second.status_code == 302
    assert mediation.messages.get().one_sided is True
    shown = client_as(Role.EMPLOYEE).get(reverse("mediation:detail", kwargs={"mediation_id": mediation.pk}))
    assert "Even bellen?" in shown.content.decode()
    detail = reverse("mediation:detail", kwargs={"mediation_id": mediation.pk})
    other = client_as(Role.LINE_MANAGER).get(detail)
    assert "Even bellen?" not in other.content.decode()


def test_one_party_message_in_the_api_answers_409_with_r083_until_acknowledged(
    world: World, client_as: Callable[..., Client]
) -> None:
    mediation = in_intake(world)
    url = reverse("api:mediation-messages-create", kwargs={"mediation_id": mediation.pk})
    body: dict[str, Any] = {"recipient_ids": [world.a.users[Role.LINE_MANAGER].pk], "text": "Alleen aan u"}
    client = client_as(Role.MEDIATOR)
    first = client.post(url, body, content_type="application/json")
    assert first.status_code == 409
    assert {f["code"] for f in first.json()["findings"]} == {"R-083"}
    second = client.post(url, {**body, "acknowledged": ["R-083"]}, content_type="application/json")
    assert second.status_code == 201


def test_exit_outcome_with_an_end_of_employment_in_the_api_then_the_draft_shows_its_terms(
    world: World, client_as: Callable[..., Client]
) -> None:
    from werkvrede.mediation.models import TerminationAgreement
    from werkvrede.mediation.tests.helpers import sign

    mediation = in_session(world)
    url = reverse("api:mediation-outcome", kwargs={"mediation_id": mediation.pk})
    body = {"kind": "VSO", "points": ["MARKER-TERM-7f3"], "employment_ends_on": "2025-06-01"}
    client = client_as(Role.MEDIATOR)
    refused = client.post(url, body, content_type="application/json")  # restoration track
    assert refused.status_code == 409
    assert not Document.objects.filter(owner_id=mediation.pk, kind="OUTCOME_AGREEMENT").exists()
    services.track_set(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk, track="EXIT", today=TODAY
    )
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201
    doc = Document.objects.get(pk=created.json()["id"])
    sign(world, mediation, doc, Role.EMPLOYEE)
    sign(world, mediation, doc, Role.LINE_MANAGER)
    ta = TerminationAgreement.objects.get(mediation=mediation)
    page = client_as(Role.EMPLOYEE).get(reverse("mediation:termination", kwargs={"agreement_id": ta.pk}))
    assert page.status_code == 200
    assert "MARKER-TERM-7f3" in page.content.decode()


def test_the_neutral_notice_page_says_only_that_it_is_not_signed_r080(
    world: World, client_as: Callable[..., Client]
) -> None:
    from werkvrede.documents.models import DocumentKind
    from werkvrede.documents.services import latest

    mediation = in_session(world)
    services.party_withdraw(
        actor=actor(world, Role.EMPLOYEE),
        mediation_id=mediation.pk,
        typed_name=world.a.users[Role.EMPLOYEE].full_name,
        today=TODAY,
    )
    notice = latest("mediation.mediation", mediation.pk, DocumentKind.NEUTRAL_NOTICE)
    agreement = latest("mediation.mediation", mediation.pk, DocumentKind.MEDIATION_AGREEMENT)
    assert notice is not None and agreement is not None and agreement.signers
    client = client_as(Role.MEDIATOR)
    page = client.get(
        reverse("mediation:document", kwargs={"mediation_id": mediation.pk, "document_id": notice.pk})
    ).content.decode()
    assert "wordt niet ondertekend" in page
    assert "ondertekend." not in page.replace("niet ondertekend", "")
    assert "Door iedereen ondertekend" not in page
    # Near miss: the signed agreement still says it was signed by everyone.
    signed_page = client.get(
        reverse("mediation:document", kwargs={"mediation_id": mediation.pk, "document_id": agreement.pk})
    ).content.decode()
    assert "Door iedereen ondertekend" in signed_page
