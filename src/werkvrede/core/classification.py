"""The personal-data registry: every stored field is classified (docs/personal-data.md, ADR 0166).

Per field: its data category (docs/rules.md) or a technical class; whom it is about (`subject`); its
retention rule (`Retention`, R-140…R-149 of docs/rules.md); whether it goes into the person's own export.
A model states the last three once; a field overrides them with `F(...)`.
`tests/security/test_field_classification.py` fails when a field or a model lacks any of them, so a new
field stays a failing build until someone says what it holds, whom it is about and how long it stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model, Q


class FieldClass(StrEnum):
    # Technical: ids, keys, timestamps, hashes, flags without personal meaning.
    SYSTEM = "SYSTEM"
    # A person's log-in identity (name, e-mail, password hash): readable by themselves and, within
    # their organisation, by ADM/HR/CM (accounts.people.view).
    ACCOUNT = "ACCOUNT"
    # Organisation (tenant) metadata: name, slug.
    TENANT = "TENANT"
    # Roles of a person in an organisation.
    ROLE = "ROLE"
    # The data categories D01…D21 (docs/rules.md).
    D01 = "D01"
    D02 = "D02"
    D03 = "D03"
    D04 = "D04"
    D05 = "D05"
    D06 = "D06"
    D07 = "D07"
    D08 = "D08"
    D09 = "D09"
    D10 = "D10"
    D11 = "D11"
    D12 = "D12"
    D13 = "D13"
    D14 = "D14"
    D15 = "D15"
    D16 = "D16"
    D17 = "D17"
    D18 = "D18"
    D19 = "D19"
    D20 = "D20"
    D21 = "D21"
    # Sealed content: ciphertext whose category is stored beside it (vault.SealedContent.compartment).
    SEALED = "SEALED"
    # Per-row category: the field holds data of the category stored in its own row (for a document's
    # signature: its document's row), e.g. documents.Document.category — D08, D12, D13, D14 or D19.
    ROW_CATEGORY = "ROW_CATEGORY"


class Retention(StrEnum):
    """How long a row stays: a rule R-140…R-149 (terms are protocol parameters, docs/rules.md) or a class."""

    R140 = "R-140"  # employer's administrative absence and case data: years after employment ended
    R141 = "R-141"  # re-integration file: years after re-integration ended
    R144 = "R-144"  # bedrijfsarts' medical file: years after the last change
    R145 = "R-145"  # vertrouwenspersoon's dossier: until closed and counted in the annual report
    R146 = "R-146"  # mediation dossier: years after the mediation ended
    R147 = "R-147"  # supporter's notes: months after the support ended
    R148 = "R-148"  # whistleblower file: years after the report was closed
    R149 = "R-149"  # audit log: as long as the longest-lived record it refers to
    ACCOUNT = "ACCOUNT"  # as long as the account (or, for an organisation's rows, the organisation) exists
    CONTACT = "CONTACT"  # contact requests: 90 days (purge_contact_requests)
    OUTBOX = "OUTBOX"  # the log of mails sent: WERKVREDE_OUTBOX_RETENTION_DAYS after sending (purge_expired)
    TECHNICAL = "TECHNICAL"  # follows its parent row, or pruned by its own command (see `retention_note`)
    AGGREGATE = "AGGREGATE"  # anonymous counts without personal data: kept


class Withheld(StrEnum):
    """Why a field is not in the person's own export (value of `export` when it is not True)."""

    TECHNICAL = "technical"  # ids, keys, hashes: no meaning for the person
    SECRET = "log-in secret"  # noqa: S105 - a password hash, a one-time-code key, a feed token
    NOT_PERSONAL = "not about a person"  # organisation settings, technical rows
    ANONYMOUS = "anonymous"  # answers nobody can be linked to, by design
    MELDER_PROTECTED = "melder identity protected"  # whistleblower/VP: the melder's identity
    OTHER_PARTY_SEALED = "other party's sealed note"  # a party's own sealed words, not the other party's
    MEDIATORS_NOTES = "mediator's notes"  # the mediator's own working notes
    ADVISERS_NOTES = "adviser's notes"  # a vertrouwenspersoon's or supporter's own working notes
    NO_ACCOUNT = "person without an account"  # a visitor's contact request: no log-in to export to
    # A legal hold's reason may name proceedings or others: for those who manage it (ADR 0101, 0198).
    HANDLERS_REASON = "handlers' reason"


