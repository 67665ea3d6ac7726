"""The URL walk of the security tests (werkvrede.core.doors)."""

from werkvrede.core.doors import ADMIN_NAMESPACE, Route, public_routes, unclassified, walk

__all__ = ["ADMIN_NAMESPACE", "Route", "public_routes", "unclassified", "walk"]
