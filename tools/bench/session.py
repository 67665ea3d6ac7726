"""Print, as JSON, the session keys and object ids the bench measures with (docs/benchmarks.md).

The HR adviser of Bench BV (the organisation with a tenth of the cases) for the start page and the case
list and detail; the demo organisation's HR adviser, mediator and vertrouwenspersoon for the sick-report
page, the mediation page and the VP inbox; the bench superuser for the generic admin anchor. People with
a two-factor role get a confirmed device and a session that passed the second step.
"""

from __future__ import annotations

import json
import os
from typing import Any

import django

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
    django.setup()

from importlib import import_module

from django.conf import settings

# The anchors (a) and (c) run Django as `startproject` sets it up (settings.bench_plain): its own
# database sessions and ModelBackend, not Werkvrede's session with its person (ADR 0204).
PLAIN_ENGINE = "django.contrib.sessions.backends.db"
PLAIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def session_key(
    user: Any, organisation_id: int | None, *, device_id: str | None = None, plain: bool = False
) -> str:
    """A new session of `user` as the log-in forms leave it: the organisation active, and the second
    step passed with `device_id` where the role needs one. With `plain`, a session of Django's own
    engine, for the plain anchors."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from werkvrede.accounts.middleware import (
        ACTIVE_ORGANISATION_SESSION_KEY,
        LOGIN_AT_SESSION_KEY,
        now_seconds,
    )

    session = import_module(PLAIN_ENGINE if plain else settings.SESSION_ENGINE).SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = PLAIN_BACKEND if plain else settings.AUTHENTICATION_BACKENDS[0]
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[LOGIN_AT_SESSION_KEY] = now_seconds()  # a session without it ends at once (ADR 0072)
    if organisation_id is not None:
        session[ACTIVE_ORGANISATION_SESSION_KEY] = organisation_id
    if device_id is not None:
        session[DEVICE_ID_SESSION_KEY] = device_id
    session.create()
    return str(session.session_key)


def session_for(email: str, organisation_slug: str | None, *, plain: bool = False) -> str:
    """A session key of the person, logged in (with the second step where their role needs it)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from werkvrede.accounts import mfa
    from werkvrede.accounts.models import Organisation, User

    user = User.objects.get(email=email)
    organisation_id = None
    if organisation_slug is not None:
        organisation_id = Organisation.objects.get(slug=organisation_slug).pk
    device_id = None
    if mfa.step_needed(user) is not None:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        device_id = device.persistent_id
    return session_key(user, organisation_id, device_id=device_id, plain=plain)


def measured() -> dict[str, Any]:
    from generate import ADMIN_EMAIL, BIG_HR_EMAIL, BIG_ORGANISATION_SLUG

    from werkvrede.accounts.demo import DEMO_ORGANISATION
    from werkvrede.accounts.models import Organisation
    from werkvrede.cases.models import Case
    from werkvrede.mediation.models import Mediation
    from werkvrede.sickness.models import SickReport

    demo_slug = DEMO_ORGANISATION[1]
    big = Organisation.objects.get(slug=BIG_ORGANISATION_SLUG)
    ids = Case.objects.filter(organisation=big).order_by("pk").values_list("pk", flat=True)
    demo = Organisation.objects.get(slug=demo_slug)
    sick_case = (
        SickReport.objects.filter(case__organisation=demo).order_by("pk").values_list("case_id", flat=True)
    )
    return {
        "hr": session_for(BIG_HR_EMAIL, BIG_ORGANISATION_SLUG),
        "case": ids[ids.count() // 2],
        "admin": session_for(ADMIN_EMAIL, None, plain=True),
        "demo_hr": session_for("hr@demo.werkvrede.nl", demo_slug),
        "sick_case": sick_case.first(),
        "mediator": session_for("mediator@demo.werkvrede.nl", demo_slug),
        "mediation": Mediation.objects.filter(organisation=demo)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first(),
        "vp": session_for("vertrouwenspersoon@demo.werkvrede.nl", demo_slug),
    }


if __name__ == "__main__":
    print(json.dumps(measured()))
