"""`manage.py load_demo`: create (or keep) the demo organisation and print its log-ins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.accounts.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo organisation (idempotent) and print the demo log-ins. Development only."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the log-ins")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "The demo has well-known passwords: it is only loaded with DEBUG on (make run)."
            )
        people = load_demo()
        if options["quiet_logins"]:
            return
        self.stdout.write(f"\nDemo log-ins (password for everyone: {DEMO_PASSWORD})\n")
        for person in people:
            roles = ", ".join(str(role.label) for role in person.roles)
            self.stdout.write(f"  {person.email:<40} {person.name:<16} {roles}")
        self.stdout.write("")
