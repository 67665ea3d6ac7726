"""Real-browser tests: Playwright driving Debian's chromium against the live test server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The live server runs in a thread; ORM calls from a test beside Playwright's loop are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config: pytest.Config) -> None:
    """Assertions on the page wait as long as the pages' own actions do (ADR 0210)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (`make test` runs them on SQLite only, ADR 0067)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("WERKVREDE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (WERKVREDE_REQUIRE_BROWSER=1) but /usr/bin/chromium is missing")
        pytest.skip("browser tests need Debian's chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        open_context = instance.new_context

        def watched_context(*args: object, **kwargs: object) -> object:
            context = open_context(*args, **kwargs)  # type: ignore[arg-type]
            context.on("console", _listen_for_csp)
            return context

        instance.new_context = watched_context  # type: ignore[method-assign,assignment]
        yield instance
        instance.close()


# Content-Security-Policy refusals the browser reported during the current test (ADR 0156).
_CSP_REFUSALS: list[str] = []


def _listen_for_csp(message: object) -> None:
    text = str(message.text)  # type: ignore[attr-defined]
    if "Content Security Policy" in text:
        _CSP_REFUSALS.append(text)


@pytest.fixture(autouse=True)
def _no_csp_refusals() -> Iterator[None]:
    """Every browser test fails when the policy refused a script, a style or anything else."""
    _CSP_REFUSALS.clear()
    yield
    refused = list(_CSP_REFUSALS)
    _CSP_REFUSALS.clear()
    assert refused == [], f"the Content-Security-Policy refused: {refused}"


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page: object) -> list[dict[str, object]]:
    """Run axe-core on the page; return serious and critical violations."""
    # Evaluated by the test driver, not added as an inline script: the page's CSP would refuse that.
    page.evaluate(AXE.read_text())  # type: ignore[attr-defined]
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")  # type: ignore[attr-defined]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
