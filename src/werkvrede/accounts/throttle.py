"""Log-in throttling that slows an attacker without locking the owner out (ADR 0055).

Three counts over `LoginFailure` rows, each answered before a password is checked:

- per account and client: after `FREE_FAILURES` failures the client waits `FIRST_DELAY` seconds,
  doubling with every further failure up to `MAX_DELAY`; the count ends an hour after its last
  failure, and a success of that client on that account ends it at once;
- per account, from all clients: at most `ACCOUNT_FAILURES_PER_HOUR` failures in any hour (ASVS
  2.2.1); then password log-ins wait, the owner's too — the only case in which the owner is hit;
- per client: failures on at most `CLIENT_ACCOUNTS_PER_HOUR` different accounts an hour; one more
  and the client waits `CLIENT_COOLOFF` seconds, even with a right password (spraying).

At `NOTIFY_AFTER` failures within an hour the owner and the Beheerders (ADM) of the account's
organisations get an e-mail without content, once per hour, after commit, through the task system.

A refused attempt is answered at once (no sleeping) and audited; it is not a failure, so hammering
a delay does not use up the account's hourly allowance that the owner shares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_tasks import task

from werkvrede.accounts.models import LoginFailure, Membership, User
from werkvrede.audit import services as audit
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.core.roles import Role

WINDOW = timedelta(hours=1)
# Rows are kept long enough to follow a delay chain to its cap (gaps under an hour), then deleted.
RETENTION = timedelta(days=1)


def now() -> datetime:
    """The throttle's clock (tests move it instead of sleeping)."""
    return timezone.now()


class Rule(StrEnum):
    ACCOUNT_CLIENT = "account_client"
    ACCOUNT = "account"
    CLIENT = "client"


@dataclass(frozen=True)
class Limits:
    free_failures: int
    first_delay: int
    max_delay: int
    account_failures_per_hour: int
    client_accounts_per_hour: int
    client_cooloff: int
    notify_after: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            free_failures=settings.WERKVREDE_LOGIN_FREE_FAILURES,
            first_delay=settings.WERKVREDE_LOGIN_FIRST_DELAY,
            max_delay=settings.WERKVREDE_LOGIN_MAX_DELAY,
            account_failures_per_hour=settings.WERKVREDE_LOGIN_ACCOUNT_FAILURES_PER_HOUR,
            client_accounts_per_hour=settings.WERKVREDE_LOGIN_CLIENT_ACCOUNTS_PER_HOUR,
            client_cooloff=settings.WERKVREDE_LOGIN_CLIENT_COOLOFF,
            notify_after=settings.WERKVREDE_LOGIN_NOTIFY_AFTER,
        )

    def delay_after(self, failures: int) -> int:
        """Seconds a client waits after its n-th failure in a row on one account."""
        if failures < self.free_failures:
            return 0
        return min(self.first_delay << min(failures - self.free_failures, 32), self.max_delay)

    def chain_needed(self) -> int:
        """How many past failures decide the delay: beyond this many it is at its cap anyway."""
        failures = self.free_failures
        while self.delay_after(failures) < self.max_delay and failures < self.free_failures + 32:
            failures += 1
        return failures


@dataclass(frozen=True)
class Wait:
    rule: Rule
    until: datetime
    at: datetime

    @property
    def retry_after(self) -> int:
        """Whole seconds until the next attempt may be checked (HTTP Retry-After)."""
        return max(1, math.ceil((self.until - self.at).total_seconds()))


@dataclass(frozen=True)
class Attempt:
    """A password about to be checked; its row already counts as a failure until it succeeds."""

    account: str
    client: str
    user_id: int | None
    failure_id: int


def account_key(username: str) -> str:
    # The address as log-in compares it: case and surrounding spaces do not make a new account.
    return salted_hmac(
        "werkvrede.accounts.throttle.account", username.strip().lower(), algorithm="sha256"
    ).hexdigest()


def second_factor_account(email: str) -> str:
    """The name under which failed codes of the second log-in step are counted for an account."""
    return f"second-factor:{email}"


def client_key(client: str) -> str:
    return salted_hmac("werkvrede.accounts.throttle.client", client, algorithm="sha256").hexdigest()


def _known_user_id(username: str) -> int | None:
    return User.objects.filter(email__iexact=username.strip()).values_list("pk", flat=True).first()


