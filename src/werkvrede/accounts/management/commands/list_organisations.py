"""`manage.py list_organisations`: slug, name, active members and when each organisation was created."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Count, Q
from django.utils import timezone

from werkvrede.accounts.models import Organisation


class Command(BaseCommand):
    help = "List the organisations: slug, name, number of active members, created."

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = Organisation.objects.annotate(
            members=Count("memberships", filter=Q(memberships__is_active=True))
        ).order_by("slug")
        rows = [
            (o.slug, o.name, str(o.members), timezone.localtime(o.created_at).strftime("%Y-%m-%d %H:%M"))
            for o in organisations
        ]
        if not rows:
            self.stdout.write("No organisations yet. Create one with: manage.py create_organisation")
            return
        header = ("slug", "name", "members", "created")
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
        for row in [header, *rows]:
            self.stdout.write(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            )
