"""A request that arrives while no mediator takes requests waits for one, and the visitor is told so."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.contact import services
from werkvrede.contact.models import ContactRequest
from werkvrede.contact.tests.helpers import accepting, request_data
from werkvrede.core.roles import Role

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Ingrid de Ondernemer",
    "organisation_name": "Bakkerij Ondernemer",
    "email": "ingrid@bakkerij.example",
    "phone": "",
    "requester_role": "EMPLOYER",
    "people_involved": "2",
    "preferred_contact": "EMAIL",
    "website": "",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limit() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def test_without_an_accepting_mediator_the_visitor_is_told_the_request_waits(world: World) -> None:
    page = Client().post(reverse("contact:request"), FORM, follow=True).content.decode()
    assert ContactRequest.objects.count() == 1
    assert "Een mediator neemt contact met je op op de manier die je koos" not in page
    assert "We bewaren je vraag" in page and "90 dagen" in page


def test_with_an_accepting_mediator_the_visitor_is_told_it_went_to_them(world: World) -> None:
    accepting(world, "a")
    page = Client().post(reverse("contact:request"), FORM, follow=True).content.decode()
    assert "We bewaren je vraag" not in page
    assert "doorgestuurd" in page


def test_a_mediator_who_switches_acceptance_on_gets_the_waiting_requests(
    world: World,
    client_as: Callable[..., Client],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    today = timezone.localdate()
    waiting = services.contact_request_submit(data=request_data(), today=today)
    assert not waiting.recipients.exists()
    client = client_as(Role.MEDIATOR)
    assert "Bakkerij" not in client.get(reverse("contact:list")).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.settings_update(
            actor=actor_of(world.a.users[Role.MEDIATOR], world.a.organisation.pk), accepts=True
        )
    assert list(waiting.recipients.values_list("user_id", flat=True)) == [world.a.users[Role.MEDIATOR].pk]
    assert "Bakkerij" in client.get(reverse("contact:list")).content.decode()
    assert [m.to for m in mail.outbox] == [[world.a.users[Role.MEDIATOR].email]]
    assert AuditEvent.objects.filter(action="contact.request.assigned", object_id=str(waiting.pk)).exists()


def test_switching_on_does_not_hand_over_requests_that_already_have_a_mediator_or_expired(
    world: World,
) -> None:
    accepting(world, "b")
    addressed = services.contact_request_submit(data=request_data(), today=timezone.localdate())
    services.settings_update(
        actor=actor_of(world.b.users[Role.MEDIATOR], world.b.organisation.pk), accepts=False
    )
    expired = services.contact_request_submit(
        data=request_data(), today=timezone.localdate() - timedelta(days=200)
    )
    accepting(world, "a")
    med_a = world.a.users[Role.MEDIATOR].pk
    assert not addressed.recipients.filter(user_id=med_a).exists()
    assert not expired.recipients.filter(user_id=med_a).exists()


def test_switching_off_hands_over_nothing(world: World) -> None:
    waiting = services.contact_request_submit(data=request_data(), today=timezone.localdate())
    services.settings_update(
        actor=actor_of(world.a.users[Role.MEDIATOR], world.a.organisation.pk), accepts=False
    )
    assert not waiting.recipients.exists()