# Subject markers: rows about nobody in particular. Anything else is a lookup path (see `subjects_query`).
NOBODY = "NOBODY"  # technical rows
ANONYMOUS = "ANONYMOUS"  # anonymous answers, by design not linkable to a person
ORGANISATION = "ORGANISATION"  # about the organisation, not a person
SELF = "self"  # the row is the person (accounts.User)
PARENT = "PARENT"  # about whomever the rows that point at it are about (sealed contents)
OWNER = "OWNER"  # about whomever its owner row (owner_kind, owner_id) is about (documents)
NO_ACCOUNT = "NO_ACCOUNT"  # about a person who has no account here (a visitor asking to be called back)
MARKERS = frozenset({NOBODY, ANONYMOUS, ORGANISATION, SELF, PARENT, OWNER, NO_ACCOUNT})

Subject = str | tuple[str, ...]


@dataclass(frozen=True)
class F:
    """A field's class, with whatever it overrides of its model's subject, retention and export."""

    category: FieldClass
    subject: Subject | None = None
    retention: Retention | None = None
    export: bool | Withheld | None = None


@dataclass(frozen=True)
class Entry:
    """One field in the registry, its model's statements filled in."""

    category: FieldClass
    subject: tuple[str, ...] | None
    retention: Retention | None
    export: bool | None
    withheld: str = ""

    def complete(self) -> bool:
        return bool(self.subject) and self.retention is not None and self.export is not None


@dataclass(frozen=True)
class _Model:
    fields: dict[str, F]
    subject: tuple[str, ...] | None
    retention: Retention | None
    export: bool | Withheld | None
    retention_note: str
    export_note: str


_REGISTRY: dict[str, _Model] = {}
_OWNER_KINDS: dict[str, str] = {}


