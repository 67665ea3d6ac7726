from werkvrede.core.classification import FieldClass as C
from werkvrede.core.classification import classify

classify(
    "accounts.organisation", {"id": C.SYSTEM, "name": C.TENANT, "slug": C.TENANT, "created_at": C.SYSTEM}
)
classify(
    "accounts.user",
    {
        "id": C.SYSTEM,
        "email": C.ACCOUNT,
        "full_name": C.ACCOUNT,
        "password": C.ACCOUNT,
        "last_login": C.ACCOUNT,
        "is_active": C.ACCOUNT,
        "is_staff": C.SYSTEM,
        "is_superuser": C.SYSTEM,
        "date_joined": C.ACCOUNT,
        "session_generation": C.SYSTEM,
        "access_version": C.SYSTEM,
        "groups": C.SYSTEM,
        "user_permissions": C.SYSTEM,
    },
)
classify(
    "accounts.membership",
    {
        "id": C.SYSTEM,
        "user": C.ROLE,
        "organisation": C.ROLE,
        "is_active": C.ROLE,
        "created_at": C.SYSTEM,
        "version": C.SYSTEM,
    },
)
classify("accounts.rolegrant", {"id": C.SYSTEM, "membership": C.ROLE, "role": C.ROLE, "granted_at": C.SYSTEM})
classify(
    "accounts.invitation",
    {
        "id": C.SYSTEM,
        "organisation": C.ROLE,
        "invitee": C.ROLE,
        "invited_name": C.ACCOUNT,
        "roles": C.ROLE,
        "invited_by": C.ROLE,
        "purpose": C.SYSTEM,
        "reference": C.SYSTEM,
        "created_at": C.SYSTEM,
        "accepted_at": C.ROLE,
        "declined_at": C.ROLE,
        "withdrawn_at": C.ROLE,
        "link_version": C.SYSTEM,
        "link_issued_at": C.SYSTEM,
    },
)
# Keyed hashes of the typed address and the client network, kept a day for the log-in throttle.
classify(
    "accounts.loginfailure",
    {
        "id": C.SYSTEM,
        "account": C.SYSTEM,
        "client": C.SYSTEM,
        "at": C.SYSTEM,
        "cleared": C.SYSTEM,
        "blocked_client": C.SYSTEM,
        "notified": C.SYSTEM,
    },
)
# Two-factor log-in (django-otp, ADR 0072). The TOTP key and the recovery codes are secrets of the
# log-in: system fields, shown once at enrolment to their owner only, never on a page afterwards.
_OTP_DEVICE = {
    "id": C.SYSTEM,
    "user": C.ACCOUNT,
    "name": C.SYSTEM,
    "confirmed": C.SYSTEM,
    "throttling_failure_timestamp": C.SYSTEM,
    "throttling_failure_count": C.SYSTEM,
    "created_at": C.SYSTEM,
    "last_used_at": C.SYSTEM,
}
classify(
    "otp_totp.totpdevice",
    {
        **_OTP_DEVICE,
        "key": C.SYSTEM,
        "step": C.SYSTEM,
        "t0": C.SYSTEM,
        "digits": C.SYSTEM,
        "tolerance": C.SYSTEM,
        "drift": C.SYSTEM,
        "last_t": C.SYSTEM,
    },
)
classify("otp_static.staticdevice", dict(_OTP_DEVICE))
classify("otp_static.statictoken", {"id": C.SYSTEM, "device": C.SYSTEM, "token": C.SYSTEM})
