"""Importing people from a CSV file exported by an HR system (ADR 0071).

Columns: `email`, `name`, `roles` (codes such as "WN" or "LG;HR") and, optionally, `manager_email`.
The delimiter is `,` or `;`; a UTF-8 byte order mark is allowed. The file is read into a preview first:
each row with what importing it would do, or the problems naming its row and column. Nothing is
imported unless every row is valid, or the Beheerder chooses to import only the valid rows. The preview
is kept on the server (in the session): the confirmation names it, it does not send the rows again.

Importing the same file again changes nothing: members who hold the roles already are "unchanged",
open invitations are not made twice. There is no model for the line-manager relation yet: the
`manager_email` column is checked and otherwise ignored.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkvrede.accounts import invitations, people
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.types import forbidden_character

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
MAX_NAME = 200

# Accepted header names (lower case) for each column.
COLUMNS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e-mail", "e-mailadres", "emailadres", "mail"),
    "name": ("name", "naam", "full_name", "volledige naam"),
    "roles": ("roles", "rollen", "rol", "role"),
    "manager_email": ("manager_email", "leidinggevende_email", "manager", "leidinggevende"),
}
REQUIRED = ("email", "name", "roles")


@dataclass
class Row:
    line: int  # the line in the file (the header is line 1)
    email: str
    name: str
    roles: list[str]
    manager_email: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)
    outcome: str = ""  # people.Outcome for a valid row

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Preview:
    rows: list[Row]
    file_errors: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[Row]:
        return [r for r in self.rows if r.is_valid]

    @property
    def invalid(self) -> list[Row]:
        return [r for r in self.rows if not r.is_valid]

    @property
    def all_valid(self) -> bool:
        return not self.file_errors and all(r.is_valid for r in self.rows)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Invalid.of(
            "file", _("Het bestand is geen UTF-8-tekst. Sla het op als CSV (UTF-8) en probeer het opnieuw.")
        ) from exc


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _split_roles(cell: str) -> list[str]:
    for separator in (";", "|", "/", ","):
        cell = cell.replace(separator, " ")
    return [part for part in cell.split() if part]


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = raw.strip().lower()
        for column, aliases in COLUMNS.items():
            if name in aliases and column not in found:
                found[column] = index
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise Invalid.of(
            "file",
            _("De kopregel mist de kolom(men) %(columns)s. Verwacht: email, name, roles, manager_email.")
            % {"columns": ", ".join(missing)},
        )
    return found


def read_rows(data: bytes) -> list[Row]:
    """The rows of the file, not yet checked against the organisation; Invalid for an unreadable file."""
    if len(data) > MAX_BYTES:
        raise Invalid.of("file", _("Het bestand is groter dan 2 MB. Splits het in delen."))
    text = _decode(data)
    if "\x00" in text:
        raise Invalid.of("file", _("Het bestand bevat NUL-tekens; het is geen CSV-tekst."))
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise Invalid.of("file", _("Het bestand is leeg of heeft geen kopregel."))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines[0]))
    try:
        header = next(reader)
        columns = _columns(header)
        rows: list[Row] = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise Invalid.of(
                    "file",
                    _("Het bestand heeft meer dan %(max)d regels. Splits het in delen.") % {"max": MAX_ROWS},
                )

            def cell(column: str, values: list[str] = values) -> str:
                index = columns.get(column)
                return values[index].strip() if index is not None and index < len(values) else ""

            rows.append(
                Row(
                    line=reader.line_num,
                    email=cell("email"),
                    name=cell("name"),
                    roles=_split_roles(cell("roles")),
                    manager_email=cell("manager_email"),
                )
            )
    except csv.Error as exc:
        raise Invalid.of("file", _("Het bestand is geen geldige CSV: %(error)s") % {"error": exc}) from exc
    return rows


def _field_column(name: str) -> str:
    return {"full_name": "name", "email": "email", "roles": "roles", "role": "roles"}.get(name, name)


def check_rows(organisation_id: int, rows: Iterable[Row]) -> list[Row]:
    """Check every row against the rules and the organisation; fill in `errors` or `outcome`."""
    checked: list[Row] = []
    seen: dict[str, int] = {}
    for row in rows:
        row.errors, row.outcome = [], ""
        if len(row.name) > MAX_NAME:
            row.errors.append(("name", _("De naam is langer dan %(max)d tekens.") % {"max": MAX_NAME}))
        for column, value in (("name", row.name), ("email", row.email)):
            if forbidden_character(value) is not None:
                row.errors.append((column, _("Bevat een stuurteken dat hier niet mag staan.")))
        roles, problems = people.parse_roles(row.roles)
        row.errors.extend(("roles", p) for p in problems)
        if row.manager_email:
            try:
                manager = invitations.normalised_email(row.manager_email)
            except ValidationError:
                row.errors.append(("manager_email", _("Geen geldig e-mailadres.")))
            else:
                if manager == row.email.strip().lower():
                    row.errors.append(("manager_email", _("Iemand kan niet zijn eigen leidinggevende zijn.")))
        key = row.email.strip().lower()
        if key and key in seen:
            row.errors.append(
                ("email", _("Dit e-mailadres staat ook al op regel %(line)d.") % {"line": seen[key]})
            )
        elif key:
            seen[key] = row.line
        if not row.errors:
            try:
                plan = people.plan_person(
                    organisation_id=organisation_id, email=row.email, full_name=row.name, roles=roles
                )
            except Invalid as exc:
                for name, messages in exc.errors.items():
                    row.errors.extend((_field_column(name), m) for m in messages)
            else:
                row.outcome = plan.outcome
        checked.append(row)
    return checked


def preview(*, actor: Actor, data: bytes) -> Preview:
    """Read and check a file; nothing is changed."""
    authorize(actor, "accounts.people.invite")
    organisation_id = people.organisation_of(actor)
    try:
        rows = read_rows(data)
    except Invalid as exc:
        return Preview(rows=[], file_errors=[m for messages in exc.errors.values() for m in messages])
    if not rows:
        return Preview(rows=[], file_errors=[_("Het bestand heeft geen regels onder de kopregel.")])
    return Preview(rows=check_rows(organisation_id, rows))


SESSION_KEY = "werkvrede_people_import"


def preview_store(session: Any, organisation_id: int, preview: Preview) -> str:
    """Keep the preview's rows in the session (one at a time) and return the id that names it."""
    preview_id = secrets.token_hex(16)
    session[SESSION_KEY] = {
        "id": preview_id,
        "organisation_id": organisation_id,
        "rows": [
            {
                "line": r.line,
                "email": r.email,
                "name": r.name,
                "roles": r.roles,
                "manager_email": r.manager_email,
            }
            for r in preview.rows
        ],
    }
    return preview_id


