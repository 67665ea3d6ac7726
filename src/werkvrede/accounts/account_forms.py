"""Forms of one's own account: the second log-in step, password change and reset (ADR 0072)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import Form, InputRulesMixin


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


class PasswordSet(InputRulesMixin, SetPasswordForm):  # type: ignore[type-arg]
    pass
