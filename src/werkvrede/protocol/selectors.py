"""Reads of the conflict protocol."""

from __future__ import annotations

from django.urls import reverse

from werkvrede.accounts.models import RESERVED_SLUGS, Organisation
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


#: The protocol's own pages are matched before an organisation's slug (docs/adr/0087-public-protocol.md);
#: no organisation can take such a slug (`accounts.models.RESERVED_SLUGS`), and none that has one shows.
RESERVED_SEGMENTS = RESERVED_SLUGS


def public_protocol_get(slug: str) -> tuple[Organisation, ConflictProtocol] | None:
    """The organisation behind `slug` and its protocol in force, if it chose to publish it; else None.

    An unknown slug and a protocol that is not public answer alike.
    """
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or slug in RESERVED_SEGMENTS:
        return None
    protocol = protocol_for(organisation.pk)
    if not protocol.is_public:
        return None
    return organisation, protocol


def public_protocol_url(slug: str, protocol: ConflictProtocol) -> str | None:
    """The address of the public protocol page, or None when the organisation did not publish it."""
    if not protocol.is_public or slug in RESERVED_SEGMENTS:
        return None
    return reverse("protocol:public", args=[slug])
