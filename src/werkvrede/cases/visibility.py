"""Who will be able to read what one enters — computed from the policies, never hand-written."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from types import MappingProxyType

from django.utils.functional import Promise

from werkvrede.cases.models import Case, CaseNote, CaseRole
from werkvrede.cases.policies import CaseAccess, can_read_note, can_view_case
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role

_PROBE_CASE = Case(pk=0, organisation_id=0, reference="", signalled_on=date(2000, 1, 1))
_AUTHOR = -1


def _probe(organisation_roles: frozenset[Role], case_roles: frozenset[str]) -> tuple[Actor, CaseAccess]:
    actor = Actor(user_id=-2, organisation_id=0, roles=organisation_roles)
    return actor, CaseAccess(case=_PROBE_CASE, case_roles=case_roles)


def note_readers(visibility: str) -> list[str | Promise]:
    """Labels of the roles (other than the author) that may read a note with this visibility."""
    note = CaseNote(case=_PROBE_CASE, author_id=_AUTHOR, author_role="", visibility=visibility, text="")
    readers: list[str | Promise] = []
    for role in Role:
        actor, access = _probe(frozenset({role}), frozenset())
        if can_view_case(actor, access) and can_read_note(actor, access, note):
            readers.append(role.label)
    for case_role in CaseRole:
        actor, access = _probe(frozenset(), frozenset({case_role.value}))
        label = case_role.label
        if label not in readers and can_view_case(actor, access) and can_read_note(actor, access, note):
            readers.append(label)
    return readers


@cache
def note_visibility_preview() -> Mapping[str, tuple[str | Promise, ...]]:
    """Once per process: the policies do not change while it runs, and the labels stay lazy, so each
    page shows them in its own language."""
    return MappingProxyType({value: tuple(note_readers(value)) for value in CaseNote.Visibility.values})
