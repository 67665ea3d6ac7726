"""Access for API operations: each operation names its policy action, like HTML views do."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from werkvrede.core import policy
from werkvrede.core.access import ACCESS_ATTRIBUTE

F = TypeVar("F", bound=Callable[..., Any])


def api_requires(action: str) -> Callable[[F], F]:
    """Allow the operation only when `action` is allowed for the request's actor (else 403)."""
    if not policy.is_declared(action):
        raise ImproperlyConfigured(f"API operation requires undeclared action {action!r}")

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            policy.authorize(request.actor, action)  # type: ignore[attr-defined]
            return func(request, *args, **kwargs)

        setattr(wrapper, ACCESS_ATTRIBUTE, action)
        return wrapper  # type: ignore[return-value]

    return decorate
