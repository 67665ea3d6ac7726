"""The start page's card that points every member to the guide and, when public, the protocol."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from werkvrede.accounts.models import Organisation
from werkvrede.core.policy import allowed
from werkvrede.protocol.selectors import protocol_for, public_protocol_url


def guide_info(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    actor = request.actor  # type: ignore[attr-defined]
    if actor.organisation_id is None or not allowed(actor, "protocol.page.view"):
        return None
    slug = Organisation.objects.filter(pk=actor.organisation_id).values_list("slug", flat=True).first()
    if slug is None:
        return None
    return "selfhelp/_start_info.html", {
        "guide_url": reverse("selfhelp:organisation", args=[slug]),
        "public_protocol_url": public_protocol_url(slug, protocol_for(actor.organisation_id)),
    }
