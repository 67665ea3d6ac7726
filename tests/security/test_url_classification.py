"""Every URL is public or names a policy action; a new URL is denied until classified (Refs issue #2)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

from conftest import World
from tests.security.urlwalk import ADMIN_NAMESPACE, public_routes, unclassified, walk
from werkvrede.accounts.models import RESERVED_SLUGS
from werkvrede.accounts.services import organisation_create
from werkvrede.audit.models import AuditEvent
from werkvrede.core import policy
from werkvrede.core.access import PUBLIC
from werkvrede.core.roles import Role

# The short, explicit list of URLs reachable without log-in.
EXPECTED_PUBLIC = {
    "core:set-language",
    "core:health",
    "core:ready",
    "accounts:login",
    "accounts:logout",
    "accounts:invitation",
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:password-reset-complete",
    "contact:request",
    "contact:thanks",
    # Anonymous reports to the vertrouwenspersoon (docs/anonymous-reporting.md): the pages and the API
    # operations for an intranet; reading and replying need the receipt code.
    "reporting:report",
    "reporting:read",
    "api:public-report",
    "api:public-report-mine",
    "api:public-report-reply",
    # The prevention pulse (docs/prevention.md): answered anonymously through its unguessable link.
    "pulse:answer",
    # The self-help guide (docs/self-help.md): stores nothing, sets no cookie; the hand-off of its
    # answers to the reporting form, only when the visitor chooses it; the protocol an organisation
    # chose to publish (docs/adr/0087-public-protocol.md).
    "selfhelp:guide",
    "selfhelp:organisation",
    "reporting:prefill",
    "protocol:public",
    "protocol:public-pdf",
    # The whistleblower channel (docs/whistleblower.md): anonymous reports, read with a receipt code.
    "whistleblowing:report",
    "whistleblowing:read",
    "api:public-whistleblower-report",
    "api:public-whistleblower-mine",
    "api:public-whistleblower-reply",
    # The calendar feed (docs/adr/0118-the-calendar-feed.md): calendar apps cannot log in; the link's
    # long secret is the key, revocable at once, rate-limited, and the feed holds no case content.
    "agenda-feed:feed",
}


def test_every_url_is_public_or_covered_by_a_declared_access_rule() -> None:
    routes = list(walk())
    assert len(routes) > 10
    assert unclassified(iter(routes)) == []
    for route in routes:
        if route.access in (None, PUBLIC):
            continue
        for action in route.access.split(","):
            assert policy.is_declared(action), f"{route.full_name} names undeclared action {action}"


def test_the_public_urls_are_exactly_the_short_list() -> None:
    assert public_routes() == EXPECTED_PUBLIC


def test_the_classification_test_catches_a_new_unclassified_url() -> None:
    def forgotten_view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("case content")

    patterns = [
        path("extra/", include(([path("forgotten/<int:pk>/", forgotten_view, name="forgotten")], "extra")))
    ]
    found = unclassified(walk(patterns))
    assert [r.full_name for r in found] == ["extra:forgotten"]


def test_an_api_operation_without_a_declared_action_leaves_its_url_unclassified() -> None:
    from werkvrede.api import api as api_module

    scratch = api_module.WerkvredeAPI(urls_namespace="scratch-api")

    @scratch.get("/leak", url_name="leak")
    def leak(request: HttpRequest) -> dict[str, str]:
        return {"content": "sealed"}

    original = api_module.api
    api_module.api = scratch
    try:
        patterns, app_name, namespace = api_module.api_urls()
    finally:
        api_module.api = original
    found = unclassified(walk([path("scratch/", include((patterns, app_name), namespace=namespace))]))
    assert "scratch-api:leak" in {r.full_name for r in found}


def test_an_undeclared_view_is_refused_at_run_time_and_the_refusal_audited(
    world: World, client_as: Callable[..., Client]
) -> None:
    """Deny by default does not depend on the tests: the middleware refuses what declares nothing."""

    def forgotten_view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("case content")

    urlconf = type("Urls", (), {"urlpatterns": [path("forgotten/", forgotten_view, name="forgotten")]})
    client = client_as(Role.HR_ADVISER)
    with override_settings(ROOT_URLCONF=urlconf):
        page = client.get("/forgotten/")
    assert page.status_code == 404 and b"case content" not in page.content
    (refusal,) = AuditEvent.objects.filter(
        action="core.access.denied", user_id=world.a.users[Role.HR_ADVISER].pk
    )
    assert refusal.data["action"] == "core.view.undeclared"


def test_a_url_with_an_object_id_names_its_object_and_a_real_action() -> None:
    """Every door on one object resolves it (`on=`) and checks what is done to it, never a bare `*.list`."""
    wrong = []
    for route in walk():
        if not route.takes_arguments or route.namespace == ADMIN_NAMESPACE or route.access == PUBLIC:
            continue
        for action, on in route.doors:
            if action is None or action.endswith(".list") or on is None:
                wrong.append((route.full_name, action, on))
    assert wrong == []


def test_the_walk_catches_a_door_on_an_object_that_names_no_object() -> None:
    from werkvrede.core.access import requires

    @requires("cases.case.list")
    def coarse(request: HttpRequest, case_id: int) -> HttpResponse:
        return HttpResponse("")

    patterns = [path("extra/", include(([path("<int:case_id>/", coarse, name="coarse")], "extra")))]
    (route,) = walk(patterns)
    assert route.doors == (("cases.case.list", None),)


def test_no_organisation_slug_can_hide_behind_a_fixed_segment_of_a_public_address(db: None) -> None:
    """Where an address takes an organisation's slug (/melden/<slug>/), every fixed segment in the
    same place (/melden/ontvangstcode/) is a slug no organisation may take: its page would be hidden."""
    routes = [route.route.split("/") for route in walk()]
    beside_slugs = {
        segments[i]
        for with_slug in routes
        for i, part in enumerate(with_slug)
        if part == "<slug:slug>"
        for segments in routes
        if len(segments) > i and segments[:i] == with_slug[:i] and segments[i] and "<" not in segments[i]
    }
    assert beside_slugs == RESERVED_SLUGS
    for slug in sorted(RESERVED_SLUGS):
        with pytest.raises(ValueError, match="fixed part"):
            organisation_create(name="Gereserveerd", slug=slug)


def test_a_contact_organisation_never_gets_a_reserved_slug(db: None) -> None:
    from werkvrede.contact.services import _unique_slug

    assert _unique_slug("Ontvangstcode") == "ontvangstcode-2"
    assert _unique_slug("Zorg en Welzijn") == "zorg-en-welzijn"
