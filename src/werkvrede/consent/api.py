"""JSON API of the consent context, mounted under /api/v1 by werkvrede.api."""

from ninja import Router

router = Router(tags=["consent"])
