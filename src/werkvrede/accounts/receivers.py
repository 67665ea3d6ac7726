"""Audit log-in, log-out and failed log-in (Django's auth signals are the only hook for these).

Throttled attempts and their consequences are audited by `accounts.throttle` itself.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from werkvrede.accounts import middleware
from werkvrede.accounts.models import User
from werkvrede.accounts.services import default_organisation_id
from werkvrede.audit import services as audit


@receiver(user_logged_in)
def audit_login(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[middleware.LOGIN_AT_SESSION_KEY] = (
            middleware.now_seconds()
        )  # the absolute session limit counts from here
    audit.record("accounts.login.succeeded", organisation_id=default_organisation_id(user), user_id=user.pk)


@receiver(user_logged_out)
def audit_logout(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        actor = getattr(request, "actor", None)
        audit.record(
            "accounts.logout.succeeded",
            organisation_id=getattr(actor, "organisation_id", None),
            user_id=user.pk,
        )


@receiver(user_login_failed)
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # The attempted address is not stored: it may be a mistyped password or another person's address.
    known = (
        User.objects.filter(email__iexact=str(credentials.get("username", "")))
        .values_list("pk", flat=True)
        .first()
    )
    audit.record(
        "accounts.login.failed",
        organisation_id=None,
        user_id=known,
        outcome=audit.Outcome.FAILED,
    )
