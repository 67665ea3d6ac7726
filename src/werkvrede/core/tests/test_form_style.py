"""One form rendering for every form (core/renderers.py): each error is tied to its field by
`aria-describedby`, the summary links to the field, a wrongly typed date stays as typed and text
over a limit is refused with the limit named, never cut."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test import Client

from werkvrede.cases.models import Case
from werkvrede.core.forms import Form
from werkvrede.core.roles import Role
from werkvrede.core.tests.test_forms import _form_classes
from werkvrede.core.widgets import DateInput

ClientAs = Callable[..., Client]


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def _assert_errors_are_tied(html: str, field_ids: list[str]) -> None:
    ids = _ids(html)
    described = " ".join(re.findall(r'aria-describedby="([^"]+)"', html)).split()
    for ref in described:
        assert ref in ids, f"aria-describedby points at a missing id {ref}"
    for field_id in field_ids:
        assert f"{field_id}_error" in described, f"the error of {field_id} is not tied to it"
        assert f"{field_id}_error" in ids
    assert re.search(r'aria-invalid="true"', html)
    links = re.findall(r'<a class="utrecht-link" href="#([^"]*)"', html)
    assert links, "the summary links to the fields"
    for link in links:
        assert link in ids, f"the summary links to a missing field #{link}"


def _signal(client: Client, **fields: str) -> str:
    body = {"signalled_on": "2025-03-03", "employee_name": "Sanne", "other_party_name": "het team",
            "description": "", "description_visibility": "HANDLERS", **fields}  # fmt: skip
    response = client.post("/zaken/nieuw/", body)
    assert response.status_code == 200
    return response.content.decode()


def test_the_signal_page_ties_each_error_to_its_field(client_as: ClientAs) -> None:
    html = _signal(client_as(Role.HR_ADVISER), signalled_on="", description_visibility="")
    _assert_errors_are_tied(html, ["id_signalled_on", "id_description_visibility"])
    assert "utrecht-form-field--invalid" in html and "utrecht-form-field-error-message" in html


def test_the_consent_page_ties_each_error_to_its_field(client_as: ClientAs) -> None:
    response = client_as(Role.EMPLOYEE).post("/toestemming/", {"purpose": "Overleg"})
    html = response.content.decode()
    assert response.status_code == 400
    _assert_errors_are_tied(html, ["id_recipient_role", "id_given_on"])
    assert "Overleg</textarea>" in html  # nothing typed is lost


def _constructible() -> list[type[forms.BaseForm]]:
    found = []
    for cls in _form_classes():
        try:
            cls(data={})
        except Exception:  # noqa: S112 - forms that need context are covered by page tests
            continue
        found.append(cls)
    return found


@pytest.mark.django_db
def test_every_form_that_stands_alone_ties_its_errors_to_its_fields() -> None:
    classes = _constructible()
    assert len(classes) > 10
    for cls in classes:
        form = cls(data={})
        if form.is_valid() or not form.errors:
            continue
        html = render_to_string("forms/_error_summary.html", {"form": form}) + "".join(
            bf.as_field_group() for bf in form if not bf.is_hidden
        )
        shown = [name for name in form.errors if name in form.fields and not form[name].is_hidden]
        if shown:
            try:
                _assert_errors_are_tied(html, [form[name].auto_id for name in shown])
            except AssertionError as exc:
                raise AssertionError(f"{cls.__module__}.{cls.__name__}: {exc}") from exc


def test_a_wrongly_typed_date_stays_as_typed(client_as: ClientAs) -> None:
    html = _signal(client_as(Role.HR_ADVISER), signalled_on="31-02-2025")
    assert 'value="31-02-2025"' in html
    field = re.search(r'<input[^>]*name="signalled_on"[^>]*>', html)
    assert field is not None and 'type="text"' in field.group(0)  # a date picker would drop it
    assert not Case.objects.exists()


@pytest.mark.parametrize(("typed", "kind"), [("2025-02-31", "text"), ("2025-02-28", "date"), ("", "date")])
def test_only_a_valid_iso_date_goes_in_the_date_picker(typed: str, kind: str) -> None:
    html = DateInput().render("d", typed)
    assert f'type="{kind}"' in html
    assert f'value="{typed}"' in html


class _Limited(Form):
    note = forms.CharField(max_length=300, required=False)


def test_over_limit_text_is_refused_with_the_limit_named_never_cut() -> None:
    typed = "x" * 301
    form = _Limited(data={"note": typed})
    assert not form.is_valid()
    assert form.errors["note"] == [
        "Deze tekst is 301 tekens lang; er passen er hoogstens 300. Maak hem korter: er is niets weggehaald."
    ]
    html = form["note"].as_field_group()
    assert not re.search(r"\smaxlength=", html)  # the browser would cut it silently
    assert 'data-maxlength="300"' in html and 'id="id_note_counter"' in html
    assert f'value="{typed}"' in html


def test_text_at_the_limit_is_accepted() -> None:
    assert _Limited(data={"note": "x" * 300}).is_valid()


def test_no_page_of_a_form_carries_a_browser_maxlength(client_as: ClientAs) -> None:
    html = client_as(Role.HR_ADVISER).get("/zaken/nieuw/").content.decode()
    assert not re.search(r"\smaxlength=", html) and "data-maxlength=" in html
    assert "werkvrede/forms.js" in html
