"""The organisation's protocol in public at /protocol/<slug>/ and as a PDF, only when the Beheerder
chose it (docs/adr/0087-public-protocol.md); an unknown slug and a protocol not public answer alike."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.cases.tests.helpers import actor_of
from werkvrede.core.roles import Role
from werkvrede.protocol.selectors import protocol_for
from werkvrede.protocol.services import protocol_ensure_default, protocol_update


def _publish(world: World, tenant: str = "a", **values: object) -> None:
    organisation = world.tenant(tenant).organisation
    admin = actor_of(world.tenant(tenant).users[Role.ADMIN], organisation.pk)
    protocol_update(actor=admin, values={"is_public": True, **values}, expected_version=0)


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_protocol_is_not_public_by_default(world: World) -> None:
    protocol_ensure_default(organisation=world.a.organisation)
    assert protocol_for(world.a.organisation.pk).is_public is False
    for name in ("protocol:public", "protocol:public-pdf"):
        assert Client().get(reverse(name, args=["org-a"])).status_code == 404
        assert Client().get(reverse(name, args=["bestaat-niet"])).status_code == 404


def test_a_public_protocol_renders_without_log_in_and_without_a_cookie(world: World) -> None:
    _publish(world, hr_contact="Ria de Vries, 010-123", open_consultation="Dinsdag 9-10 uur")
    response = Client().get(reverse("protocol:public", args=["org-a"]))
    page = response.content.decode()
    assert response.status_code == 200 and response.cookies == {}
    assert "Conflictprotocol van Organisatie A" in page
    assert "Ria de Vries, 010-123" in page and "Dinsdag 9-10 uur" in page
    assert world.a.users[Role.CONFIDENTIAL_ADVISER].full_name in page
    assert reverse("reporting:report", args=["org-a"]) in page  # the anonymous route to the VP
    assert "Wat is mediation, en wanneer helpt het?" in page
    assert "De bedrijfsarts en het open spreekuur" in page
    assert "geen arbeidsconflictenverlof" in page  # leave not enabled in this version
    assert reverse("selfhelp:organisation", args=["org-a"]) in page
    assert reverse("protocol:public-pdf", args=["org-a"]) in page


def test_conflict_leave_appears_when_the_protocol_offers_it(world: World) -> None:
    _publish(world, conflict_leave_enabled=True, conflict_leave_max_days=2)
    page = Client().get(reverse("protocol:public", args=["org-a"])).content.decode()
    assert "hoogstens 2 werkdagen" in page


def test_one_organisations_slug_never_shows_anothers_vp_or_contacts(world: World) -> None:
    _publish(world, "a", hr_contact="HR van A")
    _publish(world, "b", hr_contact="HR van B")
    for name in ("protocol:public", "protocol:public-pdf"):
        response = Client().get(reverse(name, args=["org-a"]))
        text = _pdf_text(response.content) if name.endswith("pdf") else response.content.decode()
        assert "HR van A" in text and "HR van B" not in text
        assert world.b.users[Role.CONFIDENTIAL_ADVISER].full_name not in text
        assert "org-b" not in text


def test_the_pdf_is_a_real_pdf_with_the_vps_name(world: World) -> None:
    _publish(world)
    response = Client().get(reverse("protocol:public-pdf", args=["org-a"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response.cookies == {}
    text = _pdf_text(response.content)
    assert world.a.users[Role.CONFIDENTIAL_ADVISER].full_name in text
    assert "Conflictprotocol van Organisatie A" in text


def test_the_public_protocol_follows_the_browsers_language(world: World) -> None:
    _publish(world)
    with translation.override("nl"):  # the middleware activates English; give the next test Dutch back
        page = Client().get(reverse("protocol:public", args=["org-a"]), headers={"accept-language": "en"})
        pdf = Client().get(reverse("protocol:public-pdf", args=["org-a"]), headers={"accept-language": "en"})
    assert "Conflict protocol of Organisatie A" in page.content.decode() and page.cookies == {}
    assert "Conflict protocol of Organisatie A" in _pdf_text(pdf.content)


def test_publishing_is_a_new_audited_version_on_the_settings_page(
    world: World, client_as: Callable[..., Client]
) -> None:
    url = reverse("protocol:settings")
    admin = client_as(Role.ADMIN)
    initial = admin.get(url).context["form"].initial
    body = {k: v for k, v in initial.items() if v is not False}
    body["is_public"] = "on"
    assert admin.post(url, {**body, "bevestigd": "ja"}).status_code == 302
    protocol = protocol_for(world.a.organisation.pk)
    assert protocol.is_public is True and protocol.version == 1
    assert reverse("protocol:public", args=["org-a"]) in admin.get(url).content.decode()
    event = AuditEvent.objects.filter(action="protocol.protocol.changed").order_by("-pk").first()
    assert event is not None and "is_public" in event.data["fields"]
    assert Client().get(reverse("protocol:public", args=["org-a"])).status_code == 200
    # Withdrawn in a next version: 404 again.
    body.pop("is_public")
    body["version"] = 1
    assert admin.post(url, {**body, "bevestigd": "ja"}).status_code == 302
    assert Client().get(reverse("protocol:public", args=["org-a"])).status_code == 404


def test_the_api_reads_and_sets_whether_the_protocol_is_public(
    world: World, client_as: Callable[..., Client]
) -> None:
    assert client_as(Role.EMPLOYEE).get(reverse("api:protocol")).json()["is_public"] is False
    response = client_as(Role.ADMIN).put(
        reverse("api:protocol-update"), json.dumps({"version": 0, "is_public": True}), "application/json"
    )
    assert response.status_code == 200 and response.json()["is_public"] is True
    assert Client().get(reverse("protocol:public", args=["org-a"])).status_code == 200


def test_the_logged_in_protocol_page_links_to_the_public_one_when_public(
    world: World, client_as: Callable[..., Client]
) -> None:
    public_url = reverse("protocol:public", args=["org-a"])
    page = client_as(Role.EMPLOYEE).get(reverse("protocol:page")).content.decode()
    assert public_url not in page
    assert reverse("selfhelp:organisation", args=["org-a"]) in page  # the guide, always
    _publish(world)
    assert public_url in client_as(Role.EMPLOYEE).get(reverse("protocol:page")).content.decode()


def test_a_slug_equal_to_a_protocol_page_never_hides_that_page(
    world: World, client_as: Callable[..., Client]
) -> None:
    organisation = world.a.organisation
    organisation.slug = "instellingen"
    organisation.save()
    _publish(world)
    assert client_as(Role.ADMIN).get(reverse("protocol:settings")).context["can_edit"] is True
    # Anonymous: the settings page asks for a log-in; no public protocol is offered at that address.
    assert Client().get("/protocol/instellingen/").status_code == 302
    assert Client().get("/protocol/instellingen/pdf/").status_code == 404
    page = client_as(Role.EMPLOYEE).get(reverse("protocol:page")).content.decode()
    assert "Het openbare protocol" not in page
