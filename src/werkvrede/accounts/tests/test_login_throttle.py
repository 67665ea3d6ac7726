"""Log-in throttling that protects without locking people out, with the numbers (ADR 0055).

Per account and client: five failures, then a delay of 30 s that doubles up to 15 minutes. Per
account: at most 100 failures an hour, from all clients together. Per client: failures on at most 20
accounts an hour, then an hour's cool-off. The owner and the Beheerders hear of an attack by e-mail.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import Message
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from conftest import PASSWORD, World
from werkvrede.accounts.models import Membership
from werkvrede.accounts.services import membership_grant, organisation_create, user_create
from werkvrede.accounts.tests.conftest import Clock, Mailbox
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

URL = "/account/inloggen/"
ATTACKER = "198.51.100.66"
OWNER_DESK = "192.0.2.10"


def attempt(email: str, password: str, address: str, **headers: Any) -> Response:
    return Client(REMOTE_ADDR=address, **headers).post(URL, {"username": email, "password": password})


def logged_in(response: Response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def evaluated_failure(response: Response) -> bool:
    """The password was checked and was wrong: the ordinary answer, not a throttle."""
    return response.status_code == 200 and "Controleer beide" in response.content.decode()


def throttled(response: Response) -> bool:
    return response.status_code == 429


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def events(action: str, **filters: Any) -> int:
    return AuditEvent.objects.filter(action=action, **filters).count()


def test_ten_failures_from_anywhere_do_not_lock_the_owner_out(world: World, clock: Clock) -> None:
    """Lockout as a weapon: ten wrong passwords used to shut the only bedrijfsarts out for an hour."""
    physician = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    for n in range(10):
        assert evaluated_failure(attempt(physician.email, "wrong", f"203.0.113.{n}"))
    assert logged_in(attempt(physician.email, PASSWORD, OWNER_DESK))


def test_five_failures_from_one_client_then_the_sixth_attempt_waits_30_seconds(
    world: World, clock: Clock
) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for _ in range(5):
        assert evaluated_failure(attempt(user.email, "wrong", ATTACKER))
    sixth = attempt(user.email, PASSWORD, ATTACKER)  # even the right password is not checked now
    assert throttled(sixth)
    assert sixth["Retry-After"] == "30"
    html = sixth.content.decode()
    assert "Wacht 30 seconden" in html
    assert "_auth_user_id" not in sixth.client.session
    assert events("accounts.login.failed", user_id=user.pk) == 5
    throttle_event = AuditEvent.objects.get(action="accounts.login.throttled")
    assert throttle_event.user_id == user.pk
    assert throttle_event.outcome == "denied"
    assert throttle_event.data["rule"] == "account_client"
    assert ATTACKER not in str(throttle_event.data)


def test_the_delay_doubles_after_each_further_failure_and_stops_at_15_minutes(
    world: World, clock: Clock
) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for _ in range(5):
        attempt(user.email, "wrong", ATTACKER)
    for delay in (30, 60, 120, 240, 480, 900, 900):
        refused = attempt(user.email, "wrong", ATTACKER)
        assert throttled(refused) and refused["Retry-After"] == str(delay)
        clock.advance(delay - 1)
        almost = attempt(user.email, "wrong", ATTACKER)
        assert throttled(almost) and almost["Retry-After"] == "1"
        clock.advance(1)
        assert evaluated_failure(attempt(user.email, "wrong", ATTACKER))
    # Throttled attempts are not failures: only the checked passwords count.
    assert events("accounts.login.failed", user_id=user.pk) == 5 + 7
    assert events("accounts.login.throttled", user_id=user.pk) == 2 * 7


def test_the_owner_logs_in_from_their_own_desk_while_the_account_is_attacked(
    world: World, clock: Clock
) -> None:
    physician = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]  # the organisation's only bedrijfsarts
    for _ in range(12):
        attempt(physician.email, "wrong", ATTACKER)
        clock.advance(1)
    assert throttled(attempt(physician.email, PASSWORD, ATTACKER))
    assert evaluated_failure(attempt(physician.email, "typo", OWNER_DESK))
    assert logged_in(attempt(physician.email, PASSWORD, OWNER_DESK))
    # The owner's log-in does not lift the attacker's delay.
    assert throttled(attempt(physician.email, PASSWORD, ATTACKER))


def test_a_success_clears_the_delay_of_that_client_for_that_account(world: World, clock: Clock) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for _ in range(5):
        attempt(user.email, "wrong", OWNER_DESK)
    clock.advance(30)
    assert logged_in(attempt(user.email, PASSWORD, OWNER_DESK))
    for _ in range(5):
        assert evaluated_failure(attempt(user.email, "wrong", OWNER_DESK))
    assert throttled(attempt(user.email, "wrong", OWNER_DESK))


@pytest.mark.parametrize(("quiet", "next_delay"), [(3599, "120"), (3600, None)])
def test_the_client_delay_expires_after_an_hour_without_failures(
    world: World, clock: Clock, quiet: int, next_delay: str | None
) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for _ in range(5):
        attempt(user.email, "wrong", ATTACKER)
    clock.advance(30)
    assert evaluated_failure(attempt(user.email, "wrong", ATTACKER))  # the sixth: the next wait is 60 s
    clock.advance(quiet)
    assert evaluated_failure(attempt(user.email, "wrong", ATTACKER))
    after = attempt(user.email, "wrong", ATTACKER)
    if next_delay is None:  # an hour without failures: the count started again at one
        assert evaluated_failure(after)
    else:  # within the hour: the seventh failure, so the wait doubled again
        assert throttled(after) and after["Retry-After"] == next_delay


def test_spraying_20_accounts_from_one_client_passes_the_21st_blocks_it_even_with_a_right_password(
    world: World, clock: Clock
) -> None:
    targets = [f"nobody{n}@org-a.test" for n in range(15)] + [
        world.a.users[role].email
        for role in (Role.HR_ADVISER, Role.CASEMANAGER, Role.LINE_MANAGER, Role.MEDIATOR, Role.SUPPORTER)
    ]
    for email in targets:  # 20 different accounts, known and unknown alike
        assert evaluated_failure(attempt(email, "Welkom2024!", ATTACKER))
    employee = world.a.users[Role.EMPLOYEE]
    # Twenty is allowed: a right password from that client still works, and does not reset the count.
    assert logged_in(attempt(employee.email, PASSWORD, ATTACKER))
    assert evaluated_failure(attempt(world.a.users[Role.ADMIN].email, "Welkom2024!", ATTACKER))  # 21st
    blocked = attempt(employee.email, PASSWORD, ATTACKER)
    assert throttled(blocked)
    assert "verschillende accounts" in blocked.content.decode()
    assert int(blocked["Retry-After"]) == 3600
    assert events("accounts.login.client_blocked") == 1
    assert AuditEvent.objects.filter(action="accounts.login.throttled", data__rule="client").count() == 1
    # The accounts themselves are not affected: their owners log in from elsewhere.
    assert logged_in(attempt(employee.email, PASSWORD, OWNER_DESK))
    clock.advance(3599)
    assert throttled(attempt(employee.email, PASSWORD, ATTACKER))
    clock.advance(1)
    assert logged_in(attempt(employee.email, PASSWORD, ATTACKER))


def test_an_office_behind_one_address_with_a_few_clumsy_colleagues_is_not_spraying(
    world: World, clock: Clock
) -> None:
    office = "192.0.2.200"
    for role in (Role.EMPLOYEE, Role.LINE_MANAGER, Role.HR_ADVISER):  # 3 people, 7 typos each: 21
        email = world.a.users[role].email
        for wait in (0, 0, 0, 0, 0, 30, 60):
            clock.advance(wait)
            assert evaluated_failure(attempt(email, "wrong", office))
    assert logged_in(attempt(world.a.users[Role.CASEMANAGER].email, PASSWORD, office))


def test_at_most_100_failures_an_hour_per_account_then_password_log_ins_wait_for_everyone(
    world: World, clock: Clock
) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for n in range(99):  # a different client each time: no client reaches its own limits
        attempt(user.email, "wrong", f"10.0.{n // 250}.{n % 250 + 1}")
    assert evaluated_failure(attempt(user.email, "wrong", "10.1.0.1"))  # the 100th is still checked
    assert events("accounts.login.failed", user_id=user.pk) == 100
    refused = attempt(user.email, PASSWORD, OWNER_DESK)  # the 101st: even the owner, at their desk
    assert throttled(refused)
    assert "ook de eigenaar" in refused.content.decode()
    assert refused["Retry-After"] == "3600"
    assert events("accounts.login.failed", user_id=user.pk) == 100
    assert events("accounts.login.locked_out", user_id=user.pk) == 1
    assert AuditEvent.objects.filter(action="accounts.login.throttled", data__rule="account").count() == 1
    # Other accounts are not affected.
    assert logged_in(attempt(world.a.users[Role.HR_ADVISER].email, PASSWORD, "10.1.0.1"))
    clock.advance(3599)
    assert throttled(attempt(user.email, PASSWORD, OWNER_DESK))
    clock.advance(1)
    assert logged_in(attempt(user.email, PASSWORD, OWNER_DESK))


def test_a_spoofed_x_forwarded_for_changes_nothing(world: World, clock: Clock) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for n in range(5):
        attempt(
            user.email.upper() if n % 2 else user.email,
            "wrong",
            ATTACKER,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    refused = attempt(f"  {user.email.upper()} ", PASSWORD, ATTACKER, HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert throttled(refused)
    # Claiming the owner's address does not borrow the owner's standing either.
    assert throttled(attempt(user.email, PASSWORD, ATTACKER, HTTP_X_FORWARDED_FOR=OWNER_DESK))
    assert logged_in(attempt(user.email, PASSWORD, OWNER_DESK, HTTP_X_FORWARDED_FOR=ATTACKER))


def test_behind_a_trusted_proxy_the_delay_follows_the_forwarded_client(
    world: World, clock: Clock, settings: Any
) -> None:
    settings.WERKVREDE_TRUSTED_PROXIES = 1
    user = world.a.users[Role.EMPLOYEE]
    proxy = "10.0.0.5"
    for n in range(5):
        forged = f"192.0.2.{n}, {ATTACKER}"  # the left part is the attacker's own invention
        assert evaluated_failure(attempt(user.email, "wrong", proxy, HTTP_X_FORWARDED_FOR=forged))
    assert throttled(attempt(user.email, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ATTACKER))
    # The owner behind the same proxy is another client and logs in.
    assert logged_in(attempt(user.email, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OWNER_DESK))


def test_the_throttled_page_is_accessible_keeps_the_address_and_speaks_english_too(
    world: World, clock: Clock
) -> None:
    user = world.a.users[Role.EMPLOYEE]
    for _ in range(5):
        attempt(user.email, "wrong", ATTACKER)
    response = attempt(user.email, "secret-typed", ATTACKER)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert 'role="alert"' in html and 'id="login-errors"' in html
    assert '<label class="utrecht-form-label" for="id_username">E-mailadres</label>' in html
    assert f'value="{user.email}"' in html
    assert 'aria-describedby="login-errors"' in html
    assert "secret-typed" not in html
    english = Client(REMOTE_ADDR=ATTACKER)
    english.cookies["werkvrede_language"] = "en"
    page = english.post(URL, {"username": user.email, "password": "x"}).content.decode()
    assert '<html lang="en">' in page
    assert "Wait 30 seconds" in page
    assert f'value="{user.email}"' in page


def test_an_attacked_account_s_owner_and_the_beheerders_of_its_organisations_are_told_once_per_window(
    world: World,
    clock: Clock,
    smtp: Mailbox,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    physician = world.a.users[Role.OCCUPATIONAL_PHYSICIAN]
    membership_grant(user=physician, organisation=world.b.organisation, roles=[Role.OCCUPATIONAL_PHYSICIAN])
    elsewhere = organisation_create(name="Organisatie C", slug="org-c")
    outsider_admin = user_create(email="adm@org-c.test", full_name="Beheerder C", password=PASSWORD)
    membership_grant(user=outsider_admin, organisation=elsewhere, roles=[Role.ADMIN])
    second_admin_a = user_create(email="adm2@org-a.test", full_name="Beheerder A2", password=PASSWORD)
    membership_grant(user=second_admin_a, organisation=world.a.organisation, roles=[Role.ADMIN])
    gone_admin = user_create(email="oud@org-a.test", full_name="Oud-beheerder", password=PASSWORD)
    membership_grant(user=gone_admin, organisation=world.a.organisation, roles=[Role.ADMIN])
    Membership.objects.filter(user=gone_admin).update(is_active=False)

    def fail(times: int) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(times):
                attempt(physician.email, "wrong", f"10.2.0.{n + 1}")

    fail(9)
    assert smtp.deliveries == []
    fail(1)  # the tenth failure within the hour
    owner_mail, admin_a, admin_a2, admin_b = (
        smtp.to(physician.email),
        smtp.to(world.a.users[Role.ADMIN].email),
        smtp.to(second_admin_a.email),
        smtp.to(world.b.users[Role.ADMIN].email),
    )
    assert [len(owner_mail), len(admin_a), len(admin_a2), len(admin_b)] == [1, 1, 1, 1]
    assert len(smtp.deliveries) == 4  # not the other organisation's Beheerder, not a former one
    at = clock.now.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%H:%M")
    owner_body = body_of(owner_mail[0])
    assert "je account" in owner_body and "your account" in owner_body
    assert at in owner_body and "Er is niets geblokkeerd" in owner_body
    assert "http://127.0.0.1:8000/account/inloggen/" in owner_body
    admin_body = body_of(admin_a[0])
    assert "een account van je organisatie" in admin_body and at in admin_body
    for _recipients, message in smtp.deliveries:
        body = body_of(message)
        assert physician.email not in body and physician.full_name not in body  # no content
        assert "10.2.0." not in body and "Organisatie" not in body and "Bedrijfsarts" not in body
    # One event for the owner, one in each organisation's chain for its Beheerders.
    notices = AuditEvent.objects.filter(action="accounts.login.attack_notified", user_id=physician.pk)
    assert sorted((e.organisation_id or 0, e.data["recipients"]) for e in notices) == [
        (0, 1),
        (world.a.organisation.pk, 2),
        (world.b.organisation.pk, 1),
    ]

    clock.advance(60)
    fail(20)  # still the same window: nobody is told twice
    assert len(smtp.deliveries) == 4
    clock.advance(3600)
    fail(10)  # a new window
    assert len(smtp.to(physician.email)) == 2
    assert len(smtp.deliveries) == 8


def test_an_administrator_of_the_attacked_account_gets_one_mail_not_two(
    world: World, clock: Clock, smtp: Mailbox, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    admin = world.a.users[Role.ADMIN]
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(10):
            attempt(admin.email, "wrong", f"10.3.0.{n + 1}")
    assert len(smtp.to(admin.email)) == 1
    assert "je account" in body_of(smtp.to(admin.email)[0])


@pytest.mark.parametrize("path", ["/beheer/login/", "/beheer/login/?next=/beheer/"])
def test_the_admin_has_no_log_in_form_of_its_own(db: None, path: str) -> None:
    """Every password goes through the one throttled log-in page."""
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/?next=")
    assert Client().post(path, {"username": "x@example.test", "password": "y"}).status_code == 302
