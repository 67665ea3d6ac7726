"""`manage.py load_demo`: create (or keep) the demo organisation and its cases; print the log-ins."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from werkvrede.accounts.demo import DEMO_PASSWORD, demo_code, load_demo, needs_demo_totp
from werkvrede.demo.cases import DEMO_EMPLOYEES, load_demo_cases
from werkvrede.demo.confidential import load_demo_reports
from werkvrede.demo.mediation import load_demo_mediation
from werkvrede.demo.prevention import load_demo_pulse


class Command(BaseCommand):
    help = (
        "Load the demo organisation, five living demo cases and a mediation (idempotent). Development only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the log-ins")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.WERKVREDE_DEMO:
            raise CommandError(
                "The demo has well-known passwords: it is only loaded with the development settings "
                "(make run; WERKVREDE_DEMO)."
            )
        people = load_demo()
        created = load_demo_cases(today=timezone.localdate())
        mediations = load_demo_mediation(today=timezone.localdate())
        reports = load_demo_reports(today=timezone.localdate())
        pulses = load_demo_pulse(today=timezone.localdate())
        if options["quiet_logins"]:
            return
        self.stdout.write(f"\nDemo log-ins (password for everyone: {DEMO_PASSWORD})\n")
        for person in people:
            roles = ", ".join(str(role.label) for role in person.roles)
            mark = " *" if needs_demo_totp(person) else ""
            self.stdout.write(f"  {person.email:<40} {person.name:<16} {roles}{mark}")
        if settings.WERKVREDE_DEMO_TOTP_KEY:
            secret = b32encode(bytes.fromhex(settings.WERKVREDE_DEMO_TOTP_KEY)).decode()
            self.stdout.write(
                f"\n  * Two-factor log-in: after the password, enter the code of an authenticator app set up "
                f"with the demo secret {secret} (time-based, 6 digits, 30 s). Code now: {demo_code()}"
            )
        others = ", ".join(p.email for key, p in DEMO_EMPLOYEES.items() if key != "C")
        self.stdout.write(f"\n  Employees with a demo case of their own: {others}")
        if created:
            self.stdout.write(
                f"  {created} demo cases created (variants A, B, C, conflict leave, interventieperiode, "
                "a sick report of yesterday)."
            )
        if mediations:
            self.stdout.write(
                "  A demo mediation for Sanne's case: agreement signed, her supporter admitted, "
                "a session planned (mediator@…, steunpersoon@…)."
            )
        if reports:
            self.stdout.write(
                "  The vertrouwenspersoon (vertrouwenspersoon@…) has two reports (one anonymous) and "
                "last year's annual report."
            )
        if pulses:
            self.stdout.write(
                "  HR (hr@…) has a closed prevention pulse of the warehouse team with its results."
            )
        self.stdout.write("")
