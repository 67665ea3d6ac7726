"""Two-factor log-in: TOTP devices and one-time recovery codes through django-otp (ADR 0072).

A person needs a second factor when they hold, in any organisation, a role that reads sealed data or
administers (`MFA_ROLES`), or when they enrolled a device of their own accord. A verified session
carries django-otp's device id (`django_otp.login`); `mfa_middleware.TwoFactorMiddleware` refuses
every other route to a session that still needs its second factor.
"""

from __future__ import annotations

import time
from base64 import b32encode
from enum import StrEnum
from functools import cache

import segno
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkvrede.accounts.models import Membership, RoleGrant, User
from werkvrede.accounts.sessions import sessions_end
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role

# Roles that read sealed data or administer: two-factor log-in is mandatory for them.
MFA_ROLES = frozenset(
    {
        Role.OCCUPATIONAL_PHYSICIAN,
        Role.DELEGATED_PROFESSIONAL,
        Role.MEDIATOR,
        Role.CONFIDENTIAL_ADVISER,
        # D18: whistleblower reports are sealed and may name the persons concerned.
        Role.WHISTLEBLOWER_OFFICER,
        Role.ADMIN,
    }
)
RECOVERY_CODES = 10
TOTP_NAME = "totp"
RECOVERY_NAME = "recovery"


class Step(StrEnum):
    """What a logged-in but unverified session still has to do."""

    VERIFY = "verify"  # enter a code of the confirmed device (or a recovery code)
    ENROL = "enrol"  # set up a device first (mandatory role, none confirmed yet)


class Check(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    REPLAYED = "replayed"


def mfa_required(user: User) -> bool:
    """A role that reads sealed data or administers, in any organisation; or access to the admin site."""
    if user.is_superuser or user.is_staff:
        return True
    return RoleGrant.objects.filter(
        membership__user=user, membership__is_active=True, role__in=MFA_ROLES
    ).exists()


def totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def is_verified(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and getattr(user, "is_verified", lambda: False)())


@cache
def _step_sql() -> str:
    """Whether the person has a confirmed device, and whether a role of theirs needs one (MFA_ROLES).

    Only the models' own table names go into the text; every value is a parameter."""
    roles = ", ".join(["%s"] * len(MFA_ROLES))
    return (
        f"SELECT EXISTS(SELECT 1 FROM {TOTPDevice._meta.db_table} WHERE user_id = %s AND confirmed = %s),"  # noqa: S608
        f" EXISTS(SELECT 1 FROM {RoleGrant._meta.db_table} g"
        f" JOIN {Membership._meta.db_table} m ON m.id = g.membership_id"
        f" WHERE m.user_id = %s AND m.is_active = %s AND g.role IN ({roles}))"
    )


_MFA_ROLE_VALUES = sorted(role.value for role in MFA_ROLES)


def step_needed(user: User) -> Step | None:
    """The step an unverified session of `user` must take before anything else, or None.

    Asked on every request of a session without a second step (most people's), so it is one query,
    written out: building it with the ORM cost more than running it (about a third of a request)."""
    with connection.cursor() as cursor:
        cursor.execute(_step_sql(), [user.pk, True, user.pk, True, *_MFA_ROLE_VALUES])
        has_device, required = cursor.fetchone()
    if has_device:
        return Step.VERIFY
    if required or user.is_superuser or user.is_staff:
        return Step.ENROL
    return None


def may_enrol(request: HttpRequest) -> bool:
    """A new device is set up by a verified session, or by one whose person has none yet.

    A session that only knows the password must not replace a confirmed device.
    """
    return is_verified(request) or totp_device(request.user) is None  # type: ignore[arg-type]


def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed device being set up (one per person; a new secret on each new enrolment)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an authenticator app."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (made here; no request leaves the server)."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, title=""))


