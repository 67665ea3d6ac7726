"""A case party without an account is invited by e-mail from the referral (ADR 0138, R-084)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.accounts.models import Invitation, User
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.models import Case, CaseParticipant, CaseParty, CaseRole
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role
from werkvrede.mediation.models import Mediation, MediationParty, PartySide

pytestmark = pytest.mark.django_db

NEW_ADDRESS = "teamleider.nieuw@example.test"


def _case(world: World) -> tuple[Case, CaseParty]:
    t = world.a
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk, employee=t.memberships[Role.EMPLOYEE])
    return case, CaseParty.objects.get(case=case, user__isnull=True)


def _refer(client: Client, case: Case, party: CaseParty, email: str, employee: int) -> Any:
    return client.post(
        reverse("mediation:refer", kwargs={"case_id": case.pk}),
        {"subject": "Samenwerking", "employee": employee, f"invite_{party.pk}": email},
    )


def _accept(invitee: User, message: Any) -> int:
    match = re.search(r"/account/uitnodiging/\?\S+", str(message.body))
    assert match is not None
    client = Client()
    if invitee.has_usable_password():
        client.force_login(invitee)
        return client.post(match.group(0)).status_code
    return client.post(
        match.group(0), {"new_password1": "Een-lang-wachtwoord-42", "new_password2": "Een-lang-wachtwoord-42"}
    ).status_code


def test_the_form_offers_an_e_mail_field_for_the_party_without_an_account(
    world: World, client_as: Callable[..., Client]
) -> None:
    case, party = _case(world)
    page = (
        client_as(Role.HR_ADVISER)
        .get(reverse("mediation:refer", kwargs={"case_id": case.pk}))
        .content.decode()
    )
    assert f'name="invite_{party.pk}"' in page and "uitnodigen per e-mail" in page
    # Near miss: a party with an account gets no e-mail field.
    employee_party = CaseParty.objects.get(case=case, user__isnull=False)
    assert f'name="invite_{employee_party.pk}"' not in page


def test_the_referral_invites_the_party_and_acceptance_links_case_and_mediation(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    t = world.a
    case, party = _case(world)
    employee = t.users[Role.EMPLOYEE]
    with django_capture_on_commit_callbacks(execute=True):
        response = _refer(client_as(Role.HR_ADVISER), case, party, NEW_ADDRESS, employee.pk)
    assert response.status_code == 302
    mediation = Mediation.objects.get(case=case)
    assert list(mediation.parties.values_list("user_id", flat=True)) == [employee.pk]
    (message,) = mail.outbox
    assert message.to == [NEW_ADDRESS] and case.reference not in str(message.body)
    assert AuditEvent.objects.filter(action="mediation.party.invited").count() == 1
    # Until accepted the mediation shows the party as invited.
    detail = client_as(Role.EMPLOYEE).get(reverse("mediation:detail", kwargs={"mediation_id": mediation.pk}))
    invited = re.findall(r'<li data-testid="invited">(.*?)</li>', detail.content.decode())
    assert len(invited) == 1 and "de teamleider" in invited[0] and "uitgenodigd" in invited[0]

    invitee = User.objects.get(email=NEW_ADDRESS)
    assert _accept(invitee, message) == 302
    party.refresh_from_db()
    assert party.user_id == invitee.pk
    assert CaseParticipant.objects.filter(case=case, user=invitee, role=CaseRole.OTHER_PARTY).exists()
    assert MediationParty.objects.filter(mediation=mediation, user=invitee, side=PartySide.OTHER).exists()
    assert AuditEvent.objects.filter(action="mediation.party.joined", user_id=invitee.pk).exists()

    # A second acceptance of the same link does nothing.
    assert _accept(User.objects.get(pk=invitee.pk), message) == 404
    assert MediationParty.objects.filter(mediation=mediation).count() == 2
    assert CaseParticipant.objects.filter(case=case, user=invitee).count() == 1
    detail = client_as(Role.EMPLOYEE).get(reverse("mediation:detail", kwargs={"mediation_id": mediation.pk}))
    assert 'data-testid="invited"' not in detail.content.decode()


def test_a_second_invitation_for_an_already_linked_party_changes_nothing(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    t = world.a
    case, party = _case(world)
    with django_capture_on_commit_callbacks(execute=True):
        _refer(client_as(Role.HR_ADVISER), case, party, NEW_ADDRESS, t.users[Role.EMPLOYEE].pk)
    (message,) = mail.outbox
    invitation = Invitation.objects.get(purpose="mediation.party")
    # Someone else got linked first (e.g. through Mensen and the case): the late acceptance leaves it.
    party.user = t.users[Role.LINE_MANAGER]
    party.save(update_fields=["user"])
    assert _accept(User.objects.get(email=NEW_ADDRESS), message) == 302
    party.refresh_from_db()
    assert party.user_id == t.users[Role.LINE_MANAGER].pk
    assert not MediationParty.objects.filter(mediation__case=case, user=invitation.invitee).exists()


def test_an_address_of_a_member_is_refused_with_the_way_out(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    t = world.a
    case, party = _case(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = _refer(
            client_as(Role.HR_ADVISER),
            case,
            party,
            t.users[Role.LINE_MANAGER].email.upper(),
            t.users[Role.EMPLOYEE].pk,
        )
    page = response.content.decode()
    assert response.status_code == 200 and "kies die persoon als partij" in page
    assert t.users[Role.LINE_MANAGER].email.upper() in page  # nothing typed is lost
    assert not Mediation.objects.filter(case=case).exists() and mail.outbox == []
    # A malformed address is refused at its field.
    bad = _refer(client_as(Role.HR_ADVISER), case, party, "geen-adres", t.users[Role.EMPLOYEE].pk)
    assert bad.status_code == 200 and not Mediation.objects.filter(case=case).exists()


def test_an_address_in_another_organisation_is_answered_like_a_new_one(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    """No oracle: an account elsewhere gets the same answer as an unknown address (ADR 0070)."""
    t = world.a
    elsewhere = world.b.users[Role.HR_ADVISER]
    answers = []
    for address in (elsewhere.email, NEW_ADDRESS):
        case, party = _case(world)
        with django_capture_on_commit_callbacks(execute=True):
            response = client_as(Role.HR_ADVISER).post(
                reverse("api:case-mediations-refer", kwargs={"case_id": case.pk}),
                json.dumps(
                    {
                        "subject": "Samenwerking",
                        "parties": [{"user_id": t.users[Role.EMPLOYEE].pk, "side": "WN"}],
                        "invite": [{"case_party_id": party.pk, "email": address}],
                    }
                ),
                content_type="application/json",
            )
        body = response.json()
        answers.append((response.status_code, sorted(body)))
        assert address not in json.dumps(body)
    assert answers[0] == answers[1] and answers[0][0] == 201
    elsewhere.refresh_from_db()
    assert not elsewhere.memberships.filter(organisation=t.organisation).exists()  # only on acceptance
