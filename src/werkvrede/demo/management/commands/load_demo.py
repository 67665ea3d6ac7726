"""`manage.py load_demo`: create (or keep) the demo organisation and its cases; print the log-ins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from werkvrede.accounts.demo import DEMO_PASSWORD, load_demo
from werkvrede.demo.cases import DEMO_EMPLOYEES, load_demo_cases
from werkvrede.demo.mediation import load_demo_mediation


class Command(BaseCommand):
    help = (
        "Load the demo organisation, five living demo cases and a mediation (idempotent). Development only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the log-ins")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "The demo has well-known passwords: it is only loaded with DEBUG on (make run)."
            )
        people = load_demo()
        created = load_demo_cases(today=timezone.localdate())
        mediations = load_demo_mediation(today=timezone.localdate())
        if options["quiet_logins"]:
            return
        self.stdout.write(f"\nDemo log-ins (password for everyone: {DEMO_PASSWORD})\n")
        for person in people:
            roles = ", ".join(str(role.label) for role in person.roles)
            self.stdout.write(f"  {person.email:<40} {person.name:<16} {roles}")
        others = ", ".join(p.email for key, p in DEMO_EMPLOYEES.items() if key != "C")
        self.stdout.write(f"\n  Employees with a demo case of their own: {others}")
        if created:
            self.stdout.write(
                f"  {created} demo cases created (variants A, B, C, conflict leave, interventieperiode)."
            )
        if mediations:
            self.stdout.write(
                "  A demo mediation for Sanne's case: agreement signed, her supporter admitted, "
                "a session planned (mediator@…, steunpersoon@…)."
            )
        self.stdout.write("")
