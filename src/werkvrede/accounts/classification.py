from werkvrede.core.classification import NOBODY, ORGANISATION, SELF, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

classify(
    "accounts.organisation",
    {"id": C.SYSTEM, "name": C.TENANT, "slug": C.TENANT, "created_at": C.SYSTEM},
    subject=ORGANISATION,
    retention=Retention.ACCOUNT,
    export=Withheld.NOT_PERSONAL,
)
classify(
    "accounts.user",
    {
        "id": C.SYSTEM,
        "email": C.ACCOUNT,
        "full_name": C.ACCOUNT,
        "password": F(C.ACCOUNT, export=Withheld.SECRET),
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
    subject=SELF,
    retention=Retention.ACCOUNT,
    export=True,
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
    subject="user",
    retention=Retention.ACCOUNT,
    export=True,
)
classify(
    "accounts.rolegrant",
    {"id": C.SYSTEM, "membership": C.ROLE, "role": C.ROLE, "granted_at": C.SYSTEM},
    subject="membership__user",
    retention=Retention.ACCOUNT,
    export=True,
)
classify(
    "accounts.invitation",
    {
        "id": C.SYSTEM,
        "organisation": C.ROLE,
        "invitee": C.ROLE,
        "invited_name": C.ACCOUNT,
        "roles": C.ROLE,
        "invited_by": F(C.ROLE, subject="invited_by"),
        "purpose": C.SYSTEM,
        "reference": C.SYSTEM,
        "created_at": C.SYSTEM,
        "accepted_at": C.ROLE,
        "declined_at": C.ROLE,
        "withdrawn_at": C.ROLE,
        "link_version": C.SYSTEM,
        "link_issued_at": C.SYSTEM,
    },
    subject="invitee",
    retention=Retention.ACCOUNT,
    export=True,
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
    subject=NOBODY,
    retention=Retention.TECHNICAL,
    export=Withheld.TECHNICAL,
    retention_note="deleted after a day by the log-in throttle, accounts.throttle",
)
# Log-in sessions (ADR 0204): the key is the log-in secret the browser holds; the data holds the
# person's id, roles and steps of the log-in. Ended sessions of a person are deleted with them
# (accounts.sessions); the others at their expiry, by `manage.py clearsessions`.
classify(
    "accounts.loginsession",
    {
        "session_key": F(C.SYSTEM, export=Withheld.SECRET),
        "session_data": C.SYSTEM,
        "expire_date": C.SYSTEM,
        "user": C.ACCOUNT,
    },
    subject="user",
    retention=Retention.TECHNICAL,
    export=Withheld.TECHNICAL,
    retention_note="deleted when it ends or expires: accounts.sessions and manage.py clearsessions",
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
        "key": F(C.SYSTEM, export=Withheld.SECRET),
        "step": C.SYSTEM,
        "t0": C.SYSTEM,
        "digits": C.SYSTEM,
        "tolerance": C.SYSTEM,
        "drift": C.SYSTEM,
        "last_t": C.SYSTEM,
    },
    subject="user",
    retention=Retention.ACCOUNT,
    export=True,
)
classify(
    "otp_static.staticdevice",
    dict(_OTP_DEVICE),
    subject="user",
    retention=Retention.ACCOUNT,
    export=True,
)
classify(
    "otp_static.statictoken",
    {"id": C.SYSTEM, "device": C.SYSTEM, "token": F(C.SYSTEM, export=Withheld.SECRET)},
    subject="device__user",
    retention=Retention.ACCOUNT,
    export=True,
)
