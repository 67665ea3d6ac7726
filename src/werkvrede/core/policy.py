"""The access layer's rule registry: every action is declared with the rule that allows it.

An action without a rule is denied. A denial is recorded in the audit log when it reaches the edge
(the denial middleware, the API's error handler, or a command), after the work it interrupted has
been rolled back — so the record of a refusal is never rolled back with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404

from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor

Check = Callable[[Actor, Any], bool]
F = TypeVar("F", bound=Check)

_RULES: dict[str, Check] = {}
_DESCRIPTIONS: dict[str, str] = {}


class _Denial:
    """What a refusal records: who, which action, which object — never the object's content."""

    action: str
    recorded: bool

    def _remember(self, actor: Actor, action: str, obj: Any) -> None:
        self.action = action
        self.actor = actor
        self.object_type = _object_type(obj)
        self.object_id = _object_id(obj)
        self.recorded = False

    def record(self) -> None:
        """Write the audit event once (idempotent), outside the transaction that was refused."""
        if self.recorded:
            return
        self.recorded = True
        _write_denial(self.actor, self.action, self.object_type, self.object_id)


class AccessDenied(_Denial, PermissionDenied):
    """The actor may see the object (or page) but not do this: answered with 403."""

    def __init__(self, actor: Actor, action: str, obj: Any = None) -> None:
        PermissionDenied.__init__(self, action)
        self._remember(actor, action, obj)


class NotVisible(_Denial, Http404):
    """The actor may not learn that the object (or page) exists: answered like a missing one, 404."""

    def __init__(self, actor: Actor, action: str, obj: Any = None) -> None:
        Http404.__init__(self)
        self._remember(actor, action, obj)


def rule(action: str, description: str = "") -> Callable[[F], F]:
    """Register `check` as the one rule for `action` (a namespaced code such as `accounts.people.view`)."""

    def register(check: F) -> F:
        if action in _RULES:
            raise ImproperlyConfigured(f"duplicate policy rule {action!r}")
        _RULES[action] = check
        _DESCRIPTIONS[action] = description or (check.__doc__ or "").strip()
        return check

    return register


def is_declared(action: str) -> bool:
    return action in _RULES


def declared_actions() -> dict[str, str]:
    """All declared actions with their one-line description (for docs/permissions.md)."""
    return dict(sorted(_DESCRIPTIONS.items()))


def allowed(actor: Actor, action: str, obj: Any = None) -> bool:
    check = _RULES.get(action)
    # Each condition on its own line, so branch coverage shows every case is tested.
    if check is None:
        return False
    if not actor.is_active:
        return False
    # A principal without a user that names the only actions it may ask (the holder of an anonymous
    # report's receipt code, confidential.policies.ReceiptHolder): those, and still only as the rule says.
    only = getattr(actor, "only_actions", None)
    if only is not None:
        return action in only and bool(check(actor, obj))
    if actor.user_id is None and not actor.is_system:
        return False
    return bool(check(actor, obj))


def _write_denial(actor: Actor, action: str, object_type: str, object_id: str) -> None:
    audit.record(
        "core.access.denied",
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type=object_type,
        object_id=object_id,
        outcome=audit.Outcome.DENIED,
        data={"action": action},
    )


def record_denial(actor: Actor, action: str, obj: Any = None) -> None:
    """Record a refusal that does not raise (e.g. a list that comes back empty)."""
    _write_denial(actor, action, _object_type(obj), _object_id(obj))


def authorize(actor: Actor, action: str, obj: Any = None) -> None:
    """Raise AccessDenied unless a registered rule allows `action` on `obj`."""
    if not allowed(actor, action, obj):
        raise AccessDenied(actor, action, obj)


def hidden(actor: Actor, action: str, obj: Any = None) -> NotVisible:
    """The 404 to raise for an object the actor may not know about (or that does not exist)."""
    return NotVisible(actor, action, obj)


def _object_type(obj: Any) -> str:
    meta = getattr(obj, "_meta", None)
    return meta.label_lower if meta is not None else ""


def _object_id(obj: Any) -> str:
    pk = getattr(obj, "pk", None)
    return "" if pk is None else str(pk)
