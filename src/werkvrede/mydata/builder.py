"""Gather the export: every registered section (core.exports), per organisation the person acts in.

Runs as the person themselves (one Actor per organisation), so each section reads only what the
policy layer gives that person, and every sealed read is audited as theirs (basis: their own right
of access). Labels come out in the person's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone, translation

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import Membership, User
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, export_sections

FORMAT = "werkvrede.mijn-gegevens"
VERSION = 1
SCHEMA_URL = "/mijn-gegevens/schema.json"


def actors_of(user: User) -> list[Actor]:
    """One actor per organisation the person holds a role in (active memberships), by name."""
    organisation_ids = (
        Membership.objects.filter(user=user, is_active=True)
        .order_by("organisation__name", "organisation_id")
        .values_list("organisation_id", flat=True)
    )
    actors = [actor_for(user, organisation_id) for organisation_id in organisation_ids]
    return [a for a in actors if a.organisation_id is not None]


def _record(record: ExportRecord) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "source": record.source,
        "title": str(record.title),
        "date": record.date,
        "fields": [{"key": f.key, "label": str(f.label), "value": f.value} for f in record.fields],
    }


def build_export(
    user: User, *, language: str, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    with translation.override(language):
        actors = actors_of(user)
        sections = export_sections()
        steps = [
            (section, actor)
            for section in sections
            for actor in (
                actors
                if section.scope == "organisation"
                else [actors[0] if actors else actor_for(user, None)]
            )
        ]
        out: list[dict[str, Any]] = []
        for done, (section, actor) in enumerate(steps, start=1):
            records = section.provider(actor)
            if records:
                out.append(
                    {
                        "key": section.key,
                        "title": str(section.title),
                        "organisation": actor.organisation_name or None
                        if section.scope == "organisation"
                        else None,
                        "records": [_record(r) for r in records],
                    }
                )
            if progress is not None:
                progress(int(90 * done / max(len(steps), 1)))
        return {
            "$schema": SCHEMA_URL,
            "format": FORMAT,
            "version": VERSION,
            "generated_at": timezone.now().isoformat(),
            "language": language,
            "person": {
                "name": user.full_name,
                "email": user.email,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
            },
            "sections": out,
            "left_out": [
                {"section": str(section.title), "text": str(text)}
                for section in sections
                for text in section.left_out
            ],
        }
