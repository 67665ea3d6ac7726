from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import Membership
from werkvrede.consent.models import Category
from werkvrede.core.forms import Form
from werkvrede.core.roles import Role
from werkvrede.core.widgets import DateInput


class _Member(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.full_name)


class ConsentForm(Form):
    recipient_role = forms.ChoiceField(
        label=_("Aan wie geef je toestemming?"),
        choices=[(r.value, r.label) for r in Role if r not in (Role.ADMIN, Role.EMPLOYEE)],
    )
    recipient = _Member(
        label=_("Eén persoon in die rol (niet verplicht)"), queryset=Membership.objects.none(), required=False
    )
    categories = forms.MultipleChoiceField(
        label=_("Over welke gegevens?"),
        # D15 is given only on a referral of the vertrouwenspersoon (CC-6), never here.
        choices=[c for c in Category.choices if c[0] != Category.D15],
        widget=forms.CheckboxSelectMultiple,
    )
    purpose = forms.CharField(
        label=_("Waarvoor?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text=_("Bijvoorbeeld: de bedrijfsarts mag met HR overleggen over een oplossing."),
    )  # fmt: skip
    given_on = forms.DateField(label=_("Datum"), widget=DateInput())
    expires_on = forms.DateField(label=_("Geldig tot (niet verplicht)"), required=False, widget=DateInput())

    def __init__(self, *args: Any, members: QuerySet[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = timezone.localdate()
        self.fields["recipient"].queryset = members  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given, expires = data.get("given_on"), data.get("expires_on")
        if given and expires and expires < given:
            self.add_error("expires_on", _("Deze datum ligt voor de datum van de toestemming."))
        return data


class WithdrawForm(Form):
    confirm = forms.BooleanField(
        label=_("Ja, ik trek deze toestemming in"),
        error_messages={"required": _("Vink aan dat je deze toestemming wilt intrekken.")},
    )
