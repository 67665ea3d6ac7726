"""The second log-in step, two-factor set-up, one's own account page and a Beheerder's device reset.

Kept apart from `views.py` (people management). ADR 0072 explains the flow.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from werkvrede.accounts import mfa, throttle
from werkvrede.accounts.account_forms import CodeForm, RecoveryCodeForm
from werkvrede.accounts.forms import wait_text
from werkvrede.accounts.mfa_middleware import mfa_step, step_url
from werkvrede.accounts.models import Membership, User
from werkvrede.accounts.selectors import MEMBERSHIP
from werkvrede.accounts.sessions import sessions_end
from werkvrede.core.access import requires
from werkvrede.core.clientaddr import client_network

OWN = "accounts.own.account"
NEW_CODES_SESSION_KEY = "werkvrede_new_recovery_codes"


def _next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("core:home")


def _throttled(request: HttpRequest, form: CodeForm | RecoveryCodeForm, check: Callable[[], bool]) -> int:
    """Run `check` under the log-in throttle (ADR 0055): 200 when it passed, 400 wrong, 429 refused."""
    user: User = request.user  # type: ignore[assignment]
    attempt = throttle.attempt_start(
        username=throttle.second_factor_account(user.email), client=client_network(request), user_id=user.pk
    )
    if isinstance(attempt, throttle.Wait):
        form.add_error(
            None,
            _("Te veel verkeerde codes. Wacht %(wait)s en probeer het dan opnieuw.")
            % {"wait": wait_text(attempt.retry_after)},
        )
        return 429
    if check():
        throttle.attempt_succeeded(attempt)
        return 200
    throttle.attempt_failed(attempt)
    return 400


@never_cache
@mfa_step
@requires(OWN)
def mfa_verify(request: HttpRequest) -> HttpResponseBase:
    """Second log-in step: a code from the authenticator app."""
    user: User = request.user  # type: ignore[assignment]
    if mfa.is_verified(request):
        return HttpResponseRedirect(_next(request))
    device = mfa.totp_device(user)
    if device is None:
        step = mfa.step_needed(user)
        return HttpResponseRedirect(step_url(step, _next(request)) if step else _next(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        outcome: list[mfa.Check] = []

        def check() -> bool:
            outcome.append(mfa.totp_check(user, device, form.cleaned_data["code"]))
            return outcome[0] is mfa.Check.OK

        status = _throttled(request, form, check)
        if status == 200:
            mfa.session_verified(request, device)
            return HttpResponseRedirect(_next(request))
        if outcome and outcome[0] is mfa.Check.REPLAYED:
            form.add_error("code", _("Deze code is al gebruikt. Wacht op de volgende code in je app."))
        elif outcome:
            form.add_error("code", _("Deze code klopt niet. Typ de zes cijfers die je app nu toont."))
    elif request.method == "POST":
        status = 400
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": _next(request)}, status=status)


@never_cache
@mfa_step
@requires(OWN)
def mfa_recovery(request: HttpRequest) -> HttpResponseBase:
    """Second log-in step without the phone: one of the recovery codes, each usable once."""
    user: User = request.user  # type: ignore[assignment]
    if mfa.is_verified(request) or mfa.step_needed(user) is None:
        return HttpResponseRedirect(_next(request))
    form = RecoveryCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        used: list[object] = []

        def check() -> bool:
            device = mfa.recovery_check(user, form.cleaned_data["code"])
            if device is not None:
                used.append(device)
            return device is not None

        status = _throttled(request, form, check)
        if status == 200:
            mfa.session_verified(request, used[0])
            messages.warning(
                request,
                _(
                    "Je bent ingelogd met een herstelcode. Nog %(left)d over. Stel op je accountpagina "
                    "een nieuwe telefoon in of maak nieuwe herstelcodes."
                )
                % {"left": mfa.recovery_codes_left(user)},
            )
            return redirect("accounts:account")
        if status == 400:
            form.add_error("code", _("Deze herstelcode klopt niet of is al gebruikt."))
    elif request.method == "POST":
        status = 400
    return render(
        request, "accounts/mfa_recovery.html", {"form": form, "next": _next(request)}, status=status
    )


def _codes_page(request: HttpRequest, codes: list[str]) -> HttpResponse:
    response = render(request, "accounts/mfa_recovery_codes.html", {"codes": codes, "next": _next(request)})
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@mfa_step
@requires(OWN)
def mfa_enrol(request: HttpRequest) -> HttpResponseBase:
    """Set up an authenticator app: scan the QR code (or type the secret), confirm with a code."""
    user: User = request.user  # type: ignore[assignment]
    if not mfa.may_enrol(request):
        # Only the password so far, and a device exists: that device's code comes first.
        return HttpResponseRedirect(step_url(mfa.Step.VERIFY, _next(request)))
    device = mfa.enrolment_device(user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        outcome: list[mfa.Check] = []

        def check() -> bool:
            outcome.append(mfa.enrolment_confirm(user, device, form.cleaned_data["code"]))
            return outcome[0] is mfa.Check.OK

        status = _throttled(request, form, check)
        if status == 200:
            mfa.session_verified(request, device)
            return _codes_page(request, mfa.recovery_codes_generate(user))
        if outcome:
            form.add_error(
                "code",
                _(
                    "Deze code klopt niet. Controleer of de tijd op je telefoon goed "
                    "staat en typ de nieuwste code."
                ),
            )
    elif request.method == "POST":
        status = 400
    context = {
        "form": form,
        "qr": mfa.qr_svg(device),
        "secret": mfa.secret_text(device),
        "required": mfa.mfa_required(user),
        "next": _next(request),
    }
    response = render(request, "accounts/mfa_enrol.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@requires(OWN)
def mfa_recovery_codes(request: HttpRequest) -> HttpResponseBase:
    """POST: new recovery codes (the old ones stop working), for a verified session with a device;
    then GET shows them once (they wait in the session for that one page)."""
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST":
        if not mfa.is_verified(request) or mfa.totp_device(user) is None:
            messages.error(request, _("Stel eerst tweestapsverificatie in."))
            return redirect("accounts:account")
        request.session[NEW_CODES_SESSION_KEY] = mfa.recovery_codes_generate(user)
        return redirect("accounts:mfa-recovery-codes")
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("accounts:account")
    return _codes_page(request, codes)


@requires(OWN)
def account(request: HttpRequest) -> HttpResponse:
    """One's own account: two-factor status, password, log out everywhere."""
    user: User = request.user  # type: ignore[assignment]
    context = {
        "device": mfa.totp_device(user),
        "required": mfa.mfa_required(user),
        "verified": mfa.is_verified(request),
        "codes_left": mfa.recovery_codes_left(user),
    }
    return render(request, "accounts/account.html", context)


@require_POST
@requires(OWN)
def logout_everywhere(request: HttpRequest) -> HttpResponseBase:
    """End every session of the person, this one included."""
    user: User = request.user  # type: ignore[assignment]
    sessions_end(user=user, reason="logout_everywhere", actor_user_id=user.pk)
    logout(request)
    messages.success(request, _("Je bent overal uitgelogd."))
    return redirect("accounts:login")


@requires("accounts.person.mfa_reset", on=MEMBERSHIP)
def person_mfa_reset(request: HttpRequest, membership: Membership) -> HttpResponseBase:
    """Confirm (GET) and reset (POST) a person's two-factor device: another Beheerder, audited."""
    if request.method == "POST":
        mfa.mfa_reset(actor=request.actor, membership=membership)  # type: ignore[attr-defined]
        messages.success(
            request,
            _(
                "De tweestapsverificatie van %(name)s is hersteld. Bij de volgende keer "
                "inloggen stelt die een nieuwe telefoon in."
            )
            % {"name": membership.user.full_name},
        )
        return redirect("accounts:person", membership_id=membership.pk)
    return render(request, "accounts/person_mfa_reset.html", {"membership": membership})
