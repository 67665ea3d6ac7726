"""`manage.py resend_failed_mail [--organisation SLUG]`: queue failed e-mail again (audited)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.accounts.models import Organisation
from werkvrede.notifications.outbox import failed_mail_resend_from_command


class Command(BaseCommand):
    help = (
        "Queue the e-mails that failed after every attempt again, of one organisation or of all "
        "(including those that belong to none, such as a notice to an account's owner)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", metavar="SLUG", help="only this organisation's failed e-mail")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation_id = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"no organisation with slug {options['organisation']!r}")
            organisation_id = organisation.pk
        count = failed_mail_resend_from_command(organisation_id=organisation_id)
        self.stdout.write(f"{count} failed e-mail(s) queued again")
