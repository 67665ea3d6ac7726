from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkvrede.core.forms import ModelForm, VersionField
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.protocol.parameters import EDITABLE_FIELDS, PARAMETERS, validation_errors

_OTHER_LABELS = {
    "liberation_day": (_("Bevrijdingsdag (5 mei)"), _("Telt mee bij termijnen in werkdagen.")),
    "hr_contact": (_("Contact bij HR"), _("Naam en hoe je iemand bereikt, bijvoorbeeld telefoon of e-mail.")),
    "confidential_adviser_contact": (
        _("Vertrouwenspersoon"),
        _("Naam en hoe je de vertrouwenspersoon bereikt."),
    ),
    "open_consultation": (_("Open spreekuur van de bedrijfsarts"), _("Wanneer en hoe je je aanmeldt.")),
    "emotions_sentence": (_("Emoties en ziekmelden (R-007)"), _("Deze zin staat op de protocolpagina.")),
    "is_public": (
        _("Iedereen mag het protocol lezen, ook zonder in te loggen"),
        _(
            "Dan staat het protocol op een openbare pagina en als pdf, met de naam en het contact "
            "van de vertrouwenspersoon."
        ),
    ),
}


class ProtocolForm(ModelForm):
    class Meta:
        model = ConflictProtocol
        fields = list(EDITABLE_FIELDS)
        widgets = {"emotions_sentence": forms.Textarea(attrs={"rows": 3})}

    # The version in force when the form was opened (ADR 0146), not a parameter of the protocol.
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in PARAMETERS:
            self.fields[p.field].label = p.label  # type: ignore[assignment]
            self.fields[p.field].help_text = p.rule
        for name, (label, help_text) in _OTHER_LABELS.items():
            self.fields[name].label = label
            self.fields[name].help_text = help_text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            for field, messages in validation_errors(data).items():
                for message in messages:
                    self.add_error(None if field == "__all__" else field, message)
        return data

    def changes(self, current: ConflictProtocol) -> list[tuple[str, Any, Any]]:
        """(label, old, new) for every field the form changes."""
        out = []
        for name in EDITABLE_FIELDS:
            new = self.cleaned_data.get(name)
            old = getattr(current, name)
            if new != old:
                out.append((str(self.fields[name].label), old, new))
        return out
