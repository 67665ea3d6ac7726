"""No enum name in the visible text of the demo walk: people read words, codes are badges.

Every page each demo person reaches from the main menu, their case pages and the case's tabs is
rendered and its visible text (no attributes, no code badges) is searched for an all-caps identifier
with an underscore, such as ``VARIANT_C`` or ``TYPE_AND_PHASE``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from conftest import logged_in
from werkvrede.accounts.demo import load_demo
from werkvrede.accounts.models import Membership, User
from werkvrede.demo.cases import load_demo_cases

pytestmark = pytest.mark.django_db

ENUM_NAME = re.compile(r"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b")
#: Elements whose text is not read as prose: code badges carry the code on purpose.
SKIPPED = {"script", "style", "code", "abbr", "option", "textarea", "title"}
DEMO_PEOPLE = (
    "hr@demo.werkvrede.nl",
    "casemanager@demo.werkvrede.nl",
    "leidinggevende@demo.werkvrede.nl",
    "werknemer@demo.werkvrede.nl",
    "bedrijfsarts@demo.werkvrede.nl",
    "taakdelegatie@demo.werkvrede.nl",
    "mediator@demo.werkvrede.nl",
    "vertrouwenspersoon@demo.werkvrede.nl",
    "bmw@demo.werkvrede.nl",
    "meldpunt@demo.werkvrede.nl",
    "beheer@demo.werkvrede.nl",
    "steunpersoon@demo.werkvrede.nl",
)


class _Page(HTMLParser):
    """Collects the visible text and the links of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._skip: list[str] = []
        self._in_menu = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in SKIPPED or "wv-badge" in classes or (self._skip and tag == self._skip[-1]):
            self._skip.append(tag)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


#: Links not followed: log-in and account pages, the admin, the API, language switch, mail previews.
NOT_FOLLOWED = ("/account/", "/i18n/", "/beheer/", "/api/", "/e-mail/", "/static/", "/media/")


def _read(client: Client, url: str) -> _Page | None:
    """The page's text and links; ``None`` for a download, a redirect or a refusal."""
    response = client.get(url)
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return None
    page = _Page()
    page.feed(response.content.decode())
    return page


def _walk(client: Client) -> tuple[dict[str, list[str]], set[str]]:
    """The start page, the menu pages, what they link to (case pages, mediations, reports) and the
    tabs of those: three links deep, as a person clicks through the demo."""
    hits: dict[str, list[str]] = {}
    seen: set[str] = set()
    level = ["/"]
    for _depth in range(4):
        following: list[str] = []
        for url in level:
            if url in seen:
                continue
            seen.add(url)
            page = _read(client, url)
            if page is None:
                continue
            found = ENUM_NAME.findall(" ".join(page.text))
            if found:
                hits[url] = sorted(set(found))
            following += [
                h.split("#")[0].split("?")[0]
                for h in page.links
                if h.startswith("/") and not h.startswith(NOT_FOLLOWED)
            ]
        level = list(dict.fromkeys(h for h in following if h and h not in seen))
    return hits, seen


@pytest.fixture
def demo(django_capture_on_commit_callbacks: Any) -> None:
    # The deadlines are computed on commit, as in the running product.
    with override_settings(DEBUG=True), django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_demo_cases(today=timezone.localdate())


@pytest.mark.parametrize("email", DEMO_PEOPLE, ids=[e.split("@")[0] for e in DEMO_PEOPLE])
def test_the_demo_walk_shows_no_enum_names(demo: None, email: str) -> None:
    user = User.objects.get(email=email)
    client = logged_in(user)
    # Every organisation the person works in (the mediator and the bedrijfsarts have two).
    organisations = Membership.objects.filter(user=user).values_list("organisation_id", flat=True)
    for organisation_id in organisations:
        response = client.post(
            "/account/organisatie/wisselen/", {"organisation": organisation_id, "next": "/"}
        )
        assert response.status_code == 302
        hits, seen = _walk(client)
        assert len(seen) > 3
        assert hits == {}


def test_the_reader_ignores_badges_and_attributes_but_not_prose() -> None:
    page = _Page()
    page.feed(
        '<p title="VARIANT_C">Variant C <span class="wv-badge">VARIANT_C</span>'
        "<abbr>NO_VARIANT</abbr> mist CONFIDENTIALITY_X</p>"
    )
    assert ENUM_NAME.findall(" ".join(page.text)) == ["CONFIDENTIALITY_X"]
