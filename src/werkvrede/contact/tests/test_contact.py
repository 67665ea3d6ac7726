"""Vrijblijvend contact: the public form, its limits, and the mediator's set-up of the organisation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from conftest import World
from werkvrede.accounts.models import RoleGrant, User
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.contact import services
from werkvrede.contact.models import ContactRequest
from werkvrede.contact.tests.helpers import accepting, request_data, request_to
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role
from werkvrede.mediation.models import Mediation

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


def test_the_form_is_public_shows_the_privacy_statement_and_asks_nothing_sensitive(db: None) -> None:
    response = Client().get(reverse("contact:request"))
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Wat bewaren we?", "Waarom?", "Hoe lang?", "Wie leest het?"):
        assert heading in page
    assert "Beschrijf hier het conflict niet." in page
    assert "<textarea" not in page  # no free-text field to describe the conflict in


def test_csrf_is_checked(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("contact:request"), FORM).status_code == 403
    assert ContactRequest.objects.count() == 0


def test_a_request_reaches_the_accepting_mediators_by_an_e_mail_without_content(
    world: World, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    accepting(world, "a")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("contact:request"), FORM)
    assert response.status_code == 302 and response["Location"] == reverse("contact:thanks")
    request = ContactRequest.objects.get()
    assert list(request.recipients.values_list("user_id", flat=True)) == [world.a.users[Role.MEDIATOR].pk]
    (message,) = mail.outbox
    assert message.to == [world.a.users[Role.MEDIATOR].email]
    for detail in ("Ingrid", "Bakkerij", "bakkerij.example"):
        assert detail not in str(message.body) and detail not in str(message.subject)
    assert request.delete_after == timezone.localdate() + timedelta(days=90)


def test_a_filled_honeypot_is_thanked_and_stores_nothing(world: World) -> None:
    accepting(world, "a")
    response = Client().post(reverse("contact:request"), FORM | {"website": "http://spam.example"})
    assert response.status_code == 302
    assert ContactRequest.objects.count() == 0


def test_a_validation_error_keeps_what_was_typed(db: None) -> None:
    response = Client().post(reverse("contact:request"), FORM | {"preferred_contact": "PHONE", "email": "x"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Ingrid de Ondernemer"' in page and "telefoonnummer" in page.lower()
    assert ContactRequest.objects.count() == 0


@override_settings(WERKVREDE_CONTACT_PER_IP_PER_HOUR=3, WERKVREDE_CONTACT_TOTAL_PER_HOUR=5)
def test_submissions_are_limited_per_ip_and_overall(db: None) -> None:
    url = reverse("contact:request")
    one = Client(REMOTE_ADDR="203.0.113.1")
    assert [one.post(url, FORM).status_code for _ in range(4)] == [302, 302, 302, 429]
    assert "te veel aanvragen" in one.post(url, FORM).content.decode()
    two = Client(REMOTE_ADDR="203.0.113.2")
    # Overall: 3 accepted so far; the 6th accepted one from any address is refused.
    assert [two.post(url, FORM).status_code for _ in range(3)] == [302, 302, 429]
    three = Client(REMOTE_ADDR="203.0.113.3")
    assert three.post(url, FORM).status_code == 429
    assert ContactRequest.objects.count() == 5


@override_settings(WERKVREDE_CONTACT_PER_IP_PER_HOUR=2)
def test_the_per_client_limit_ignores_x_forwarded_for_and_counts_an_ipv6_64_as_one_client(db: None) -> None:
    url = reverse("contact:request")
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:5:6::{n + 1}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        .post(url, FORM)
        .status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Client(REMOTE_ADDR="2001:db8:5:7::1").post(url, FORM).status_code == 302


@override_settings(WERKVREDE_CONTACT_PER_IP_PER_HOUR=2, WERKVREDE_TRUSTED_PROXIES=1)
def test_behind_one_trusted_proxy_each_visitor_has_their_own_limit_and_cannot_forge_another(db: None) -> None:
    url = reverse("contact:request")

    def via_proxy(forwarded: str) -> int:
        return Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded).post(url, FORM).status_code

    assert [via_proxy("203.0.113.1") for _ in range(3)] == [302, 302, 429]
    # Another visitor behind the same proxy is not affected by the first one's limit.
    assert via_proxy("203.0.113.2") == 302
    # Prepending a made-up address changes nothing: the proxy appended the real one.
    assert via_proxy("198.51.100.1, 203.0.113.1") == 429


def test_only_the_addressed_mediators_see_a_request_and_once_taken_only_the_taker(
    world: World, client_as: Callable[..., Client]
) -> None:
    accepting(world, "a")
    accepting(world, "b")
    request = services.contact_request_submit(data=request_data(), today=date(2026, 3, 2))
    detail = reverse("contact:detail", kwargs={"request_id": request.pk})
    med_a, med_b = client_as(Role.MEDIATOR), client_as(Role.MEDIATOR, "b")
    assert med_a.get(detail).status_code == 200 and med_b.get(detail).status_code == 200
    assert med_b.post(reverse("contact:take", kwargs={"request_id": request.pk})).status_code == 302
    assert med_a.get(detail).status_code == 404
    assert "Bakkerij" not in med_a.get(reverse("contact:list")).content.decode()
    assert med_b.get(detail).status_code == 200
    # A mediator who does not accept requests when one arrives never gets it.
    services.settings_update(
        actor=actor_of(world.a.users[Role.MEDIATOR], world.a.organisation.pk), accepts=False
    )
    later = services.contact_request_submit(data=request_data(), today=date(2026, 3, 2))
    assert list(later.recipients.values_list("user_id", flat=True)) == [world.b.users[Role.MEDIATOR].pk]
    assert client_as(Role.HR_ADVISER).get(detail).status_code == 404


def test_the_whole_flow_from_request_to_invited_parties(
    world: World, client_as: Callable[..., Client], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    accepting(world, "a")
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(reverse("contact:request"), FORM)
    request = ContactRequest.objects.get()
    mediator = client_as(Role.MEDIATOR)
    assert mediator.post(reverse("contact:take", kwargs={"request_id": request.pk})).status_code == 302
    setup = reverse("contact:setup", kwargs={"request_id": request.pk})
    page = mediator.get(setup).content.decode()
    assert 'value="ingrid@bakkerij.example"' in page  # prefilled from the request
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = mediator.post(
            setup,
            {
                "organisation_name": "Bakkerij Ondernemer",
                "employer_name": "Ingrid de Ondernemer",
                "employer_email": "ingrid@bakkerij.example",
                "employee_name": "Wim Werknemer",
                "employee_email": "wim@bakkerij.example",
            },
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.SET_UP
    organisation = request.organisation
    assert organisation is not None and organisation.name == "Bakkerij Ondernemer"

    def roles_of(user: User) -> set[str]:
        return set(
            RoleGrant.objects.filter(
                membership__user=user, membership__organisation=organisation
            ).values_list("role", flat=True)
        )

    assert roles_of(world.a.users[Role.MEDIATOR]) == {"MED"}
    # The parties become members (and parties to the mediation) only by accepting (Refs #9).
    assert roles_of(User.objects.get(email="ingrid@bakkerij.example")) == set()
    assert roles_of(User.objects.get(email="wim@bakkerij.example")) == set()
    assert not Mediation.objects.filter(organisation=organisation).exists()
    detail = mediator.get(reverse("contact:detail", kwargs={"request_id": request.pk})).content.decode()
    assert "Wim Werknemer" in detail and detail.count("nog niet aangenomen") == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ingrid@bakkerij.example", "wim@bakkerij.example"]
    message = next(m for m in mail.outbox if m.to == ["wim@bakkerij.example"])
    assert "Bakkerij" not in str(message.body)
    password = "een lang en sterk wachtwoord 42"

    def accept(email: str) -> None:
        message = next(m for m in mail.outbox if m.to == [email])
        link = re.search(r"/account/uitnodiging/\?\S+", str(message.body))
        assert link is not None
        response = Client().post(link.group(0), {"new_password1": password, "new_password2": password})
        assert response.status_code == 302

    accept("wim@bakkerij.example")
    assert roles_of(User.objects.get(email="wim@bakkerij.example")) == {"WN"}
    assert not Mediation.objects.filter(organisation=organisation).exists()  # Ingrid has not accepted yet
    accept("ingrid@bakkerij.example")
    assert roles_of(User.objects.get(email="ingrid@bakkerij.example")) == {"LG"}
    wim = Client()
    assert (
        wim.post("/account/inloggen/", {"username": "wim@bakkerij.example", "password": password}).status_code
        == 302
    )
    assert AuditEvent.objects.filter(action="contact.request.set_up", object_id=str(request.pk)).exists()
    # The mediation for the new organisation: no case, this mediator, both parties on their sides.
    mediation = Mediation.objects.get(organisation=organisation)
    assert mediation.case_id is None and mediation.mediator_id == world.a.users[Role.MEDIATOR].pk
    assert set(mediation.parties.values_list("user__email", "side")) == {
        ("ingrid@bakkerij.example", "ER"),
        ("wim@bakkerij.example", "WN"),
    }
    assert wim.get(reverse("mediation:detail", kwargs={"mediation_id": mediation.pk})).status_code == 200


def test_the_mediator_cannot_be_a_party(world: World) -> None:
    request = request_to(world, "a", taken=True)
    mediator = world.a.users[Role.MEDIATOR]
    with pytest.raises(Invalid, match="SOD-2"):
        services.request_setup(
            actor=actor_of(mediator, world.a.organisation.pk),
            request=request,
            organisation_name="X",
            parties=[
                services.Party("M", mediator.email, Role.LINE_MANAGER),
                services.Party("W", "w@example.test", Role.EMPLOYEE),
            ],
        )


def test_requests_are_deleted_after_the_retention_period(world: World) -> None:
    request = request_to(world, "a")
    assert services.contact_requests_purge(today=request.delete_after) == 0
    out = StringIO()
    call_command(
        "purge_contact_requests", "--today", str(request.delete_after + timedelta(days=1)), stdout=out
    )
    assert "1 contact request(s) deleted" in out.getvalue()
    assert not ContactRequest.objects.exists()


def test_the_start_page_tells_the_mediator_that_requests_wait(
    world: World, client_as: Callable[..., Client]
) -> None:
    request_to(world, "a")
    assert "Nieuwe contactaanvraag" in client_as(Role.MEDIATOR).get("/").content.decode()
    assert "Nieuwe contactaanvraag" not in client_as(Role.MEDIATOR, "b").get("/").content.decode()
    assert "Vrijblijvend contact met een mediator" in Client().get("/account/inloggen/").content.decode()
