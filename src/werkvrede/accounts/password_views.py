"""Password change and reset by e-mail with Django's own views, our templates and Dutch URLs (ADR 0072).

Reset: the same answer for a known, an unknown and a deactivated address (only an active account
with a password gets mail); the link points to WERKVREDE_BASE_URL, is valid once and for at most
PASSWORD_RESET_TIMEOUT seconds; requests are limited per client network.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from werkvrede.accounts.account_forms import PasswordChange, PasswordReset, PasswordSet
from werkvrede.accounts.models import User
from werkvrede.accounts.sessions import sessions_end
from werkvrede.audit import services as audit
from werkvrede.core.access import public, requires
from werkvrede.core.clientaddr import client_network

RESET_WINDOW_SECONDS = 3600


def reset_allowed(request: HttpRequest) -> bool:
    """Count a reset request of this client network; False beyond the hourly limit."""
    key = f"werkvrede:password-reset:{client_network(request)}"
    if cache.add(key, 1, timeout=RESET_WINDOW_SECONDS):
        count = 1
    else:
        try:
            count = int(cache.incr(key))
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=RESET_WINDOW_SECONDS)
            count = 1
    return count <= int(settings.WERKVREDE_PASSWORD_RESET_PER_CLIENT_PER_HOUR)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChange
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form: PasswordChange) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        user: User = self.request.user  # type: ignore[assignment]
        # Every other session of the person ends; this one stays (C3).
        sessions_end(user=user, reason="password_changed", actor_user_id=user.pk, keep=self.request)
        messages.success(
            self.request, _("Je wachtwoord is gewijzigd. Je bent op andere apparaten uitgelogd.")
        )
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordReset
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form: PasswordReset) -> HttpResponse:  # type: ignore[override]
        if not reset_allowed(self.request):
            form.add_error(
                None,
                _(
                    "Vanaf deze verbinding is het afgelopen uur te vaak een nieuw wachtwoord "
                    "aangevraagd. Probeer het over een uur opnieuw."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        audit.record("accounts.password.reset_requested", organisation_id=None)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = PasswordSet
    success_url = reverse_lazy("accounts:password-reset-complete")
    post_reset_login = False

    def form_valid(self, form: PasswordSet) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        user: User = form.user
        sessions_end(user=user, reason="password_reset", actor_user_id=user.pk)
        return response


password_change = requires("accounts.own.account")(PasswordChangeView.as_view())
password_reset = public(PasswordResetView.as_view())
password_reset_done = public(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = public(PasswordResetConfirmView.as_view())
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html")
)