def _chain_length(times: list[datetime], at: datetime) -> int:
    """Failures in a row (newest first) with less than an hour between each and after the last."""
    length, later = 0, at
    for time in times:
        if later - time >= WINDOW:
            break
        length, later = length + 1, time
    return length


def refusal(account: str, client: str, at: datetime, limits: Limits) -> Wait | None:
    """Why this client may not try this account now, or None. The longest wait wins."""
    refusals: list[Wait] = []
    blocked_at = (
        LoginFailure.objects.filter(
            client=client, blocked_client=True, at__gt=at - timedelta(seconds=limits.client_cooloff)
        )
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if blocked_at is not None:
        refusals.append(Wait(Rule.CLIENT, blocked_at + timedelta(seconds=limits.client_cooloff), at))
    cap = limits.account_failures_per_hour
    oldest_of_cap = list(
        LoginFailure.objects.filter(account=account, at__gt=at - WINDOW)
        .order_by("-at")
        .values_list("at", flat=True)[cap - 1 : cap]
    )
    if oldest_of_cap:
        refusals.append(Wait(Rule.ACCOUNT, oldest_of_cap[0] + WINDOW, at))
    chain = list(
        LoginFailure.objects.filter(account=account, client=client, cleared=False, at__gt=at - RETENTION)
        .order_by("-at")
        .values_list("at", flat=True)[: limits.chain_needed()]
    )
    delay = limits.delay_after(_chain_length(chain, at))
    if delay:
        refusals.append(Wait(Rule.ACCOUNT_CLIENT, chain[0] + timedelta(seconds=delay), at))
    live = [r for r in refusals if r.until > at]
    return max(live, key=lambda r: r.until) if live else None


def attempt_start(*, username: str, client: str, user_id: int | None = None) -> Attempt | Wait:
    """Before a password is checked: refuse (audited), or count it as a failure until it succeeds.

    The second log-in step counts under its own name for the account (`second_factor_account`), so a
    right password does not clear failed codes; it passes the person's id itself.
    """
    at, limits = now(), Limits.from_settings()
    account, client_hash = account_key(username), client_key(client)
    user_id = user_id if user_id is not None else _known_user_id(username)
    refused = refusal(account, client_hash, at, limits)
    if refused is not None:
        audit.record(
            "accounts.login.throttled",
            organisation_id=None,
            user_id=user_id,
            outcome=audit.Outcome.DENIED,
            data={"rule": str(refused.rule), "retry_after": refused.retry_after},
        )
        return refused
    failure = LoginFailure.objects.create(account=account, client=client_hash, at=at)
    return Attempt(account=account, client=client_hash, user_id=user_id, failure_id=failure.pk)


def attempt_succeeded(attempt: Attempt) -> None:
    """The password was right: it was no failure, and this client's delay on this account ends."""
    LoginFailure.objects.filter(pk=attempt.failure_id).delete()
    LoginFailure.objects.filter(account=attempt.account, client=attempt.client).update(cleared=True)


@transaction.atomic
def attempt_failed(attempt: Attempt) -> None:
    """The password was wrong: the failure stands; block a spraying client, lock or announce."""
    limits = Limits.from_settings()
    failure = LoginFailure.objects.filter(pk=attempt.failure_id).first()
    if failure is None:
        return
    at = failure.at
    LoginFailure.objects.filter(at__lt=at - RETENTION).delete()
    window = LoginFailure.objects.filter(at__gt=at - WINDOW)
    accounts_failed = window.filter(client=attempt.client).values("account").distinct().count()
    if (
        accounts_failed > limits.client_accounts_per_hour
        and not LoginFailure.objects.filter(
            client=attempt.client, blocked_client=True, at__gt=at - timedelta(seconds=limits.client_cooloff)
        ).exists()
    ):
        failure.blocked_client = True
        audit.record(
            "accounts.login.client_blocked",
            organisation_id=None,
            user_id=attempt.user_id,
            outcome=audit.Outcome.DENIED,
            data={"accounts": accounts_failed, "cooloff": limits.client_cooloff},
        )
    counts = window.filter(account=attempt.account).aggregate(
        failures=Count("pk"), notified=Count("pk", filter=Q(notified=True))
    )
    if counts["failures"] == limits.account_failures_per_hour:
        audit.record(
            "accounts.login.locked_out",
            organisation_id=None,
            user_id=attempt.user_id,
            outcome=audit.Outcome.DENIED,
            data={"failures": counts["failures"]},
        )
    if counts["failures"] >= limits.notify_after and not counts["notified"]:
        failure.notified = True
        if attempt.user_id is not None:
            attack_notice_queue(attempt.user_id, at.isoformat())
    failure.save(update_fields=["blocked_client", "notified"])


OWNER_SUBJECT = "Werkvrede: mislukte inlogpogingen / failed log-in attempts"
OWNER_BODY = (
    "Op {when} is herhaaldelijk zonder succes geprobeerd in te loggen op je account. "
    "Er is niets geblokkeerd. Inloggen:\n{url}\n\n"
    "At {when} there were repeated failed attempts to log in to your account. "
    "Nothing is locked. Log in:\n{url}\n"
)
ADMIN_SUBJECT = (
    "Werkvrede: mislukte inlogpogingen in je organisatie / failed log-in attempts in your organisation"
)
ADMIN_BODY = (
    "Op {when} is herhaaldelijk zonder succes geprobeerd in te loggen op een account van je organisatie. "
    "Er is niets geblokkeerd. Inloggen:\n{url}\n\n"
    "At {when} there were repeated failed attempts to log in to an account of your organisation. "
    "Nothing is locked. Log in:\n{url}\n"
)


# The outbox's kinds of the two notices (docs/adr/0073-outgoing-mail.md); the reference is the time.
OWNER_MAIL_KIND = "accounts.login_notice.owner"
ADMIN_MAIL_KIND = "accounts.login_notice.admin"


def attack_notice_queue(user_id: int, at_iso: str) -> int:
    """Queue a notice to the owner and to every Beheerder of the owner's organisations; return how many.

    The outbox sends them after commit, through the task worker, and retries a refused one.
    """
    owner = User.objects.filter(pk=user_id, is_active=True).first()
    if owner is None:
        return 0
    mail_queue(kind=OWNER_MAIL_KIND, reference=at_iso, recipient_id=owner.pk)
    audit.record(
        "accounts.login.attack_notified",
        organisation_id=None,
        user_id=owner.pk,
        object_type="accounts.user",
        object_id=str(owner.pk),
        data={"recipients": 1},
    )
    # Only the organisations the owner belongs to (no notice leaks to another tenant).
    admins = (
        Membership.objects.filter(
            organisation__memberships__user=owner,
            organisation__memberships__is_active=True,
            is_active=True,
            user__is_active=True,
            grants__role=Role.ADMIN,
        )
        .exclude(user=owner)
        .values_list("organisation_id", "user_id")
        .distinct()
    )
    per_organisation: dict[int, set[int]] = {}
    first_organisation: dict[int, int] = {}
    for organisation_id, admin_id in sorted(admins):
        per_organisation.setdefault(organisation_id, set()).add(admin_id)
        first_organisation.setdefault(admin_id, organisation_id)
    for admin_id, organisation_id in sorted(first_organisation.items()):
        # One notice per Beheerder, shown (if it fails) to the Beheerders of one of their organisations.
        mail_queue(
            kind=ADMIN_MAIL_KIND,
            reference=at_iso,
            recipient_id=admin_id,
            organisation_id=organisation_id,
            recipient_role=str(Role.ADMIN),
        )
    for organisation_id, admin_ids in sorted(per_organisation.items()):
        audit.record(
            "accounts.login.attack_notified",
            organisation_id=organisation_id,
            user_id=owner.pk,
            object_type="accounts.user",
            object_id=str(owner.pk),
            data={"recipients": len(admin_ids)},
        )
    return 1 + len(first_organisation)


def _notice(subject: str, body: str, outgoing: Outgoing) -> Rendered:
    when = timezone.localtime(datetime.fromisoformat(outgoing.reference)).strftime("%d-%m-%Y %H:%M")
    url = settings.WERKVREDE_BASE_URL.rstrip("/") + reverse("accounts:login")
    return Rendered(subject, body.format(when=when, url=url))


def owner_notice_render(outgoing: Outgoing) -> Rendered | None:
    return _notice(OWNER_SUBJECT, OWNER_BODY, outgoing)


def admin_notice_render(outgoing: Outgoing) -> Rendered | None:
    return _notice(ADMIN_SUBJECT, ADMIN_BODY, outgoing)


@task()
def attack_notice_task(user_id: int, at_iso: str) -> int:
    """Kept for notices queued as tasks before the outbox: queues them in the outbox."""
    with transaction.atomic():
        return attack_notice_queue(user_id, at_iso)
