"""Reads of the conflict protocol."""

from __future__ import annotations

from werkvrede.protocol.models import ConflictProtocol


def protocol_for(organisation_id: int) -> ConflictProtocol:
    """The version in force; an unsaved version 0 with the defaults when none was ever saved."""
    current = ConflictProtocol.objects.filter(organisation_id=organisation_id).order_by("-version").first()
    return current or ConflictProtocol(organisation_id=organisation_id, version=0)


def protocol_history(organisation_id: int) -> list[ConflictProtocol]:
    """Every saved version, newest first, with who saved it."""
    return list(
        ConflictProtocol.objects.filter(organisation_id=organisation_id)
        .select_related("created_by")
        .order_by("-version")
    )