def _subject(value: Subject | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return (value,) if isinstance(value, str) else tuple(value)


def classify(
    model_label: str,
    fields: Mapping[str, FieldClass | F],
    *,
    subject: Subject | None = None,
    retention: Retention | None = None,
    export: bool | Withheld | None = None,
    retention_note: str = "",
    export_note: str = "",
) -> None:
    """Declare one model (`app_label.modelname`, lower case): every field's class and its model's
    subject, retention and export; a field given as `F(...)` overrides what it states.

    `export=True` puts the fields in the person's export; a `Withheld` reason keeps them out. A field of
    class SYSTEM is withheld as technical unless it says otherwise.
    """
    if model_label in _REGISTRY:
        raise ValueError(f"fields of {model_label} are already classified")
    if export is False:
        raise ValueError(f"{model_label}: say why a field is not exported (a Withheld reason)")
    _REGISTRY[model_label] = _Model(
        fields={name: value if isinstance(value, F) else F(value) for name, value in fields.items()},
        subject=_subject(subject),
        retention=retention,
        export=export,
        retention_note=retention_note,
        export_note=export_note,
    )


def document_owners(owner_kinds: Mapping[str, str]) -> None:
    """Which model each `owner_kind` of a row whose subject is OWNER names (`{owner_kind: model_label}`)."""
    _OWNER_KINDS.update(owner_kinds)


def owner_kinds() -> dict[str, str]:
    return dict(_OWNER_KINDS)


def classification() -> dict[str, dict[str, FieldClass]]:
    return {label: classes_of(label) for label in _REGISTRY}


def classes_of(model_label: str) -> dict[str, FieldClass]:
    """One model's field classes, without building every model's (a page asks for its own few)."""
    return {name: f.category for name, f in _REGISTRY[model_label].fields.items()}


def _entry(model: _Model, field: F) -> Entry:
    export = field.export
    if export is None:
        export = Withheld.TECHNICAL if field.category == FieldClass.SYSTEM else model.export
    return Entry(
        category=field.category,
        subject=_subject(field.subject) or model.subject,
        retention=field.retention or model.retention,
        export=None if export is None else export is True,
        withheld="" if export is None or export is True else str(export),
    )


def registry() -> dict[str, dict[str, Entry]]:
    """`{model_label: {field: Entry}}` for every classified model."""
    return {
        label: {name: _entry(model, field) for name, field in model.fields.items()}
        for label, model in _REGISTRY.items()
    }


def model_statement(model_label: str) -> dict[str, Any]:
    """What a model states for all its fields: subject, retention, export, retention_note."""
    model = _REGISTRY[model_label]
    export = model.export
    return {
        "subject": model.subject,
        "retention": model.retention,
        "export": None if export is None else export is True,
        "withheld": "" if export is None or export is True else str(export),
        "retention_note": model.retention_note,
        "export_note": model.export_note,
    }


def row_subjects(model_label: str) -> tuple[str, ...]:
    """Every subject a row of the model can be about: the model's and its fields' (in declaration order)."""
    model = _REGISTRY[model_label]
    found: list[str] = list(model.subject or ())
    for field in model.fields.values():
        found += [s for s in _subject(field.subject) or () if s not in found]
    return tuple(found)


def exported_subjects(model_label: str) -> tuple[str, ...]:
    """The subjects of the fields the person's export holds (in declaration order): whom the exported
    part of a row is about — an author's own authorship, not the withheld text they wrote."""
    model = _REGISTRY[model_label]
    found: list[str] = []
    for field in model.fields.values():
        entry = _entry(model, field)
        if entry.export:
            found += [s for s in entry.subject or () if s not in found]
    return tuple(found)


def subjects_query(model_label: str, user: Any, *, fields: bool = True, exported: bool = False) -> Q:
    """The rows of `model_label` about `user` (an accounts.User or its id): export and erasure find
    "every row about this person" here. With `fields=False` only the model's own subject counts, not
    a field's (an author, a signer); with `exported=True` only the subjects of exported fields (the
    rows whose exported part is about the person, ADR 0198)."""
    from django.db.models import Q

    user_id = getattr(user, "pk", user)
    if exported:
        subjects = exported_subjects(model_label)
    else:
        subjects = row_subjects(model_label) if fields else (_REGISTRY[model_label].subject or ())
    query = Q(pk__in=[])
    for subject in subjects:
        query |= _subject_query(model_label, subject, user_id, frozenset({model_label}))
    return query


def _model(label: str) -> type[Model]:
    from django.apps import apps

    return apps.get_model(label)


def _subject_query(label: str, subject: str, user_id: int, seen: frozenset[str]) -> Q:
    from django.db.models import Q

    if subject in (NOBODY, ANONYMOUS, ORGANISATION, NO_ACCOUNT):
        return Q(pk__in=[])
    if subject == SELF:
        return Q(pk=user_id)
    if subject == PARENT:
        return _parent_query(label, user_id, seen)
    if subject == OWNER:
        query = Q(pk__in=[])
        for kind, owner in _OWNER_KINDS.items():
            if owner in seen:
                continue
            rows = _model(owner)._default_manager.filter(_rows_about(owner, _own(owner), user_id, seen))
            query |= Q(owner_kind=kind, owner_id__in=rows.values("pk"))
        return query
    target = path_target(label, subject)
    if target is None or target == "accounts.user":
        return Q(**{subject: user_id})
    if target in seen:
        return Q(pk__in=[])
    rows = _model(target)._default_manager.filter(_rows_about(target, _own(target), user_id, seen))
    return Q(**{f"{subject}__in": rows.values("pk")})


def _own(label: str) -> tuple[str, ...]:
    """A row that another row points at is "about" its model's own subject, not its authors'."""
    model = _REGISTRY.get(label)
    return model.subject or () if model else ()


def _rows_about(label: str, subjects: tuple[str, ...], user_id: int, seen: frozenset[str]) -> Q:
    from django.db.models import Q

    query = Q(pk__in=[])
    for subject in subjects:
        query |= _subject_query(label, subject, user_id, seen | {label})
    return query


def _parent_query(label: str, user_id: int, seen: frozenset[str]) -> Q:
    from django.db.models import Q

    # Sealed content is about whom the field that holds it is about (a medical note's text: the employee).
    query = Q(pk__in=[])
    for referrer, model in sorted(_REGISTRY.items()):
        if referrer in seen:
            continue
        for field in _model(referrer)._meta.concrete_fields:
            if field.is_relation and field.related_model and field.related_model._meta.label_lower == label:
                declared = model.fields.get(field.name)
                subjects = _subject(declared.subject) if declared and declared.subject else model.subject
                rows = _model(referrer)._default_manager.filter(
                    _rows_about(referrer, subjects or (), user_id, seen)
                )
                query |= Q(pk__in=rows.values(field.attname))
    return query


def path_target(model_label: str, path: str) -> str | None:
    """The model a lookup path ends at (`app.model`), or None when it ends at a plain column (a user id).

    Raises LookupError for a path that does not exist."""
    model = _model(model_label)
    target: str | None = model_label
    for part in path.split("__"):
        if target is None:
            raise LookupError(f"{model_label}: {path} goes past a plain column")
        try:
            field = model._meta.get_field(part)
        except Exception as error:
            raise LookupError(f"{model_label}: no field {part} in {path}") from error
        if field.is_relation and field.related_model is not None:
            model = field.related_model
            target = model._meta.label_lower
        else:
            target = None
    return target


REGISTRY_START = "<!-- registry: generated by manage.py personal_data_doc -->"
REGISTRY_END = "<!-- end of registry -->"


def _subjects_text(subject: tuple[str, ...] | None) -> str:
    return " or ".join(f"`{s}`" for s in subject or ()) or "—"


def _export_text(export: bool | None, withheld: str) -> str:
    return "yes" if export else f"no: {withheld}" if export is False else "—"


def registry_table() -> str:
    """The registry per model: its statement, then every field (docs/personal-data.md)."""
    entries = registry()
    lines: list[str] = []
    for label in sorted(entries):
        statement = model_statement(label)
        lines += [
            f"### `{label}`",
            "",
            f"About {_subjects_text(statement['subject'])} · retention {statement['retention'] or '—'}"
            + (f": {statement['retention_note']}" if statement["retention_note"] else "")
            + f" · export {_export_text(statement['export'], statement['withheld'])}"
            + (f"; {statement['export_note']}" if statement["export_note"] else ""),
            "",
            "| Field | Category | About | Retention | Export |",
            "|---|---|---|---|---|",
        ]
        for name, entry in entries[label].items():
            lines.append(
                f"| `{name}` | {entry.category} | {_subjects_text(entry.subject)} | {entry.retention or '—'} "
                f"| {_export_text(entry.export, entry.withheld)} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def personal_data_doc(current: str) -> str:
    """`docs/personal-data.md` with its generated part (the registry) brought up to date."""
    head, start, rest = current.partition(REGISTRY_START)
    _, end, tail = rest.partition(REGISTRY_END)
    if not start or not end:
        raise ValueError("docs/personal-data.md lacks the registry markers")
    return f"{head}{REGISTRY_START}\n\n{registry_table()}\n\n{REGISTRY_END}{tail}"
