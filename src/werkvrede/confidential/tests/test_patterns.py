"""R-108: whom a report concerns is kept as a keyed reference only; the VP's inbox marks a person named
in reports of two or more melders; the VP's advice to management names no melder."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.confidential import annual_services, selectors
from werkvrede.confidential.models import ManagementAdvice, Report
from werkvrede.confidential.tests.annual_helpers import closed_report, compiled
from werkvrede.confidential.tests.helpers import named_report, person, vp
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role

pytestmark = pytest.mark.django_db

PATTERN = "meerdere meldingen over dezelfde persoon"
ADVICE_MARKER = "Advies-PL77-uniek"


def _report_of(world: World, role: Role) -> Report:
    from werkvrede.confidential import services

    return services.report_write(
        actor=person(world, role),
        message="Er gebeurt iets.",
        registration_consent=True,
        today=date(2026, 3, 2),
    )


def test_the_reference_is_keyed_and_the_same_for_the_member_chosen_or_typed(world: World) -> None:
    report = named_report(world)
    subject = world.a.users[Role.CASEMANAGER]
    chosen = annual_services.concerns_record(
        actor=vp(world), report=report, user_id=subject.pk, name="", today=date(2026, 3, 3)
    ).concerns_ref
    typed = annual_services.concerns_record(
        actor=vp(world),
        report=report,
        user_id=None,
        name=f"  {subject.full_name.lower()} ",
        today=date(2026, 3, 3),
    ).concerns_ref
    assert chosen == typed and len(chosen) == 64
    assert subject.full_name.lower() not in chosen and str(subject.pk) != chosen
    other = annual_services.concerns_ref_of(world.a.organisation.pk, name="Iemand Van Buiten")
    assert other != chosen
    # The same person in another organisation gives another reference.
    assert annual_services.concerns_ref_of(world.b.organisation.pk, user_id=subject.pk) != chosen
    event = AuditEvent.objects.filter(action="confidential.report.concerns_recorded").last()
    assert event is not None and subject.full_name not in json.dumps(event.data)


def test_the_inbox_marks_a_person_named_by_two_melders_for_the_vp_only(
    world: World, client_as: Callable[..., Client]
) -> None:
    first = _report_of(world, Role.EMPLOYEE)
    again = _report_of(world, Role.EMPLOYEE)
    other = _report_of(world, Role.LINE_MANAGER)
    unrelated = _report_of(world, Role.CASEMANAGER)
    subject = world.a.users[Role.COMPANY_SOCIAL_WORKER]
    for report in (first, again):
        annual_services.concerns_record(
            actor=vp(world), report=report, user_id=subject.pk, name="", today=date(2026, 3, 3)
        )
    # One melder twice is no pattern yet.
    assert selectors.pattern_report_ids(vp(world)) == set()
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    response = client.post(
        reverse("confidential:concerns", kwargs={"report_id": other.pk}), {"name": subject.full_name}
    )
    assert response.status_code == 302
    assert selectors.pattern_report_ids(vp(world)) == {first.pk, again.pk, other.pk}
    inbox = client.get(reverse("confidential:inbox")).content.decode()
    assert inbox.count(PATTERN) == 3 and unrelated.pk not in selectors.pattern_report_ids(vp(world))
    # Nobody else sees a pattern: not the melder on their report, not the other organisation's VP.
    melder = client_as(Role.EMPLOYEE).get(reverse("confidential:report", kwargs={"report_id": first.pk}))
    assert melder.status_code == 200 and PATTERN not in melder.content.decode()
    assert "Over wie gaat deze melding?" not in melder.content.decode()
    assert selectors.pattern_report_ids(person(world, Role.EMPLOYEE)) == set()
    assert selectors.pattern_report_ids(vp(world, "b")) == set()
    assert (
        PATTERN
        not in client_as(Role.CONFIDENTIAL_ADVISER, "b").get(reverse("confidential:inbox")).content.decode()
    )


def test_the_vp_sees_the_form_and_an_empty_choice_is_refused(
    world: World, client_as: Callable[..., Client]
) -> None:
    report = named_report(world)
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    page = client.get(reverse("confidential:report", kwargs={"report_id": report.pk})).content.decode()
    assert "Over wie gaat deze melding?" in page and world.a.users[Role.HR_ADVISER].full_name in page
    url = reverse("confidential:concerns", kwargs={"report_id": report.pk})
    empty = client.post(url, {"person": "", "name": ""})
    assert empty.status_code == 400 and "Kies iemand uit de lijst of typ een naam." in empty.content.decode()
    both = client.post(url, {"person": str(world.a.users[Role.HR_ADVISER].pk), "name": "Typ Naam"})
    assert both.status_code == 400 and "Typ Naam" in both.content.decode()  # the typed text stays
    foreign = client.post(url, {"person": str(world.b.users[Role.HR_ADVISER].pk)})
    assert foreign.status_code == 400
    report.refresh_from_db()
    assert report.concerns_ref == ""


def test_the_reference_is_in_no_annual_report(world: World) -> None:
    report = closed_report(world, on=date(2025, 4, 1))
    annual_services.concerns_record(
        actor=vp(world),
        report=report,
        user_id=world.a.users[Role.CASEMANAGER].pk,
        name="",
        today=date(2025, 4, 2),
    )
    ref = Report.objects.get(pk=report.pk).concerns_ref
    stored = compiled(world, year=2025)
    assert ref not in json.dumps(stored.aggregates)


def test_an_advice_naming_a_melder_is_refused_and_the_text_kept(
    world: World, client_as: Callable[..., Client]
) -> None:
    _report_of(world, Role.EMPLOYEE)
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    for mention in (world.a.users[Role.EMPLOYEE].full_name, world.a.users[Role.EMPLOYEE].email):
        text = f"Praat eens met {mention} over de sfeer."
        response = client.post(reverse("confidential:advice-write"), {"text": text})
        body = response.content.decode()
        assert response.status_code == 400 and "R-105" in body and text in body
    with pytest.raises(Invalid):
        annual_services.advice_write(actor=vp(world), text="", today=date(2026, 3, 3))
    assert not ManagementAdvice.objects.exists()


def test_an_advice_is_read_by_vp_lg_and_hr_of_the_organisation_only(
    world: World, client_as: Callable[..., Client]
) -> None:
    response = client_as(Role.CONFIDENTIAL_ADVISER).post(
        reverse("confidential:advice-write"), {"text": f"{ADVICE_MARKER}: werkdruk in de teams bespreken."}
    )
    assert response.status_code == 302
    advice = ManagementAdvice.objects.get()
    assert (
        advice.organisation_id == world.a.organisation.pk
        and advice.author_id == world.a.users[Role.CONFIDENTIAL_ADVISER].pk
    )
    readers = {Role.CONFIDENTIAL_ADVISER, Role.LINE_MANAGER, Role.HR_ADVISER}
    for tenant in ("a", "b"):
        for role in Role:
            page = client_as(role, tenant).get(reverse("confidential:advices"))
            reads = role in readers
            assert page.status_code == (200 if reads else 404), (tenant, role)
            assert (ADVICE_MARKER in page.content.decode()) is (reads and tenant == "a"), (tenant, role)
    lg_page = client_as(Role.LINE_MANAGER).get(reverse("confidential:advices")).content.decode()
    assert 'name="text"' not in lg_page  # LG reads, does not write
    assert AuditEvent.objects.filter(action="confidential.advice.written").count() == 1