def preview_rows(session: Any, organisation_id: int | None, preview_id: str) -> list[Row] | None:
    """The rows of preview `preview_id` kept in this session for this organisation, or None."""
    stored = session.get(SESSION_KEY)
    if (
        not isinstance(stored, dict)
        or not secrets.compare_digest(str(stored.get("id", "")), preview_id)
        or stored.get("organisation_id") != organisation_id
    ):
        return None
    return rows_from_stored(stored["rows"])


def preview_forget(session: Any) -> None:
    session.pop(SESSION_KEY, None)


def rows_from_stored(stored: list[dict[str, Any]]) -> list[Row]:
    return [
        Row(
            line=int(r["line"]),
            email=str(r["email"]),
            name=str(r["name"]),
            roles=[str(x) for x in r["roles"]],
            manager_email=str(r.get("manager_email", "")),
        )
        for r in stored
    ]


@dataclass
class Result:
    counts: dict[str, int]
    rows: list[Row]


@transaction.atomic
def import_rows(*, actor: Actor, rows: list[Row], only_valid: bool) -> Result:
    """Import the checked rows (checked again now: the organisation may have changed since the preview).

    Without `only_valid`, one invalid row refuses the whole import (NotPossible) and nothing changes.
    """
    authorize(actor, "accounts.people.invite")
    rows = check_rows(people.organisation_of(actor), rows)
    invalid = [r for r in rows if not r.is_valid]
    if invalid and not only_valid:
        raise NotPossible(
            _(
                "%(count)d regel(s) bevatten fouten. Verbeter het bestand, of kies om alleen de goede "
                "regels te importeren."
            )
            % {"count": len(invalid)}
        )
    counts = {
        people.Outcome.INVITED: 0,
        people.Outcome.ROLES_ADDED: 0,
        people.Outcome.ALREADY_INVITED: 0,
        people.Outcome.UNCHANGED: 0,
        "skipped": len(invalid),
    }
    for row in rows:
        if not row.is_valid:
            continue
        roles, _problems = people.parse_roles(row.roles)
        plan = people.person_invite(actor=actor, email=row.email, full_name=row.name, roles=roles)
        row.outcome = plan.outcome
        counts[plan.outcome] += 1
    audit.record(
        "accounts.people.imported",
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="accounts.organisation",
        object_id=str(actor.organisation_id),
        data=counts,
    )
    return Result(counts=counts, rows=rows)


__all__ = [
    "Preview",
    "Result",
    "Row",
    "import_rows",
    "preview",
    "preview_forget",
    "preview_rows",
    "preview_store",
    "read_rows",
]
