"""The Actor: who is asking, for which organisation, in which roles. Built once per request."""

from __future__ import annotations

from dataclasses import dataclass, field

from werkvrede.core.roles import Role


@dataclass(frozen=True)
class Actor:
    """An authenticated person acting within one organisation (or none, when they belong to none)."""

    user_id: int | None
    organisation_id: int | None
    roles: frozenset[Role] = field(default_factory=frozenset)
    is_active: bool = True
    is_superuser: bool = False
    is_system: bool = False
    display_name: str = ""
    organisation_name: str = ""

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def uid(self) -> int:
        """The user id of an actor that must be a person (services call this after authorising)."""
        if self.user_id is None:
            raise PermissionError("this action needs a person, not the system or an anonymous visitor")
        return self.user_id

    def has_any(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def role_codes(self) -> str:
        """The roles as a stable, sorted, comma-separated string (for audit events)."""
        return ",".join(sorted(str(r) for r in self.roles))


ANONYMOUS = Actor(user_id=None, organisation_id=None, is_active=False)

# Background work acts as the system, never as a person; rules must allow it explicitly.
SYSTEM = Actor(user_id=None, organisation_id=None, is_active=True, is_system=True, display_name="system")
