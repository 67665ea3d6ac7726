"""The case tracker in words (SM-1 done/now/next, sub-processes only for who may know) and the code
badge with its words."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone

from conftest import logged_in
from werkvrede.accounts.demo import load_demo
from werkvrede.accounts.models import User
from werkvrede.cases.models import Case
from werkvrede.core.actor import Actor
from werkvrede.demo.cases import load_demo_cases
from werkvrede.sickness.models import SickReport
from werkvrede.sickness.tracker import POORTWACHTER_STEPS, sick_report_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks: Any) -> None:
    # The deadlines are computed on commit, as in the running product.
    with override_settings(DEBUG=True), django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_demo_cases(today=timezone.localdate())


def _page(email: str, case: Case) -> str:
    response = logged_in(User.objects.get(email=email)).get(f"/zaken/{case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_employee_reads_the_variant_and_where_the_case_stands(demo: None) -> None:
    employee = User.objects.get(email="werknemer@demo.werkvrede.nl")
    report = SickReport.objects.filter(employee=employee).first()
    assert report is not None
    html = _page("werknemer@demo.werkvrede.nl", report.case)
    assert "Waar staat de zaak?" in html
    assert 'aria-current="step"' in html
    assert "Ziekmelding:" in html
    assert "volgens de bedrijfsarts" in html


def test_the_other_party_never_learns_of_the_sick_report(demo: None) -> None:
    report = SickReport.objects.exclude(employee=None).first()
    assert report is not None
    other = User.objects.get(email="leidinggevende@demo.werkvrede.nl")
    html = _page(other.email, report.case)
    assert "Waar staat de zaak?" in html
    assert "volgens de bedrijfsarts" not in html
    assert "SM-2" not in html


def test_the_employee_on_a_poortwachter_track_reads_their_own_steps(demo: None) -> None:
    report = SickReport.objects.filter(state__in=("VARIANT_B", "WVP_TRACK", "VARIANT_A")).first()
    assert report is not None
    own = Actor(user_id=report.employee_id, organisation_id=report.organisation_id)
    stranger = Actor(user_id=-1, organisation_id=report.organisation_id)
    (line,) = sick_report_lines(report.case, own)
    assert [step.code for step in line.steps] == [code for code, _text in POORTWACHTER_STEPS]
    assert line.steps[0].text == POORTWACHTER_STEPS[0][1]
    (line,) = sick_report_lines(report.case, stranger)
    assert line.steps == ()


@pytest.mark.parametrize(
    ("code", "words"),
    [("RT-8", "Arbeidsmediation"), ("D08", "Adviezen van de bedrijfsarts"), ("SM-2", "Ziekmelding")],
)
def test_a_code_badge_carries_its_words(code: str, words: str) -> None:
    html = Template("{% load codes %}{% code_badge code %}|{{ code|code_words }}").render(
        Context({"code": code})
    )
    badge, text = html.split("|")
    assert 'class="wv-badge"' in badge and 'tabindex="0"' in badge and words in badge
    assert text.startswith(words)


def test_an_unknown_code_stays_itself() -> None:
    html = Template("{% load codes %}{{ code|code_words }}").render(Context({"code": "X-1"}))
    assert html == "X-1"


def test_the_employee_reads_steps_where_handlers_read_the_deadline_table(demo: None) -> None:
    report = SickReport.objects.filter(state__in=("VARIANT_B", "WVP_TRACK", "VARIANT_A")).first()
    assert report is not None and report.employee is not None
    own = _page(report.employee.email, report.case)
    assert "Jouw stappen" in own and "Week 8 – plan van aanpak" in own
    assert ">T-04</abbr> Plan van aanpak" not in own  # no table row for the explained steps
    handler = _page("hr@demo.werkvrede.nl", report.case)
    assert "Jouw stappen" not in handler
    assert ">T-04</abbr> Plan van aanpak" in handler
