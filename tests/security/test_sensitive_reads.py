"""Every read of sensitive data is audited once per request, with subject, case, category and basis.

Refs #9 (finding 4) / R-170. A unique marker is planted in each sensitive category;
every page and API operation that shows it is requested by every role; for each request, each
category whose marker the response shows has exactly one `audit.data.read` event of that request per
data subject (and a category it does not show has none), naming the subject, the case and a basis:
the reader's role, a consent, or the report's own melder (docs/audit-events.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pytest
from django.test import Client

from conftest import World, logged_in
from tests.security.urlwalk import ADMIN_NAMESPACE, walk
from werkvrede.accounts.models import User
from werkvrede.audit.models import AuditEvent
from werkvrede.audit.reads import READ_ACTION, SENSITIVE_CATEGORIES
from werkvrede.cases.models import Case
from werkvrede.confidential import services as confidential_services
from werkvrede.confidential.models import ReportState
from werkvrede.confidential.tests import helpers as confidential_helpers
from werkvrede.confidential.tests import test_markers as confidential_markers
from werkvrede.confidential.tests import test_referrals as referral_tests
from werkvrede.core.roles import Role
from werkvrede.mediation.tests import test_markers as mediation_markers
from werkvrede.sickness.models import SentAdvice
from werkvrede.sickness.tests import test_markers as sickness_markers
from werkvrede.sickness.tests.test_open_consult import NOTE as OPEN_CONSULT_NOTE
from werkvrede.sickness.tests.test_open_consult import visit
from werkvrede.supporters.tests import test_markers as supporter_markers
from werkvrede.whistleblower import services as whistleblower_services
from werkvrede.whistleblower.tests import helpers as whistleblower_helpers
from werkvrede.whistleblower.tests import test_markers as whistleblower_markers

# The bases a read may name (docs/audit-events.md, `audit.data.read`).
BASIS = re.compile(r"^(role:[A-Z]+(\+[A-Z]+)*|consent:\d+|emergency|melder)$")


def _logged_in(user: User) -> Client:
    return logged_in(user)


def _check(
    client: Client,
    url: str,
    markers: Mapping[str, Iterable[str]],
    case_id: int | None,
    basis: str | None = None,
) -> set[str]:
    """Request `url`; return the categories it showed, each audited once per data subject in it.

    Without `basis` every event must name the reader's role; with it, exactly that basis. Only the
    categories in `markers` are judged.
    """
    response = client.get(url)
    body = response.content.decode(errors="replace")
    shown = {category for category, texts in markers.items() if any(t in body for t in texts)}
    events = [
        event
        for event in AuditEvent.objects.filter(action=READ_ACTION, request_id=response["X-Request-ID"])
        if event.category in markers
    ]
    audited = {e.category for e in events}
    assert (
        AuditEvent.objects.filter(action=READ_ACTION).exclude(category__in=SENSITIVE_CATEGORIES).count() == 0
    )
    assert audited == shown, f"{url}: shown {sorted(shown)}, audited {sorted(audited)}"
    # Once per request for each person the data is about (a session note is about every party).
    per_subject = Counter((e.category, e.subject_id) for e in events)
    assert all(n == 1 for n in per_subject.values()), f"{url}: {dict(per_subject)}"
    for event in events:
        assert event.subject_id is not None and BASIS.match(event.legal_basis), url
        if basis is None:
            assert event.legal_basis.startswith("role:"), url
        else:
            assert event.legal_basis == basis, url
        assert event.case_id == case_id, url
        assert event.data["records"] >= 1
    return shown


SICKNESS = {
    "D01": [sickness_markers.D01],
    "D03": [sickness_markers.D03],
    "D04": [sickness_markers.D04],
    # D06 is choices: the other party's style (ACCOMMODATING) and the conflict type, by label or code.
    "D06": ["Toegeven", "ACCOMMODATING", "Werknemer – organisatie", "EMPLOYEE_ORGANISATION"],
    "D07": [sickness_markers.D07, sickness_markers.D07_SHARED],
    "D08": [sickness_markers.D08],
}


@pytest.mark.parametrize(
    ("role", "with_case_role"),
    sickness_markers.VARIANTS,
    ids=[f"{r.value}-{w}" for r, w in sickness_markers.VARIANTS],
)
def test_sickness_reads_are_audited_once_per_request(world: World, role: Role, with_case_role: bool) -> None:
    case: Case = sickness_markers._build(world)
    user = world.a.users[role] if with_case_role else sickness_markers._person(world, role, "zonder")
    client = _logged_in(user)
    advice = SentAdvice.objects.get(case=case)
    urls = [
        f"/zaken/{case.pk}/",
        f"/ziekmelding/{case.pk}/",
        f"/api/v1/cases/{case.pk}/sick-report",
        f"/api/v1/cases/{case.pk}/advices",
        f"/ziekmelding/{case.pk}/advies/{advice.pk}/terugkoppeling.html",
    ]
    shown: set[str] = set()
    for url in urls:
        shown |= _check(client, url, SICKNESS, case.pk)
    expected = sickness_markers.EXPECTED.get((role, with_case_role), set())
    # The marker test says which categories this role reads at all; here each read was audited.
    assert ("D01" in shown) == (sickness_markers.D01 in expected)
    assert ("D08" in shown) == (sickness_markers.D08 in expected)


# Every other page and API operation of a case, found by the URL walk: the GET routes whose only
# argument is the case. D06 is left out here: its labels are also the choices of the intake form.
SICKNESS_TEXTS = {category: texts for category, texts in SICKNESS.items() if category != "D06"}
ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>")


def _case_urls(case_id: int) -> list[str]:
    urls = set()
    for route in walk():
        arguments = ARGUMENT.findall(route.route)
        if route.namespace == ADMIN_NAMESPACE or "(?P" in route.route or "^" in route.route:
            continue
        if (route.methods and "GET" not in route.methods) or any(a != "case_id" for a in arguments):
            continue
        urls.add("/" + ARGUMENT.sub(str(case_id), route.route))
    return sorted(u for u in urls if not u.endswith(("/uitloggen/", "/openapi.json")))


@pytest.mark.parametrize(
    ("role", "with_case_role"),
    [(Role.EMPLOYEE, True), (Role.OCCUPATIONAL_PHYSICIAN, True), (Role.HR_ADVISER, False)],
    ids=["WN-True", "BA-True", "HR-False"],
)
def test_every_page_and_operation_of_a_case_audits_what_it_shows(
    world: World, role: Role, with_case_role: bool
) -> None:
    case: Case = sickness_markers._build(world)
    user = world.a.users[role] if with_case_role else sickness_markers._person(world, role, "zonder")
    client = _logged_in(user)
    urls = _case_urls(case.pk)
    assert f"/zaken/{case.pk}/" in urls and f"/api/v1/cases/{case.pk}/sick-report" in urls and len(urls) > 20
    shown: set[str] = set()
    for url in urls:
        shown |= _check(client, url, SICKNESS_TEXTS, case.pk)
    assert {"D03", "D04", "D08"} <= shown


def test_the_open_spreekuur_note_read_is_audited_for_the_ba_and_the_employee(
    world: World, client_as: Callable[..., Client]
) -> None:
    visit(world)
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE):
        shown = _check(client_as(role), "/ziekmelding/open-spreekuur/", {"D01": [OPEN_CONSULT_NOTE]}, None)
        assert shown == {"D01"}
    (by_employee,) = AuditEvent.objects.filter(action=READ_ACTION, user_id=world.a.users[Role.EMPLOYEE].pk)
    assert by_employee.subject_id == world.a.users[Role.EMPLOYEE].pk


MEDIATION = {"D11": [mediation_markers.INTAKE_WN, mediation_markers.INTAKE_LG, mediation_markers.NOTE]}


@pytest.mark.parametrize(
    "role", list(mediation_markers.EXPECTED), ids=[r.value for r in mediation_markers.EXPECTED]
)
def test_mediation_content_reads_are_audited_once_per_request(
    world: World, role: Role, django_capture_on_commit_callbacks: Any
) -> None:
    ids = mediation_markers._dossier(world, django_capture_on_commit_callbacks)
    client = _logged_in(world.a.users[role])
    shown: set[str] = set()
    for url in mediation_markers._urls(ids):
        shown |= _check(client, url, MEDIATION, ids["case"])
    expected = mediation_markers.EXPECTED[role]
    assert ("D11" in shown) == bool(expected & set(MEDIATION["D11"]))


@pytest.mark.parametrize("role", [Role.SUPPORTER, Role.EMPLOYEE, Role.HR_ADVISER, Role.MEDIATOR])
def test_supporter_notes_reads_are_audited_once_per_request(world: World, role: Role) -> None:
    grant = supporter_markers._grant_with_notes(world)
    client = _logged_in(world.a.users[role])
    shown: set[str] = set()
    for url in supporter_markers.PATHS(grant):
        shown |= _check(client, url, {"D17": list(supporter_markers.MARKERS.values())}, grant.case_id)
    assert ("D17" in shown) == (role in (Role.SUPPORTER, Role.EMPLOYEE))


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_vp_report_reads_are_audited_once_per_request(
    world: World, role: Role, django_capture_on_commit_callbacks: Any
) -> None:
    """D15: the melder and the VP read a named report's messages; each page view is one event."""
    markers = confidential_markers.MARKERS
    with django_capture_on_commit_callbacks(execute=True):
        report = confidential_helpers.named_report(world, text=markers[0])
        confidential_services.message_write(
            actor=confidential_helpers.vp(world),
            report=report,
            text=markers[1],
            today=confidential_helpers.TODAY,
        )
    readers = {Role.EMPLOYEE: "melder", Role.CONFIDENTIAL_ADVISER: "role:VP"}
    client = _logged_in(world.a.users[role])
    shown: set[str] = set()
    for url in confidential_markers.paths(report):
        shown |= _check(client, url, {"D15": list(markers)}, None, readers.get(role, "none"))
    assert ("D15" in shown) == (role in readers)


