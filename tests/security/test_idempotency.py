"""Every POST of the access matrix, sent twice with the same idempotency key, writes once and is answered
like the first (docs/adr/0143-a-write-happens-once.md); every page form carries a key.

The rows, their objects and the logged-in sessions are the access matrix's own (its fixtures, imported):
each cell is one allowed role of the row, in its own rolled-back transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

import werkvrede
from conftest import World
from tests.security import test_access_matrix as access
from tests.security.test_access_matrix import MATRIX, Made
from werkvrede.api.api import api
from werkvrede.core import doors
from werkvrede.core.access import PUBLIC
from werkvrede.core.idempotency import FIELD, HEADER, REPLAYED_HEADER
from werkvrede.core.roles import Role
from werkvrede.sickness.tests.helpers import conflict_case, consulted, finding, report, verdict

# The access matrix's rows, objects and sessions (its fixtures, under their own names).
_made, _sessions, made, client_of = access._made, access._sessions, access.made, access.client_of

# Page POSTs that answer 200 rather than redirect: nothing to send the browser to again, so they run
# each time (ADR 0143). None of them may create a record that a second send would double.
ANSWERED_IN_PLACE = {
    # Shows the new secret link once; sent twice, the second link replaces the first and is the one shown.
    "agenda:create",
    # Check what was typed and show the form again: they write nothing.
    "cases:signal-prefill",
    "sickness:advice-check",
}

# Ends the session it was sent in: a second send has no person to answer for.
ENDS_THE_SESSION = {"accounts:logout-everywhere"}


def _writes(name: str) -> bool:
    row = MATRIX[name]
    if row.method != "post" or not row.allowed:
        return False
    return 200 <= row.success < 300 if name.startswith("api:") else 300 <= row.success < 400


POSTS = [(name, min(row.allowed)) for name, row in MATRIX.items() if _writes(name)]


def _counts() -> dict[str, int]:
    """Rows per Werkvrede table, but the claims themselves."""
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("werkvrede.") and model._meta.label_lower != "core.idempotencyclaim"
    }


def _send(client: Client, name: str, made: Made, key: str) -> Any:
    row = MATRIX[name]
    url = reverse(name, kwargs=made.kwargs["a"])
    if row.json or name.startswith("api:"):
        body = json.dumps(made.body) if made.body is not None else ""
        return client.generic("POST", url, body, "application/json", headers={HEADER: key})
    return client.post(url, {**(made.body or {}), FIELD: key})


def test_the_page_posts_answered_in_place_are_exactly_the_listed_ones() -> None:
    in_place = {
        name
        for name, row in MATRIX.items()
        if row.method == "post" and not name.startswith("api:") and row.success == 200
    }
    assert in_place == ANSWERED_IN_PLACE


@pytest.mark.parametrize(("url_name", "role"), POSTS, ids=[f"{n}-{r.value}" for n, r in POSTS])
def test_a_post_sent_twice_with_its_key_writes_once_and_is_answered_alike(
    made: Made, client_of: Client, db: None, url_name: str, role: Role
) -> None:
    first = _send(client_of, url_name, made, "twice")
    assert first.status_code == MATRIX[url_name].success
    after_first = _counts()
    second = _send(client_of, url_name, made, "twice")
    assert _counts() == after_first, "the second send wrote something"
    if url_name in ENDS_THE_SESSION:
        return  # the second comes without a person: sent to log in, and writes nothing
    assert second.status_code == first.status_code
    assert second[REPLAYED_HEADER] == "true"
    assert second.get("Location") == first.get("Location")
    if url_name.startswith("api:") and first.status_code != 204:
        named = first.json().get("id") if isinstance(first.json(), dict) else None
        assert second.json().get("id") == (named if isinstance(named, int) else None)


FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.DOTALL | re.IGNORECASE)
PAGES = [
    (name, min(row.allowed))
    for name, row in MATRIX.items()
    if row.method == "get" and row.success == 200 and row.allowed and not name.startswith("api:")
]


@pytest.mark.parametrize(("url_name", "role"), PAGES, ids=[f"{n}-{r.value}" for n, r in PAGES])
def test_every_post_form_on_every_page_carries_a_key(
    made: Made, client_of: Client, db: None, url_name: str, role: Role
) -> None:
    response = client_of.get(reverse(url_name, kwargs=made.kwargs["a"]))
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    for attributes, inner in FORM.findall(response.content.decode()):
        if re.search(r'method="post"', attributes, re.IGNORECASE):
            assert re.search(rf'name="{FIELD}" value="[0-9a-f]{{32}}"', inner), f"{url_name}: {attributes}"


def test_every_post_form_in_every_template_has_the_csrf_tag_that_renders_the_key() -> None:
    """Also the forms no matrix page shows (errors, public pages): `{% csrf_token %}` in each.

    But the self-help guide's: it stores nothing (ADR 0086), its pages and the prefills they post to
    are CSRF-exempt and only fill in a form that is sent, with its key, from the next page."""
    root = Path(werkvrede.__file__).parent
    missing = []
    for template in root.rglob("templates/**/*.html"):
        if template.relative_to(root).parts[0] == "selfhelp":
            continue
        for attributes, inner in FORM.findall(template.read_text()):
            posts = re.search(r'method="post"', attributes, re.IGNORECASE)
            if posts and "{% csrf_token %}" not in inner:
                missing.append(f"{template.relative_to(root)}: <form{attributes}>")
    assert missing == []


# --- POST operations whose URL the matrix tests with a GET ------------------------------------------


def _sick_case(world: World, *, reported: bool = True, assessed: bool = False) -> Any:
    case = conflict_case(world)
    if reported:
        report(world, case)
    if assessed:
        consulted(world, case)
        verdict(world, case, "AO")
        finding(world, case, True)
    return case


def _import_preview(world: World, client: Client) -> dict[str, Any]:
    csv = "email,name,roles\nnieuw@voorbeeld.test,Nieuw,WN\n"
    preview = client.post(reverse("api:people-import-preview"), {"csv": csv}, "application/json")
    return {"preview_id": preview.json()["preview_id"]}


ADVICE = {
    "kind": "REINTEGRATION",
    "content": ["REINTEGRATION", "CONVERSATION"],
    "resumption_condition": "NONE",
    "reintegration_condition": "NONE",
    "solution_direction": "Gesprek met een mediator",
    "text": "Opbouw in drie weken.",
    "justifications": {"R-022": "Besproken met de werknemer."},
    "employer_recipients": ["HR", "LG"],
    "ip_contact_person": "Piet",
}
# name -> (role, world -> (url, body given the client), status of the first)
OTHER_POSTS: dict[str, tuple[Role, Callable[[World, Client], tuple[str, Any]], int]] = {
    "api:consents": (
        Role.EMPLOYEE,
        lambda w, c: (
            reverse("api:consents"),
            {"recipient_role": "BA", "categories": ["D03"], "purpose": "Overleg", "given_on": "2025-03-01"},
        ),
        201,
    ),
    "api:sickness-report": (
        Role.HR_ADVISER,
        lambda w, c: (
            reverse("api:sickness-report", kwargs={"case_id": _sick_case(w, reported=False).pk}),
            {"first_sick_day": "2025-03-10", "notified_to_ba_on": "2025-03-11", "version": 0},
        ),
        201,
    ),
    "api:sickness-advices": (
        Role.OCCUPATIONAL_PHYSICIAN,
        lambda w, c: (
            reverse("api:sickness-advices", kwargs={"case_id": _sick_case(w, assessed=True).pk}),
            ADVICE,
        ),
        201,
    ),
    "api:sickness-wvp-documents": (
        Role.OCCUPATIONAL_PHYSICIAN,
        lambda w, c: (
            reverse("api:sickness-wvp-documents", kwargs={"case_id": _sick_case(w, assessed=True).pk}),
            {"kind": "PROBLEM_ANALYSIS", "possibilities": "Halve dagen."},
        ),
        201,
    ),
    "api:people-import": (
        Role.ADMIN,
        lambda w, c: (reverse("api:people-import"), _import_preview(w, c)),
        200,
    ),
}


def _post_paths() -> dict[str, set[str]]:
    """Every POST operation that needs a log-in: its path, and the URL names that reach it."""
    paths: dict[str, set[str]] = {}
    for route in doors.walk():
        for (action, _on), methods in zip(
            route.doors, route.methods or ("",) * len(route.doors), strict=True
        ):
            if route.namespace == "api" and "POST" in methods.split() and action != PUBLIC:
                paths.setdefault(route.route, set()).add(route.full_name)
    return paths


def test_every_post_operation_of_the_api_is_sent_twice_here() -> None:
    walked = {name for name, _role in POSTS} | set(OTHER_POSTS)
    assert [path for path, names in _post_paths().items() if not names & walked] == []


@pytest.mark.parametrize("name", sorted(OTHER_POSTS))
def test_the_other_api_posts_sent_twice_write_once(
    world: World, client_as: Callable[..., Client], name: str
) -> None:
    role, prepare, status = OTHER_POSTS[name]
    client = client_as(role)
    url, body = prepare(world, client)

    def send() -> Any:
        return client.post(url, json.dumps(body), "application/json", headers={HEADER: "twice"})

    first = send()
    assert first.status_code == status, first.content
    after_first = _counts()
    second = send()
    assert _counts() == after_first, "the second send wrote something"
    assert second.status_code == first.status_code and second[REPLAYED_HEADER] == "true"
    named = first.json().get("id") if isinstance(first.json(), dict) else None
    assert second.json().get("id") == (named if isinstance(named, int) else None)


def test_the_document_offers_the_key_and_the_replay_on_every_post_that_needs_a_log_in() -> None:
    document = api.get_openapi_schema()
    replay = {"$ref": "#/components/schemas/IdempotentReplayOut"}
    for path, operations in document["paths"].items():
        post = operations.get("post")
        if post is None or {"SessionAuth": []} not in post.get("security", []):
            continue
        assert HEADER in [p["name"] for p in post.get("parameters", []) if p["in"] == "header"], path
        for status, response in post["responses"].items():
            content = response.get("content", {}).get("application/json")
            if status.startswith("2") and content is not None:
                assert content["schema"]["anyOf"][-1] == replay, (path, status)