def _replayed(device: TOTPDevice, token: int) -> bool:
    """Whether `token` is a code of a time step already used (at or before `last_t`), still in its window."""
    now_t = int((time.time() - device.t0) // device.step) + device.drift
    key = device.bin_key
    for t in range(now_t - device.tolerance, now_t + device.tolerance + 1):
        if 0 <= t <= device.last_t and hotp(key, t, device.digits) == token:
            return True
    return False


def totp_check(user: User, device: TOTPDevice, code: str) -> Check:
    """Verify a TOTP code; a code of an already-used time step is refused and audited as a replay."""
    code = code.strip().replace(" ", "")
    if not code.isdigit():
        return Check.WRONG
    if device.verify_token(code):
        return Check.OK
    if _replayed(device, int(code)):
        audit.record(
            "accounts.mfa.code_replayed",
            organisation_id=None,
            user_id=user.pk,
            outcome=audit.Outcome.DENIED,
            object_type="accounts.user",
            object_id=str(user.pk),
        )
        return Check.REPLAYED
    return Check.WRONG


def _stored_code(code: str, secret: str | bytes | None = None) -> str:
    """What the database keeps of a recovery code: a keyed hash (the secret key), like a password is
    kept hashed, so that a copy of the database logs nobody in. Fits django-otp's 16-character token."""
    digest = salted_hmac("werkvrede.accounts.recovery_code", code, secret=secret, algorithm="sha256").digest()
    return b32encode(digest).decode()[:16].lower()


def recovery_check(user: User, code: str) -> StaticDevice | None:
    """Use up one recovery code; the device it belongs to, or None."""
    code = code.strip().replace(" ", "").lower()
    # The current secret key first, then the ones it replaced (a rotation keeps the codes working).
    candidates = [_stored_code(code, secret) for secret in (None, *settings.SECRET_KEY_FALLBACKS)]
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if code and any(device.verify_token(candidate) for candidate in candidates):
            audit.record(
                "accounts.mfa.recovery_code_used",
                organisation_id=None,
                user_id=user.pk,
                object_type="accounts.user",
                object_id=str(user.pk),
                data={"left": device.token_set.count()},
            )
            return device
    return None


def session_verified(request: HttpRequest, device: TOTPDevice | StaticDevice) -> None:
    """Mark the session as verified by `device`, under a new session id."""
    request.session.cycle_key()
    otp_login(request, device)
    audit.record(
        "accounts.mfa.verified",
        organisation_id=None,
        user_id=request.user.pk,
        data={"method": "recovery_code" if isinstance(device, StaticDevice) else "totp"},
    )


@transaction.atomic
def enrolment_confirm(user: User, device: TOTPDevice, code: str) -> Check:
    """Confirm the new device with a code of it; it replaces every earlier device of the person."""
    check = totp_check(user, device, code)
    if check is not Check.OK:
        return check
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(
        "accounts.mfa.enrolled",
        organisation_id=None,
        user_id=user.pk,
        object_type="accounts.user",
        object_id=str(user.pk),
    )
    return check


@transaction.atomic
def recovery_codes_generate(user: User) -> list[str]:
    """Ten new one-time recovery codes; earlier ones stop working. Shown once, never again."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=_stored_code(code)) for code in codes])
    audit.record(
        "accounts.mfa.recovery_codes_generated",
        organisation_id=None,
        user_id=user.pk,
        object_type="accounts.user",
        object_id=str(user.pk),
        data={"count": len(codes)},
    )
    return codes


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


@transaction.atomic
def mfa_reset(*, actor: Actor, membership: Membership) -> None:
    """A Beheerder removes a person's devices and recovery codes (a lost phone) and ends their sessions.

    At the next log-in the person sets up a new device (mandatory roles) or logs in with the password.
    """
    user = membership.user
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record(
        "accounts.mfa.reset",
        organisation_id=membership.organisation_id,
        user_id=actor.user_id,
        object_type="accounts.user",
        object_id=str(user.pk),
    )
    sessions_end(user=user, reason="mfa_reset", actor_user_id=actor.user_id)


def verified_session_key() -> str:
    return str(DEVICE_ID_SESSION_KEY)