def test_a_referral_summary_read_by_its_recipient_is_audited_on_the_consent(world: World) -> None:
    """D15 passed on with the melder's consent (CC-6): the recipient's read names the consent."""
    report = confidential_helpers.report_at(world, "a", ReportState.ADVICE)
    referral = referral_tests.accept(world, referral_tests.propose(world, report))
    assert referral.consent is not None
    client = _logged_in(world.a.users[Role.HR_ADVISER])
    markers = {"D15": [referral_tests.SUMMARY]}
    shown = _check(
        client, "/vertrouwenspersoon/verwijzingen/", markers, None, f"consent:{referral.consent.pk}"
    )
    assert shown == {"D15"}
    for url in confidential_markers.paths(report):
        assert _check(client, url, markers, None, "none") == set()


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_whistleblower_report_reads_are_audited_once_per_request(
    world: World, role: Role, django_capture_on_commit_callbacks: Any
) -> None:
    """D18: the melder and the designated officer read a report's messages; one event per page view."""
    markers = whistleblower_markers.MARKERS
    with django_capture_on_commit_callbacks(execute=True):
        report = whistleblower_helpers.named_report(world, text=markers[0], concerned=(Role.LINE_MANAGER,))
        whistleblower_services.acknowledge(
            actor=whistleblower_helpers.officer(world),
            report=report,
            text=markers[1],
            today=whistleblower_helpers.TODAY,
        )
    readers = {Role.EMPLOYEE: "melder", Role.WHISTLEBLOWER_OFFICER: "role:DO"}
    client = _logged_in(world.a.users[role])
    shown: set[str] = set()
    for url in whistleblower_markers.paths(report):
        shown |= _check(client, url, {"D18": list(markers)}, None, readers.get(role, "none"))
    assert ("D18" in shown) == (role in readers)
