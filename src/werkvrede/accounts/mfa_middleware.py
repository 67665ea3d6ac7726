"""Until its second factor is verified, a session of a person who needs one reaches only the log-in steps.

One middleware for every route (ADR 0072): pages and downloads redirect to the code or enrolment step,
the JSON API answers 403 JSON, the admin site is refused like any page. Allowed: the public views
(log-in, log-out, language switch, health, ...) and the views marked as two-factor steps.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from werkvrede.accounts import mfa
from werkvrede.accounts.actors import cached_device, cached_step
from werkvrede.core.access import PUBLIC, classification_of

V = TypeVar("V", bound=Callable[..., Any])
STEP_ATTRIBUTE = "werkvrede_mfa_step"
API_PREFIX = "/api/"


def mfa_step(view: V) -> V:
    """Mark a view as a step of the two-factor log-in: reachable before the second factor."""
    setattr(view, STEP_ATTRIBUTE, True)
    return view


def _is_step(view: Callable[..., Any]) -> bool:
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        if candidate is not None and getattr(candidate, STEP_ATTRIBUTE, False):
            return True
    return False


def step_url(step: mfa.Step, next_url: str = "") -> str:
    url = reverse("accounts:mfa-verify" if step is mfa.Step.VERIFY else "accounts:mfa-enrol")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class VerifiedDeviceMiddleware(OTPMiddleware):  # type: ignore[misc]  # django-otp ships no types
    """django-otp's middleware, with the device that verified the session kept under the access stamp
    instead of read on every request (ADR 0203). django-otp's own checks still decide: the device must
    be the person's and confirmed, or the session loses its second step."""

    def _verify_user_sync(self, request: HttpRequest, user: Any) -> Any:
        self._init_user_fields(user)
        if user.is_authenticated:
            stored = request.session.get(DEVICE_ID_SESSION_KEY)
            device = None
            if stored:
                persistent_id = self._normalize_persistent_id(stored)
                read = partial(self._device_from_persistent_id, persistent_id)
                device = cached_device(request.session, user, persistent_id, read)
            user.otp_device = self._finalize_device(request, user, device)
        return user


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponseBase | None:
        user = request.user
        if not user.is_authenticated or mfa.is_verified(request):
            return None
        if _is_step(view) or classification_of(view) == PUBLIC:
            return None
        # Kept in the session under the access stamp (ADR 0199): asked on every request of a session
        # without a second step, most people's.
        value = cached_step(request.session, user, lambda: _step_value(user))
        step = mfa.Step(value) if value else None
        if step is None:
            return None
        if request.path.startswith(API_PREFIX):
            return JsonResponse(
                {"detail": _("Rond eerst het inloggen af met je tweede stap (code uit je app).")},
                status=403,
            )
        next_url = request.get_full_path() if request.method == "GET" else ""
        return HttpResponseRedirect(step_url(step, next_url))


def _step_value(user: Any) -> str | None:
    step = mfa.step_needed(user)
    return step.value if step is not None else None
