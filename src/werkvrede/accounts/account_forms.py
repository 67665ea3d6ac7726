"""Forms of one's own account: the second log-in step, password change and reset (ADR 0072)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.mail import PASSWORD_RESET_MAIL_KIND
from werkvrede.core.forms import Form, InputRulesMixin
from werkvrede.core.mail import mail_queue


class CodeForm(Form):
    code = forms.CharField(
        label=_("Code uit je app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class RecoveryCodeForm(Form):
    code = forms.CharField(
        label=_("Herstelcode"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )


class PasswordChange(InputRulesMixin, PasswordChangeForm):
    pass


class PasswordReset(InputRulesMixin, PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def send_mail(self, *args: Any, **kwargs: Any) -> None:
        """Queue the e-mail in the outbox instead of sending it now: retried when the server refuses,
        and rendered with a fresh link when it is sent (docs/adr/0073-outgoing-mail.md)."""
        context = args[2] if len(args) > 2 else kwargs["context"]
        user = context["user"]
        mail_queue(kind=PASSWORD_RESET_MAIL_KIND, reference=user.pk, recipient_id=user.pk)


class PasswordSet(InputRulesMixin, SetPasswordForm):  # type: ignore[type-arg]
    pass
