"""Doors: every view and API operation declares, in one line, the action it performs and the object it
performs it on (docs/adr/0005-doors-declare-action-and-object.md).

    @requires("cases.note.write", on=case_from("case_id"))
    def note_add(request, case: CaseAccess) -> HttpResponse: ...

The declaration resolves the object through its context's one `*_get_for` selector (a missing object
and one the actor may not see are both "not found", 404), checks the named action on it (refused: 403,
the actor can see the object; or 404 with `hide=True`, where even refusing would say too much), and
hands the object to the view. A view without a declaration is refused at run time by
`DeclaredAccessMiddleware` (and the refusal audited), so deny-by-default does not depend on the tests;
`tests/security/test_url_classification.py` also fails on one. `docs/permissions.md` is generated from
the declarations (`manage.py permissions_doc`). Past the check, a POST with an idempotency key runs
once per key (`core.idempotency`, ADR 0143).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from werkvrede.core import idempotency, policy
from werkvrede.core.actor import Actor
from werkvrede.core.types import Id

V = TypeVar("V", bound=Callable[..., HttpResponseBase])
F = TypeVar("F", bound=Callable[..., Any])

PUBLIC = "public"
ACCESS_ATTRIBUTE = "werkvrede_access"
OBJECT_ATTRIBUTE = "werkvrede_access_object"
UNDECLARED = "core.view.undeclared"


@dataclass(frozen=True)
class On:
    """How a door finds its object: the URL parameter with the id, the view parameter that receives the
    object, and the context's selector that loads it for an actor (raising 404 when missing or hidden)."""

    kwarg: str
    param: str
    load: Callable[[Actor, int], Any]
    kind: str  # what the object is, for docs/permissions.md (e.g. "case")


def object_from(kind: str, kwarg: str, param: str, load: Callable[[Actor, int], Any]) -> On:
    return On(kwarg=kwarg, param=param, load=load, kind=kind)


def public(view: V) -> V:
    """Mark a view as reachable without log-in (the short, explicit list of public URLs)."""
    view = login_not_required(view)
    setattr(view, ACCESS_ATTRIBUTE, PUBLIC)
    return view


def _declare(action: str) -> None:
    if not policy.is_declared(action):
        raise ImproperlyConfigured(f"door requires undeclared action {action!r}")


def _enter(actor: Actor, action: str, on: On | None, hide: bool, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Resolve the door's object (if any), check the action on it, and return the view's keyword arguments."""
    obj = None
    if on is not None:
        obj = on.load(actor, kwargs.pop(on.kwarg))
        kwargs[on.param] = obj
    if not policy.allowed(actor, action, obj):
        if hide:
            raise policy.hidden(actor, action, _audited_object(obj))
        raise policy.AccessDenied(actor, action, _audited_object(obj))
    return kwargs


def _audited_object(obj: Any) -> Any:
    # An access object (CaseAccess, MediationAccess) names its model instance for the audit event.
    for name in ("case", "mediation", "agreement"):
        inner = getattr(obj, name, None)
        if inner is not None and hasattr(inner, "_meta"):
            return inner
    return obj


def requires(
    action: str, *, on: On | None = None, hide: bool | None = None, writes: bool = True
) -> Callable[[V], V]:
    """The page performs `action` (on the object `on` resolves): allowed, or refused and audited.

    Refused without an object: 404 (the page does not admit it exists). Refused on an object the
    actor can see: 403, or 404 with `hide=True`. `writes=False` marks a POST that only computes an
    answer (a live check, a pre-filled form): nothing to do once, so no key is claimed (ADR 0143).
    """
    _declare(action)
    hidden_refusal = (on is None) if hide is None else hide

    def decorate(view: V) -> V:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            actor = request.actor  # type: ignore[attr-defined]
            if not writes:
                return view(request, *args, **_enter(actor, action, on, hidden_refusal, kwargs))
            # A POST sent again with its key is answered like the first, before the object is read
            # again (ADR 0143); the first passes the door inside the claim's transaction.
            return idempotency.once(
                request,
                actor,
                lambda: view(request, *args, **_enter(actor, action, on, hidden_refusal, kwargs)),
                api=False,
            )

        setattr(wrapper, ACCESS_ATTRIBUTE, action)
        setattr(wrapper, OBJECT_ATTRIBUTE, on)
        return wrapper  # type: ignore[return-value]

    return decorate


def api_requires(action: str, *, on: On | None = None, hide: bool | None = None) -> Callable[[F], F]:
    """The API operation performs `action` (on the object `on` resolves): allowed, or refused and audited.

    Refused without an object: 403. Refused on an object the actor can see: 403, or 404 with `hide=True`.
    The operation receives the object in parameter `on.param`; the API document shows the path id.
    """
    _declare(action)
    hidden_refusal = False if hide is None else hide

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            actor = request.actor  # type: ignore[attr-defined]
            return idempotency.once(
                request,
                actor,
                lambda: func(request, *args, **_enter(actor, action, on, hidden_refusal, kwargs)),
                api=True,
            )

        # django-ninja reads the signature to build the schema; resolve string annotations in the
        # operation's own module, and show the path id where the operation takes the resolved object.
        signature = inspect.signature(func, eval_str=True)
        if on is not None:
            parameters = [
                inspect.Parameter(on.kwarg, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Id)
                if p.name == on.param
                else p
                for p in signature.parameters.values()
            ]
            signature = signature.replace(parameters=parameters)
        wrapper.__signature__ = signature  # type: ignore[attr-defined]
        setattr(wrapper, ACCESS_ATTRIBUTE, action)
        setattr(wrapper, OBJECT_ATTRIBUTE, on)
        return wrapper  # type: ignore[return-value]

    return decorate


def classification_of(view: Callable[..., Any]) -> str | None:
    """Return the view's declared access (PUBLIC or an action code), or None if unclassified."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        if candidate is not None and hasattr(candidate, ACCESS_ATTRIBUTE):
            return str(getattr(candidate, ACCESS_ATTRIBUTE))
    return None


def object_of(view: Callable[..., Any]) -> On | None:
    """The object a declared view acts on (None for a page without one)."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        if candidate is not None and hasattr(candidate, OBJECT_ATTRIBUTE):
            return getattr(candidate, OBJECT_ATTRIBUTE)  # type: ignore[no-any-return]
    return None


def refuse_undeclared(view: Callable[..., Any]) -> Callable[..., Any]:
    """What runs instead of a view that declares no access: a refusal, audited (deny by default)."""

    @wraps(view)
    def refused(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        raise policy.hidden(request.actor, UNDECLARED)  # type: ignore[attr-defined]

    setattr(refused, ACCESS_ATTRIBUTE, UNDECLARED)
    return refused


class DeclaredAccessMiddleware:
    """Refuse, at run time, every view that declares no access (the admin site guards itself)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponseBase | None:
        match = request.resolver_match
        if match is not None and match.namespace == "admin":
            return None
        if classification_of(view) is None:
            # Raised here, the refusal does not pass the denial middleware: record it before raising.
            refusal = policy.hidden(request.actor, UNDECLARED)  # type: ignore[attr-defined]
            refusal.record()
            raise refusal
        return None
