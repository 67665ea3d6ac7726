"""JSON API of the sickness context, mounted under /api/v1 by werkvrede.api."""

from ninja import Router

router = Router(tags=["sickness"])
