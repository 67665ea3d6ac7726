"""Exit mediation with a supporter, in a real browser (seed 000, issue #5 point 6, scenario b).

The employee invites a supporter for their case; the supporter accepts by a one-time link and
prepares with them; they are admitted to the mediation under CC-8; the exit mediation ends in a
signed termination agreement, which the employee dissolves within the reflection period (R-092);
finally the employee revokes the supporter, who is shut out on the very next request.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from conftest import Tenant, World
from tests.browser.conftest import axe_violations
from tests.browser.people import logged_in_page, organisation_with, submit
from werkvrede.cases.tests.helpers import signal
from werkvrede.core.roles import Role
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation import termination
from werkvrede.mediation.models import ChecklistItem, TerminationAgreement, TerminationState
from werkvrede.mediation.tests.helpers import actor, signed
from werkvrede.supporters.models import SupporterGrant
from werkvrede.supporters.tests.helpers import admit_supporter

PASSWORD = "browser-test-password"
SUPPORTER_PASSWORD = "een lang en sterk wachtwoord 42"
PEOPLE = [
    ("werknemer", "Sanne Bakker", Role.EMPLOYEE),
    ("leidinggevende", "Lars Visser", Role.LINE_MANAGER),
    ("hr", "Hanna de Vries", Role.HR_ADVISER),
    ("mediator", "Mira Smit", Role.MEDIATOR),
]
KEYS = {
    "werknemer": Role.EMPLOYEE,
    "leidinggevende": Role.LINE_MANAGER,
    "hr": Role.HR_ADVISER,
    "mediator": Role.MEDIATOR,
}


@pytest.fixture
def setting(transactional_db: None) -> tuple[World, int]:
    organisation, members = organisation_with("Zorg BV", "zorg", PEOPLE, PASSWORD)
    tenant = Tenant(organisation)
    for key, role in KEYS.items():
        tenant.users[role] = members[key].user
        tenant.memberships[role] = members[key]
    world = World(a=tenant, b=tenant)
    case = signal(tenant.users[Role.EMPLOYEE], organisation.pk, other=tenant.memberships[Role.LINE_MANAGER])
    return world, case.pk


def test_exit_mediation_with_a_supporter_ends_in_a_dissolved_termination_agreement(
    live_server: Any, browser: Any, setting: tuple[World, int]
) -> None:
    world, case_id = setting
    base = live_server.url
    today = timezone.localdate()

    # 1. The employee invites a supporter from the case's Steunpersoon tab.
    sanne = logged_in_page(browser, base, "werknemer@zorg.test", PASSWORD)
    sanne.goto(f"{base}/zaken/{case_id}/")
    sanne.get_by_role("link", name="Steunpersoon").first.click()
    sanne.get_by_label("Naam van je steunpersoon").fill("Lotte Legal")
    sanne.get_by_label("E-mailadres van je steunpersoon").fill("lotte@legalbacking.example")
    assert axe_violations(sanne) == []
    submit(sanne, "Uitnodiging versturen")
    expect(sanne.get_by_text("De uitnodiging is verstuurd.")).to_be_visible()
    (invitation,) = [m for m in mail.outbox if m.to == ["lotte@legalbacking.example"]]
    assert "Sanne" not in str(invitation.body)
    link = re.search(r"/account/uitnodiging/\?\S+", str(invitation.body))
    assert link is not None

    # 2. The supporter chooses a password, logs in and prepares.
    lotte = browser.new_context(locale="nl-NL").new_page()
    lotte.set_default_timeout(15_000)
    lotte.goto(f"{base}{link.group(0)}")
    lotte.locator("#id_new_password1").fill(SUPPORTER_PASSWORD)
    lotte.locator("#id_new_password2").fill(SUPPORTER_PASSWORD)
    submit(lotte, "Wachtwoord instellen")
    lotte.get_by_label("E-mailadres").fill("lotte@legalbacking.example")
    lotte.get_by_label("Wachtwoord").fill(SUPPORTER_PASSWORD)
    lotte.get_by_role("button", name="Inloggen").click()
    lotte.wait_for_url(f"{base}/")
    # Accepted by the invitation link: nothing waits in "Wat nu?"; whom she supports is under the menu.
    lotte.get_by_role("link", name="Mijn ondersteuning").first.click()
    lotte.get_by_role("link", name="Sanne Bakker").click()
    expect(lotte.get_by_text("Er is (nog) geen mediation.")).to_be_visible()
    expect(lotte.get_by_text("Bedenktijd bij een beëindigingsovereenkomst")).to_be_visible()
    lotte.get_by_label("Onderdeel").select_option("EXPECT")
    lotte.get_by_label("Tekst").fill("De werkgever stelt een vertrekregeling voor; neem je eigen wensen mee.")
    submit(lotte, "Opslaan")
    expect(lotte.get_by_text("neem je eigen wensen mee")).to_be_visible()
    assert axe_violations(lotte) == []
    grant = SupporterGrant.objects.get()
    assert grant.accepted_at is not None
    # The supporter sees nothing else of the case.
    response = lotte.goto(f"{base}/zaken/{case_id}/")
    assert response is not None and response.status == 404

    # 3. The mediation starts (agreement signed by all); the supporter is admitted under CC-8.
    world.a.users[Role.SUPPORTER] = grant.supporter
    mediation = signed(world, case=grant.case)
    lotte.goto(f"{base}/steun/{grant.pk}/")
    expect(lotte.get_by_text("Mediation gestart op")).to_be_visible()
    admit_supporter(world, grant, mediation.pk)
    lotte.reload()
    lotte.get_by_role("link", name="Naar de mediation waarbij je bent toegelaten (CC-8)").click()
    lotte.wait_for_url(f"{base}/mediation/{mediation.pk}/")

    # 4. Exit track: the mediator drafts the termination agreement; both sign it in the browser.
    med = actor(world, Role.MEDIATOR)
    mediation_services.track_set(actor=med, mediation_id=mediation.pk, track="EXIT", today=today)
    ta = termination.termination_create(
        actor=med,
        mediation_id=mediation.pk,
        data=termination.TerminationInput(
            employee_id=world.a.users[Role.EMPLOYEE].pk,
            employer_signatory_id=world.a.users[Role.LINE_MANAGER].pk,
            end_of_employment_on=today + timedelta(days=60),
            checklist=list(ChecklistItem.values),
        ),
        today=today,
    )
    lars = logged_in_page(browser, base, "leidinggevende@zorg.test", PASSWORD)
    for page, name in ((sanne, "Sanne Bakker"), (lars, "Lars Visser")):
        page.goto(f"{base}/mediation/beeindigingsovereenkomst/{ta.pk}/")
        page.get_by_label("Typ je volledige naam om te ondertekenen").fill(name)
        page.get_by_label("Ik heb het document gelezen en onderteken het").check()
        submit(page, "Ondertekenen")
    ta.refresh_from_db()
    assert ta.state == TerminationState.COOLING_OFF
    assert ta.reflection_ends_on == today + timedelta(days=14)
    last_day = f"{ta.reflection_ends_on.day} "
    sanne.reload()
    expect(sanne.get_by_text(re.compile("schriftelijk ontbinden \\(R-092\\)"))).to_be_visible()
    assert last_day.strip() in sanne.get_by_text(re.compile("kan tot en met")).inner_text()

    # 5. Within the reflection period the employee dissolves it in writing.
    sanne.get_by_label("Typ je volledige naam om te ondertekenen").fill("Sanne Bakker")
    sanne.get_by_label("Ik heb het document gelezen en onderteken het").check()
    submit(sanne, "Ontbinden")
    ta.refresh_from_db()
    assert ta.state == TerminationState.DISSOLVED
    assert sanne.get_by_test_id("termination-state").inner_text() == "Ontbonden"

    # 6. The employee revokes the supporter: the very next request is refused, the admission ends.
    sanne.goto(f"{base}/steun/{grant.pk}/intrekken/")
    submit(sanne, "Ja, toegang intrekken")
    expect(sanne.get_by_text("Dat geldt meteen.")).to_be_visible()
    response = lotte.goto(f"{base}/mediation/{mediation.pk}/")
    assert response is not None and response.status == 404
    response = lotte.goto(f"{base}/steun/{grant.pk}/")
    assert response is not None and response.status == 404
    assert not TerminationAgreement.objects.filter(state=TerminationState.COOLING_OFF).exists()
