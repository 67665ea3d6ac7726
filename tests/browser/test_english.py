"""The demo in English: every page the demo people reach shows none of the Dutch-only words that must
be translated (built-in defaults, document names, buttons); Dutch legal terms appear only with their
English gloss (e.g. "Action plan (plan van aanpak)")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.people import log_in
from tests.browser.test_demo_walkthrough import PEOPLE, demo  # noqa: F401 - the demo fixture
from werkvrede.accounts.demo import DEMO_PASSWORD

# Words of the interface itself, never of what people typed in the demo.
DUTCH_ONLY = [
    "Mediationovereenkomst",
    "Geheimhoudingsverklaring",
    "beëindigingsmelding",
    "Emoties alleen zijn geen reden",
    "Verslaglegging",
    "Zichtbaar voor",
    "Wat nu",
    "Ondertekenen",
    "Uitloggen",
    "Mijn account",
    "Naar de inhoud",
    "Deze pagina bestaat niet",
    "Foutcode",
    "werkdagen",
    "Bekijk",
    "Opslaan",
    "Versturen",
    "Volgende stap",
    "Ziekmelding",
    "Tijdlijn",
    "Wie ziet wat",
]
# A Dutch legal term is allowed only inside its English gloss: "(plan van aanpak)".
GLOSSED = ["plan van aanpak", "probleemanalyse", "eerstejaarsevaluatie"]


def _dutch_in(text: str) -> list[str]:
    found = [word for word in DUTCH_ONLY if word.lower() in text.lower()]
    for term in GLOSSED:
        bare = re.sub(rf"\([^()]*{re.escape(term)}[^()]*\)", "", text, flags=re.IGNORECASE)
        if term in bare.lower():
            found.append(term)
    return found


def test_the_word_list_fires_and_lets_glosses_pass() -> None:
    assert _dutch_in("Your Mediationovereenkomst") == ["Mediationovereenkomst"]
    assert _dutch_in("Action plan (plan van aanpak) due in 3 days") == []
    assert _dutch_in("the plan van aanpak is due") == ["plan van aanpak"]
    assert _dutch_in("Mediation agreement · signed") == []


def _walk(page: Any, base: str) -> list[str]:
    page.goto(base + "/")
    urls = ["/", *[a.get_attribute("href") for a in page.locator("nav.wv-nav a").all()]]
    page.goto(f"{base}/zaken/")
    cases = sorted({a.get_attribute("href") for a in page.locator("a[href^='/zaken/']").all()})
    for case in [c for c in cases if c.rstrip("/").split("/")[-1].isdigit()]:
        page.goto(base + case)
        urls += [case, *[a.get_attribute("href") for a in page.locator("nav.wv-tabs a").all()]]
    return [*dict.fromkeys(urls), "/bestaat-niet/"]


@pytest.mark.parametrize(("email", "cases"), PEOPLE, ids=[p[0].split("@")[0] for p in PEOPLE])
def test_the_demo_in_english_has_no_dutch_only_words(
    live_server: Any,
    browser: Any,
    demo: None,  # noqa: F811
    email: str,
    cases: int,
) -> None:
    context = browser.new_context(locale="en-GB")
    base = live_server.url
    context.add_cookies([{"name": "werkvrede_language", "value": "en", "url": base}])
    page = context.new_page()
    log_in(page, base, email, DEMO_PASSWORD)
    problems = {}
    for url in _walk(page, base):
        page.goto(base + url)
        assert page.locator("html").get_attribute("lang") == "en", url
        text = page.locator("body").inner_text()
        found = _dutch_in(text)
        if found:  # with where the first one stands, to find its source
            at = text.lower().find(found[0].lower())
            problems[url] = [*found, text[max(0, at - 60) : at + 40]]
    context.close()
    assert problems == {}
