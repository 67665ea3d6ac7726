"""A write happens once: a POST sent again with the same idempotency key is answered like the first and
writes nothing (docs/adr/0143-a-write-happens-once.md).

Every page form carries a fresh key in the hidden field `idempotency_key` (the `{% csrf_token %}` tag
renders it, `core.templatetags.form_tokens`); an API client sends the header `Idempotency-Key`. The doors
(`core.access.requires`, `api_requires`) run every POST that carries one through `once`, after the access
check: the key is claimed, for the person in their active organisation, in the same transaction as the
write. A second request with the key finds the claim (on PostgreSQL it waits on the unique index until
the first commits) and is answered from it; a request without a key runs as before.

What is kept of the first answer is its status, where it sent the browser (pages) or its `Location`
(API) and the id of the record an API answer named — never its body: sealed content is not copied out
of the vault.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    JsonResponse,
    RawPostDataException,
)
from django.utils import timezone
from ninja import Status

from werkvrede.core import errors
from werkvrede.core.actor import Actor
from werkvrede.core.refusals import Invalid, KeyReused

T = TypeVar("T")

FIELD = "idempotency_key"
HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
# A code of 1 to 100 characters (core.types.CODE_PATTERN): a UUID, a ULID or a client's counter fit.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_.+-]{1,100}")
KEY_MAX = 100
DEFAULT_HOURS = 24
# Sent with the CSRF token: never part of what the request asks for.
_NOT_THE_REQUEST = frozenset({"csrfmiddlewaretoken", FIELD})


def hours() -> int:
    """How long a key is remembered (`WERKVREDE_IDEMPOTENCY_HOURS`)."""
    return int(getattr(settings, "WERKVREDE_IDEMPOTENCY_HOURS", DEFAULT_HOURS))


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def _key(request: HttpRequest, *, api: bool) -> str | None:
    key = request.headers.get(HEADER) if api else request.POST.get(FIELD)
    if key is None:
        return None
    if not KEY_PATTERN.fullmatch(key):
        raise Invalid.of(HEADER if api else FIELD, "1 to 100 letters, digits or _ . + -")
    return key


def _request_digest(request: HttpRequest, *, api: bool) -> str:
    """What the request asks: its path and body (a form's fields and files, without the tokens)."""
    path = request.path.encode()
    if api:
        try:
            return _digest(path, request.body)
        except RawPostDataException:  # a form body, already read as one (an operation without a body)
            pass
    parts = [path]
    for name in sorted(request.POST):
        if name not in _NOT_THE_REQUEST:
            parts += [name.encode(), *(v.encode() for v in request.POST.getlist(name))]
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            content = hashlib.sha256()
            for chunk in upload.chunks():
                content.update(chunk)
            upload.seek(0)
            parts += [name.encode(), (upload.name or "").encode(), content.digest()]
    return _digest(*parts)


def _replay(claim: Any, *, api: bool) -> HttpResponseBase:
    response: HttpResponseBase
    if api:
        body: dict[str, Any] = {"detail": "idempotent_replay"}
        if claim.object_id is not None:
            body["id"] = claim.object_id
        # A 204 has no body (RFC 9110); every other answer names what the first one did.
        response = (
            HttpResponse(status=204) if claim.status == 204 else JsonResponse(body, status=claim.status)
        )
        if claim.location:
            response["Location"] = claim.location
    else:
        response = HttpResponseRedirect(claim.location, status=claim.status)
    response[REPLAYED_HEADER] = "true"
    return response


def _answer_of(result: Any, *, api: bool) -> tuple[int, str, int | None] | None:
    """(status, location, object id) of a successful first answer worth replaying, else None."""
    if isinstance(result, HttpResponseBase):
        # A page succeeded when it redirects (PRG): a 200 is the form again, with its errors.
        if (200 if api else 300) <= result.status_code < 400:
            return result.status_code, str(result.get("Location", "")), None
        return None
    status, value = (result.status_code, result.value) if isinstance(result, Status) else (200, result)
    if not 200 <= status < 300:
        return None
    named = value.get("id") if isinstance(value, dict) else getattr(value, "id", None)
    return status, "", named if isinstance(named, int) and not isinstance(named, bool) else None


def once(request: HttpRequest, actor: Actor, run: Callable[[], T], *, api: bool) -> T | HttpResponseBase:
    """Run the door's view, once per key: the first request writes, a repeat is answered from its claim.

    A page's first answer is kept when it redirects (the write succeeded, PRG); an API's when it is a
    2xx. Otherwise (a form shown again with its errors, a refusal) the claim goes with it and the key
    may be sent again. A repeat with another path or body is refused (`KeyReused`, 422).
    """
    if request.method != "POST" or actor.user_id is None:
        return run()
    try:
        key = _key(request, api=api)
    except Invalid:
        if api:
            raise
        return errors.bad_request(request)
    if key is None:
        return run()
    from werkvrede.core.models import IdempotencyClaim

    scope = {
        "user_id": actor.user_id,
        "organisation_id": actor.organisation_id or 0,
        "key_digest": _digest(key.encode()),
    }
    asked = _request_digest(request, api=api)
    with transaction.atomic():
        cutoff = timezone.now() - timedelta(hours=hours())
        IdempotencyClaim.objects.filter(**scope, created_at__lt=cutoff).delete()
        try:
            with transaction.atomic():
                claim = IdempotencyClaim.objects.create(**scope, request_digest=asked, status=0)
        except IntegrityError:
            # Claimed by an earlier request that has committed (on PostgreSQL, waited for above).
            first = IdempotencyClaim.objects.filter(**scope).first()
            if first is None:
                # The earlier request showed its form again and let the key go: this one is a first.
                return run()
            if first.request_digest != asked:
                if api:
                    raise KeyReused() from None
                return errors.key_reused(request)
            return _replay(first, api=api)
        result = run()
        answer = _answer_of(result, api=api)
        if answer is None:
            claim.delete()
        else:
            claim.status, claim.location, claim.object_id = answer
            claim.save(update_fields=["status", "location", "object_id"])
        return result


def prune(*, now: Any = None) -> int:
    """Forget the keys older than `hours()`; the number forgotten."""
    from werkvrede.core.models import IdempotencyClaim

    cutoff = (now or timezone.now()) - timedelta(hours=hours())
    deleted, _ = IdempotencyClaim.objects.filter(created_at__lt=cutoff).delete()
    return deleted
