"""Take the README's screenshots from a running `make run` server (needs Debian's chromium).

Usage: .venv/bin/python tools/screenshots.py [BASE_URL]   (or `make screenshots` beside `make run`)

Besides the feature screenshots, the main pages of each demo role at 1280 and 390 px wide
(`<page>-<role>-<width>.png`), the phone width showing the compact header and the stacked tables.
"""

from __future__ import annotations

import sys
import time
from base64 import b32decode
from pathlib import Path
from typing import Any

from django_otp.oath import TOTP
from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105 - the demo's published secret (README)


def demo_code() -> str:
    return f"{TOTP(b32decode(DEMO_TOTP_SECRET)).token():06d}"


def _with_two_factors(browser: Any, base: str, email: str) -> Any:
    """A new page logged in as a two-factor demo person: the password, then the demo secret's code."""
    page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="nl-NL")
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill("werkvrede-demo")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/account/inloggen/code/**")
    page.locator("input[name=code]").fill(demo_code())
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    return page


# The demo roles with a password-only log-in, and the main pages each reaches.
ROLES = {
    "hr": ("hr@demo.werkvrede.nl", ["/", "/zaken/", "case", "/zaken/nieuw/"]),
    "ba": ("bedrijfsarts@demo.werkvrede.nl", ["/", "case"]),
    "employee": ("werknemer@demo.werkvrede.nl", ["/", "case"]),
    "manager": ("leidinggevende@demo.werkvrede.nl", ["/", "case"]),
}
WIDTHS = {1280: 800, 390: 844}
NAMES = {"/": "home", "/zaken/": "cases", "case": "case", "/zaken/nieuw/": "signal"}


def responsive(browser: Any, base: str) -> None:
    """The main pages of each demo role at a desktop and a phone width."""
    used: set[str] = set()
    for role, (email, pages) in ROLES.items():
        for width, height in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, locale="nl-NL")
            page.goto(f"{base}/account/inloggen/")
            page.get_by_label("E-mailadres").fill(email)
            page.get_by_label("Wachtwoord").fill("werkvrede-demo")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_load_state()
            if "/code/" in page.url:  # a two-factor role: the demo secret's code, never one used before
                while demo_code() in used:
                    time.sleep(2)
                used.add(demo_code())
                page.locator("input[name=code]").fill(demo_code())
                page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url(f"{base}/")
            for path in pages:
                if path == "case":  # the person's first case
                    page.goto(f"{base}/zaken/")
                    page.locator("main a[href^='/zaken/']").filter(has_text="-0").first.click()
                    page.wait_for_load_state()
                else:
                    page.goto(base + path)
                page.screenshot(path=str(OUT / f"{NAMES[path]}-{role}-{width}.png"), full_page=width > 400)
            page.close()


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="nl-NL")
        page.goto(f"{base}/account/inloggen/")
        page.screenshot(path=str(OUT / "login.png"))
        page.get_by_label("E-mailadres").fill("hr@demo.werkvrede.nl")
        page.get_by_label("Wachtwoord").fill("werkvrede-demo")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{base}/")
        page.screenshot(path=str(OUT / "home-hr.png"), full_page=True)
        page.goto(f"{base}/zaken/")
        page.get_by_role("link", name="-0002").first.click()  # the variant B demo case
        page.wait_for_load_state()
        page.screenshot(path=str(OUT / "case-hr.png"), full_page=True)
        page.get_by_role("link", name="Ziekmelding").first.click()
        page.wait_for_load_state()
        page.screenshot(path=str(OUT / "sick-report-hr.png"), full_page=True)
        page.goto(f"{base}/account/tweestaps/instellen/")  # optional for HR: the enrolment page
        page.screenshot(path=str(OUT / "totp-enrol.png"), full_page=True)
        # The Beheerder (two factors: the demo secret's code) on the people page.
        page = _with_two_factors(browser, base, "beheer@demo.werkvrede.nl")
        page.goto(f"{base}/account/mensen/")
        page.screenshot(path=str(OUT / "people-adm.png"), full_page=True)
        # The vertrouwenspersoon's inbox, and the public page for an anonymous report.
        page = _with_two_factors(browser, base, "vertrouwenspersoon@demo.werkvrede.nl")
        page.goto(f"{base}/vertrouwenspersoon/")
        page.screenshot(path=str(OUT / "vp-inbox.png"), full_page=True)
        page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="nl-NL")
        page.goto(f"{base}/melden/demo-bv/")
        page.screenshot(path=str(OUT / "report-anonymous.png"), full_page=True)
        # Without log-in: the self-help guide's advice for bullying, and the organisation's protocol.
        page.goto(f"{base}/hulp/demo-bv/")
        page.get_by_role("button", name="Ik ben medewerker").click()
        page.wait_for_load_state()
        page.get_by_role("group", name="Gebeurt er iets van het volgende?").get_by_label("Pesten").check()
        page.get_by_role("button", name="Bekijk het advies").click()
        page.wait_for_load_state()
        page.screenshot(path=str(OUT / "guide-advice.png"), full_page=True)
        page.goto(f"{base}/protocol/demo-bv/")
        page.screenshot(path=str(OUT / "protocol-public.png"), full_page=True)
        # The HR adviser's results of the warehouse team's prevention pulse (the demo's closed pulse).
        page = browser.new_page(viewport={"width": 1200, "height": 760}, locale="nl-NL")
        page.goto(f"{base}/account/inloggen/")
        page.get_by_label("E-mailadres").fill("hr@demo.werkvrede.nl")
        page.get_by_label("Wachtwoord").fill("werkvrede-demo")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{base}/")
        page.goto(f"{base}/preventie/")
        page.get_by_role("link", name="Team Magazijn").first.click()
        page.wait_for_load_state()
        page.screenshot(path=str(OUT / "pulse-results.png"), full_page=True)
        responsive(browser, base)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
