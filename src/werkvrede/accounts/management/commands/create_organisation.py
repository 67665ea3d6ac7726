"""`manage.py create_organisation`: a new organisation and the invitation of its first Beheerder (ADM).

Running it again with the same slug and name changes nothing and says so (exit 0). Bad input exits 2
naming the problem. The Beheerder accepts through the one-time link and then invites the others on the
people page (docs/adr/0071-people-and-roles.md).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_slug
from django.db import transaction

from werkvrede.accounts import invitations
from werkvrede.accounts.models import RESERVED_SLUGS, Organisation
from werkvrede.accounts.people import PURPOSE
from werkvrede.accounts.services import organisation_create
from werkvrede.core.roles import Role
from werkvrede.core.types import forbidden_character


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Create an organisation and invite its first Beheerder (ADM) by e-mail."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="the organisation's name, e.g. 'Gemeente Utrecht'")
        parser.add_argument("--slug", required=True, help="short unique id: letters, digits, - and _")
        parser.add_argument("--admin-email", required=True, help="the e-mail address of the first Beheerder")
        parser.add_argument("--admin-name", default="", help="the Beheerder's name (default: the address)")

    def handle(self, *args: Any, **options: Any) -> None:
        name, slug = options["name"].strip(), options["slug"].strip()
        if not name or len(name) > 200 or forbidden_character(name):
            raise _bad("--name: give a name of 1 to 200 characters without control characters")
        try:
            validate_slug(slug)
        except ValidationError as exc:
            raise _bad(f"--slug {slug!r}: use only letters, digits, '-' and '_'") from exc
        if len(slug) > 50:
            raise _bad(f"--slug {slug!r}: at most 50 characters")
        if slug in RESERVED_SLUGS:
            raise _bad(f"--slug {slug!r} is a fixed part of Werkvrede's public addresses; choose another")
        try:
            email = invitations.normalised_email(options["admin_email"])
        except ValidationError as exc:
            raise _bad(f"--admin-email {options['admin_email']!r}: not a valid e-mail address") from exc
        admin_name = (options["admin_name"] or email).strip()[:200]
        existing = Organisation.objects.filter(slug=slug).first()
        if existing is not None:
            if existing.name != name:
                raise _bad(
                    f"--slug {slug!r} is already used by the organisation {existing.name!r}; choose another"
                )
            self.stdout.write(f"Organisation {slug!r} ({name}) already exists; nothing changed.")
            return
        with transaction.atomic():
            organisation = organisation_create(name=name, slug=slug)
            invitations.invitation_create(
                organisation=organisation,
                email=email,
                invited_name=admin_name,
                roles=[Role.ADMIN],
                invited_by_id=None,
                purpose=PURPOSE,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created organisation {slug!r} ({name}) and invited {email} as Beheerder (ADM); "
                f"the link in the e-mail works once, for {invitations.max_age_days()} days."
            )
        )
