"""How views declare their access: every view is either public or names a policy action.

`tests/security/test_url_classification.py` walks every URL pattern and fails on a view that
declares neither, so a new URL is denied to everyone until someone classifies it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponseBase

from werkvrede.core import policy

V = TypeVar("V", bound=Callable[..., HttpResponseBase])

PUBLIC = "public"
ACCESS_ATTRIBUTE = "werkvrede_access"


def public(view: V) -> V:
    """Mark a view as reachable without log-in (the short, explicit list of public URLs)."""
    view = login_not_required(view)
    setattr(view, ACCESS_ATTRIBUTE, PUBLIC)
    return view


def requires(action: str, *, hide: bool = True) -> Callable[[V], V]:
    """Allow the view only when `action` is allowed for the request's actor (without an object).

    `hide=True` answers 404, so a person who may not use a page does not learn that it exists;
    object-level checks happen in the selectors the view calls.
    """
    if not policy.is_declared(action):
        raise ImproperlyConfigured(f"view requires undeclared action {action!r}")

    def decorate(view: V) -> V:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            actor = request.actor  # type: ignore[attr-defined]
            if not policy.allowed(actor, action):
                if hide:
                    raise policy.hidden(actor, action)
                raise policy.AccessDenied(actor, action)
            return view(request, *args, **kwargs)

        setattr(wrapper, ACCESS_ATTRIBUTE, action)
        return wrapper  # type: ignore[return-value]

    return decorate


def classification_of(view: Callable[..., Any]) -> str | None:
    """Return the view's declared access (PUBLIC or an action code), or None if unclassified."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        if candidate is not None and hasattr(candidate, ACCESS_ATTRIBUTE):
            return str(getattr(candidate, ACCESS_ATTRIBUTE))
    return None


F = TypeVar("F", bound=Callable[..., Any])


def api_requires(action: str, *, hide: bool = False) -> Callable[[F], F]:
    """Allow the operation only when `action` is allowed for the request's actor.

    Refused: 403, or 404 with `hide=True` — for operations on one object, whose existence a refused
    actor must not learn.
    """
    if not policy.is_declared(action):
        raise ImproperlyConfigured(f"API operation requires undeclared action {action!r}")

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            actor = request.actor  # type: ignore[attr-defined]
            if hide and not policy.allowed(actor, action):
                raise policy.hidden(actor, action)
            policy.authorize(actor, action)
            return func(request, *args, **kwargs)

        # django-ninja reads the signature to build the schema; resolve string annotations in the
        # operation's own module (the wrapper's globals are this module's, where they would not resolve).
        wrapper.__signature__ = inspect.signature(func, eval_str=True)  # type: ignore[attr-defined]
        setattr(wrapper, ACCESS_ATTRIBUTE, action)
        return wrapper  # type: ignore[return-value]

    return decorate
