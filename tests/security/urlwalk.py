"""Walk the URL configuration and report how each URL is classified."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from werkvrede.core.access import PUBLIC, UNDECLARED, classification_of

# The Django admin is classified as a whole: its site admits active superusers only (core.admin).
ADMIN_NAMESPACE = "admin"


@dataclass(frozen=True)
class Route:
    namespace: str
    name: str | None
    route: str
    access: str | None

    @property
    def full_name(self) -> str:
        return f"{self.namespace}:{self.name}" if self.namespace else str(self.name)

    @property
    def takes_arguments(self) -> bool:
        return "<" in self.route


def walk(
    patterns: Sequence[URLPattern | URLResolver] | None = None, namespace: str = "", prefix: str = ""
) -> Iterator[Route]:
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(
                pattern.url_patterns, pattern.namespace or namespace, prefix + str(pattern.pattern)
            )
        else:
            yield Route(
                namespace, pattern.name, prefix + str(pattern.pattern), classification_of(pattern.callback)
            )


def unclassified(routes: Iterator[Route]) -> list[Route]:
    """Routes that are neither public nor tied to a policy action (the admin is classified as a whole).

    An API operation without a declaration is refused at run time (`refuse_undeclared`); its route
    still counts as unclassified here.
    """
    return [
        r
        for r in routes
        if r.namespace != ADMIN_NAMESPACE and (r.access is None or UNDECLARED in r.access.split(","))
    ]


def public_routes() -> set[str]:
    return {r.full_name for r in walk() if r.access == PUBLIC}
