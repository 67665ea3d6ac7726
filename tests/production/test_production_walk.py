"""The README's production section, walked end to end (issue #11 point 5).

A fresh PostgreSQL database, the production settings, and the commands the README names run as
separate processes: migrate, collectstatic, create_organisation; gunicorn serves over real HTTP; the
task worker sends the e-mails to a real SMTP server in this process. The first Beheerder receives the
invitation, chooses a password, enrols a TOTP device, logs in and invites a bedrijfsarts, whose
invitation arrives too. Runs in the PostgreSQL pass of `make test` (production is PostgreSQL).
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import dj_database_url
import psycopg
import pytest
import requests
from aiosmtpd.controller import Controller
from django.db import connection
from django_otp.oath import TOTP

REPO = Path(__file__).resolve().parents[2]
MANAGE = str(REPO / "manage.py")


@dataclass
class Mailbox:
    deliveries: list[tuple[list[str], Message]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd hook)
        self.deliveries.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"

    def wait_for(self, address: str, count: int = 1, seconds: float = 30) -> Message:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = [m for rcpt, m in self.deliveries if address in rcpt]
            if len(found) >= count:
                return found[count - 1]
            time.sleep(0.1)
        raise AssertionError(f"no e-mail for {address} within {seconds} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


class Site:
    """Real HTTP against the gunicorn server, as the TLS-terminating proxy would forward it."""

    def __init__(self, base_url: str, public_url: str) -> None:
        self.base_url = base_url
        self.public_url = public_url
        self.http = requests.Session()
        self.http.headers["X-Forwarded-Proto"] = "https"

    def _unsecure_cookies(self) -> None:
        # The cookies are Secure (production); the proxy speaks plain HTTP to gunicorn on loopback.
        for cookie in self.http.cookies:
            cookie.secure = False

    def _follow(self, response: requests.Response) -> requests.Response:
        """Follow redirects one by one, so that each hop sends the cookies the previous one set."""
        for _ in range(10):
            self._unsecure_cookies()
            if not response.is_redirect:
                return response
            location = response.headers["Location"]
            if location.startswith(self.public_url):
                location = location[len(self.public_url) :]
            url = location if location.startswith("http") else self.base_url + location
            response = self.http.get(url, allow_redirects=False, timeout=30)
        raise AssertionError("more than ten redirects")

    def get(self, path: str) -> requests.Response:
        return self._follow(self.http.get(self.base_url + path, allow_redirects=False, timeout=30))

    def post(self, path: str, data: dict[str, str]) -> requests.Response:
        token = self.http.cookies.get("csrftoken", "")
        response = self.http.post(
            self.base_url + path,
            data={"csrfmiddlewaretoken": token, **data},
            # The browser's origin is the public https address the proxy serves.
            headers={"Referer": self.public_url + path},
            allow_redirects=False,
            timeout=30,
        )
        return self._follow(response)


@dataclass
class Production:
    env: dict[str, str]
    site: Site
    mailbox: Mailbox
    public_url: str  # WERKVREDE_BASE_URL: what the proxy serves and the e-mails link to
    log: Path  # gunicorn's standard error: the application's log lines

    def manage(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, MANAGE, *args], env=self.env, capture_output=True, text=True, timeout=300
        )

    def deliver_mail(self) -> None:
        """One pass of the task worker: what is queued gets sent."""
        result = self.manage("db_worker", "--batch", "--no-startup-delay")
        assert result.returncode == 0, result.stderr

    def path_of(self, link: str) -> str:
        assert link.startswith(self.public_url + "/"), link
        return link[len(self.public_url) :]


def _admin_connection(config: dict[str, Any]) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=int(config["PORT"] or 5432),
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def production(tmp_path: Path) -> Iterator[Production]:
    if connection.vendor != "postgresql":
        pytest.skip("production runs on PostgreSQL: this walk runs in the PostgreSQL pass of `make test`")
    config = connection.settings_dict
    name = f"{config['NAME']}_production_walk"
    with _admin_connection(config) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = dj_database_url.parse(
        os.environ.get("WERKVREDE_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
    )
    user, host, port_ = url.get("USER") or "postgres", url.get("HOST") or "127.0.0.1", url.get("PORT") or 5432
    database_url = f"postgres://{user}@{host}:{port_}/{name}"
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    smtp.start()
    port = _free_port()
    public_url = f"https://127.0.0.1:{port}"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "DJANGO_SETTINGS_MODULE": "werkvrede.config.settings.prod",
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": _key() + _key(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": public_url,
        "WERKVREDE_DATA_DIR": str(tmp_path),
        "WERKVREDE_DATA_KEYS": f"k1:{_key()}",
        "WERKVREDE_AUDIT_KEYS": f"a1:{_key()}",
        "WERKVREDE_AUDIT_ANCHOR_FILE": str(tmp_path / "anchors.jsonl"),
        "WERKVREDE_BASE_URL": public_url,
        "WERKVREDE_FROM_EMAIL": "Werkvrede <werkvrede@organisatie.test>",
        "WERKVREDE_SMTP_HOST": "127.0.0.1",
        "WERKVREDE_SMTP_PORT": str(smtp.port),
        "WERKVREDE_SMTP_SECURITY": "none",
    }
    server: subprocess.Popen[bytes] | None = None
    try:
        walk = Production(
            env=env,
            site=Site(f"http://127.0.0.1:{port}", public_url),
            mailbox=mailbox,
            public_url=public_url,
            log=tmp_path / "server.log",
        )
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["createcachetable"]):
            result = walk.manage(*command)
            assert result.returncode == 0, f"{command}: {result.stderr}"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "werkvrede.config.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            env=env,
            cwd=str(REPO),
            stdout=subprocess.DEVNULL,
            stderr=walk.log.open("wb"),
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if walk.site.get("/health/").status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer /health/ within 60 s"
            time.sleep(0.2)
        yield walk
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        smtp.stop()
        with _admin_connection(config) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _link(message: Message) -> str:
    body = message.get_payload(decode=True)
    text = body.decode() if isinstance(body, bytes) else str(message.get_payload())
    match = re.search(r"https?://\S+", text)
    assert match, text
    return match.group(0)


def _code(secret_text: str, ahead: int = 0) -> str:
    """The code an authenticator app set up with `secret_text` (as the page shows it) shows `ahead`
    seconds from now."""
    key = base64.b32decode(secret_text.replace(" ", "") + "=" * (-len(secret_text.replace(" ", "")) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + ahead
    return f"{totp.token():06d}"


def _probe(production: Production, path: str, host: str) -> requests.Response:
    """What a load balancer's health check sends: plain HTTP, the pod's address as Host, no proxy headers."""
    url = production.site.base_url + path
    return requests.get(url, headers={"Host": host}, allow_redirects=False, timeout=30)


def _request_lines(production: Production) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in production.log.read_text().splitlines() if line.startswith("{")]
    return [line for line in lines if line.get("logger") == "werkvrede.request"]


def test_the_readme_production_section_walked_end_to_end(production: Production) -> None:
    site = production.site
    # Behind a load balancer (ADR 0155): the probes answer by IP over plain HTTP, nothing else does.
    for path in ("/health/", "/ready/"):
        assert _probe(production, path, "10.0.3.17:8000").status_code == 200, path
    assert _probe(production, "/ready/", "10.0.3.17").json()["status"] == "ready"
    assert _probe(production, "/account/inloggen/", "10.0.3.17:8000").status_code == 400
    redirected = _probe(production, "/account/inloggen/", "127.0.0.1")
    assert redirected.status_code == 301 and redirected.headers["Location"].startswith("https://")
    # An operator sets up the organisation and its first Beheerder from the command line.
    created = production.manage(
        "create_organisation",
        "--name",
        "Gemeente Voorbeeld",
        "--slug",
        "voorbeeld",
        "--admin-email",
        "beheer@voorbeeld.test",
    )
    assert created.returncode == 0, created.stderr
    again = production.manage(
        "create_organisation",
        "--name",
        "Gemeente Voorbeeld",
        "--slug",
        "voorbeeld",
        "--admin-email",
        "beheer@voorbeeld.test",
    )
    assert again.returncode == 0 and "voorbeeld" in again.stdout
    listed = production.manage("list_organisations")
    assert "voorbeeld" in listed.stdout and "Gemeente Voorbeeld" in listed.stdout

    # The task worker sends the invitation over SMTP; it says nothing but the link.
    production.deliver_mail()
    invitation = production.mailbox.wait_for("beheer@voorbeeld.test")
    assert invitation["From"] == "Werkvrede <werkvrede@organisatie.test>"
    path = production.path_of(_link(invitation))
    assert "Gemeente Voorbeeld" not in str(invitation.get_payload(decode=True))

    # The Beheerder chooses a password through the link, logs in and must set up two factors.
    page = site.get(path)
    assert page.status_code == 200 and 'name="new_password1"' in page.text
    password = "een lange zin als wachtwoord"
    chosen = site.post(path, {"new_password1": password, "new_password2": password})
    assert chosen.status_code == 200 and chosen.url.endswith("/account/inloggen/"), chosen.url
    login = site.post("/account/inloggen/", {"username": "beheer@voorbeeld.test", "password": password})
    assert "/account/tweestaps/instellen/" in login.url, login.url
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', login.text)
    assert secret, login.text[:2000]
    # Before the second factor, nothing behind the log-in answers.
    assert "/account/tweestaps/instellen/" in site.get("/account/mensen/").url
    enrol_path = login.url.removeprefix(site.base_url)
    enrolled = site.post(enrol_path, {"code": _code(secret.group(1))})
    assert enrolled.status_code == 200, enrolled.text[:2000]
    codes = re.search(r'<ul class="wv-recovery-codes" id="recovery-codes">(.*?)</ul>', enrolled.text, re.S)
    assert codes and len(re.findall(r"<li><code>\w+</code></li>", codes.group(1))) == 10  # shown once

    # Next time: password and a code (of the next time step: the one used above may not be replayed).
    site = Site(site.base_url, site.public_url)
    assert site.get("/account/inloggen/").status_code == 200
    credentials = {"username": "beheer@voorbeeld.test", "password": password}
    password_step = site.post("/account/inloggen/", credentials)
    assert "/account/inloggen/code/" in password_step.url, password_step.url
    next_code = _code(secret.group(1), ahead=30)
    code_step = site.post(password_step.url.removeprefix(site.base_url), {"code": next_code})
    assert code_step.status_code == 200 and "/account/inloggen/" not in code_step.url, code_step.url

    # The Beheerder invites a bedrijfsarts on the people page; the worker sends the invitation.
    people = site.get("/account/mensen/")
    assert people.status_code == 200 and "beheer@voorbeeld.test" in people.text
    invited = site.post(
        "/account/mensen/uitnodigen/",
        {"email": "bedrijfsarts@arbodienst.test", "full_name": "Dr. B. Arts", "roles": "BA"},
    )
    assert invited.status_code == 200, invited.text[:2000]
    production.deliver_mail()
    second = production.mailbox.wait_for("bedrijfsarts@arbodienst.test")
    assert production.path_of(_link(second)).startswith("/account/uitnodiging/?i=")

    # The log: one JSON line per request, by route name, with no address, path or token (ADR 0157).
    lines = _request_lines(production)
    routes = {line["route"] for line in lines}
    assert {"accounts:login", "accounts:people", "accounts:invitation"} <= routes, routes
    assert all(len(line["request_id"]) == 32 and line["time"].endswith("+00:00") for line in lines)
    text = production.log.read_text()
    addresses = ("beheer@voorbeeld.test", "bedrijfsarts@arbodienst.test", "Dr. B. Arts")
    for personal in (*addresses, "uitnodiging", "?i="):
        assert personal not in text, personal
