"""Who may see and do what with a sick report and the bedrijfsarts' records.

One table (`MATRIX`) says, per data category, what each column of the permission matrix
(docs/rules.md) may do; the actor's columns
in a case come from their case roles (and the organisation roles HR and CM, who see every case of
their organisation). `visible_fields` turns it into field-level visibility through the fields'
classification, so pages and API schemas follow the same rule.

Readings of the permission matrix made here:
- D01 "R (own)": the employee party reads the medical notes of their own sick report; TD "RW°"
  writes and reads under the bedrijfsarts' responsibility (fn 1).
- D06 "R°" for the employer roles: the conclusions (conflict type and escalation stage), not the
  bedrijfsarts' reading of each party's style.
- D07 "R°" (fn 12): only "able to converse yes/no", the review date and the advice on
  strengthening capacity — never the medical grounds, resilience or problem-solving assessment.
- The "C" cells (consent) give nothing here: no disclosure on consent is implemented yet.
- How the bedrijfsarts handled the guideline's warnings (acknowledgements, justifications) is the
  bedrijfsarts' own record, not part of the advice sent: only the writers of D08 see it.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.audit.reads import SENSITIVE_CATEGORIES, record_read, role_basis
from werkvrede.cases.models import CaseRole
from werkvrede.cases.policies import CaseAccess, can_view_case
from werkvrede.core.actor import Actor
from werkvrede.core.classification import FieldClass, classes_of
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


class Level(IntEnum):
    NONE = 0
    RESTRICTED = 1
    READ = 2
    WRITE = 3


N, RO, R, W = Level.NONE, Level.RESTRICTED, Level.READ, Level.WRITE

# Columns of the permission matrix (docs/rules.md) that exist in a case: WN, LG, HR, CM, TD, BA, BMW, WP.
COLUMNS = ("WN", "LG", "HR", "CM", "TD", "BA", "BMW", "WP")
MATRIX: dict[str, dict[str, Level]] = {
    "D01": {"WN": R, "LG": N, "HR": N, "CM": N, "TD": W, "BA": W, "BMW": N, "WP": N},
    "D02": {"WN": R, "LG": W, "HR": W, "CM": W, "TD": R, "BA": R, "BMW": N, "WP": N},
    "D03": {"WN": R, "LG": R, "HR": R, "CM": R, "TD": W, "BA": W, "BMW": N, "WP": N},
    "D04": {"WN": R, "LG": R, "HR": R, "CM": R, "TD": R, "BA": W, "BMW": N, "WP": N},
    "D06": {"WN": R, "LG": RO, "HR": RO, "CM": RO, "TD": W, "BA": W, "BMW": N, "WP": N},
    "D07": {"WN": R, "LG": RO, "HR": RO, "CM": RO, "TD": RO, "BA": W, "BMW": N, "WP": N},
    "D08": {"WN": R, "LG": R, "HR": R, "CM": R, "TD": R, "BA": W, "BMW": N, "WP": N},
    # D10: the employee reads every signed WVP document of their case (D10 fn 15 in docs/rules.md);
    # the TD reads them and drafts none (ADR 0103).
    "D10": {"WN": R, "LG": W, "HR": W, "CM": W, "TD": R, "BA": W, "BMW": N, "WP": N},
}
# The fields a "R°" reader sees.
RESTRICTED_FIELDS: dict[str, frozenset[str]] = {
    "sickness.conflictdiagnosis": frozenset({"conflict_type", "glasl_stage", "recorded_at"}),
    "sickness.capacityassessment": frozenset(
        {"able_to_converse", "review_date", "strengthening_advice", "recorded_at"}
    ),
}
# Fields only a writer of the category sees.
WRITER_FIELDS: dict[str, frozenset[str]] = {
    "sickness.sentadvice": frozenset({"acknowledged", "justifications"}),
}

_CASE_ROLE_COLUMN = {
    CaseRole.EMPLOYEE: "WN",
    CaseRole.OTHER_PARTY: "WP",
    CaseRole.LINE_MANAGER: "LG",
    CaseRole.HR_ADVISER: "HR",
    CaseRole.CASEMANAGER: "CM",
    CaseRole.OCCUPATIONAL_PHYSICIAN: "BA",
    CaseRole.DELEGATED_PROFESSIONAL: "TD",
    CaseRole.COMPANY_SOCIAL_WORKER: "BMW",
}
EMPLOYER_COLUMNS = frozenset({"LG", "HR", "CM"})


def columns(actor: Actor, access: CaseAccess) -> frozenset[str]:
    """The permission-matrix columns the actor stands in for this case (none when they may not open it)."""
    if not can_view_case(actor, access):
        return frozenset()
    found = {_CASE_ROLE_COLUMN[CaseRole(r)] for r in access.case_roles if r in CaseRole.values}
    if Role.HR_ADVISER in actor.roles:
        found.add("HR")
    if Role.CASEMANAGER in actor.roles:
        found.add("CM")
    return frozenset(found)


def _is_own(actor: Actor, obj: Any) -> bool:
    report = getattr(obj, "sick_report", obj)
    return actor.user_id is not None and getattr(report, "employee_id", None) == actor.user_id


def category_level(actor: Actor, access: CaseAccess, category: str, obj: Any = None) -> Level:
    """The actor's level for `category`; D01 "R (own)": the employee reads only their own record."""
    row = MATRIX.get(category)
    if row is None:
        return Level.NONE
    cols = columns(actor, access)
    if category == "D01" and obj is not None and not _is_own(actor, obj):
        cols = cols - {"WN"}
    return max((row[c] for c in cols), default=Level.NONE)


def read_basis(actor: Actor, access: CaseAccess, category: str, obj: Any = None) -> str:
    """The basis of a read of `category` (NEN 7513): the matrix columns that give the actor access."""
    row = MATRIX.get(category, {})
    cols = columns(actor, access)
    if category == "D01" and obj is not None and not _is_own(actor, obj):
        cols = cols - {"WN"}
    return role_basis(*(c for c in cols if row.get(c, Level.NONE) > Level.NONE))


def subject_of(obj: Any) -> int | None:
    """The person a sickness record is about: the employee of its sick report."""
    report = getattr(obj, "sick_report", obj)
    return getattr(report, "employee_id", None)


def presented_fields(actor: Actor, access: CaseAccess, obj: models.Model) -> frozenset[str]:
    """`visible_fields`, for showing them: each sensitive category among them is an audited read."""
    visible = visible_fields(actor, access, obj)
    classes = classes_of(obj._meta.label_lower)
    for category in sorted({str(classes[name]) for name in visible} & SENSITIVE_CATEGORIES):
        record_read(
            actor,
            category=category,
            organisation_id=access.organisation_id,
            case_id=access.case.pk,
            subject_id=subject_of(obj),
            basis=read_basis(actor, access, category, obj),
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
        )
    return visible


def _sees(found: Level, label: str, name: str) -> bool:
    if found >= Level.WRITE:
        return True
    if found == Level.READ:
        return name not in WRITER_FIELDS.get(label, frozenset())
    return found == Level.RESTRICTED and name in RESTRICTED_FIELDS.get(label, frozenset())


def visible_fields(
    actor: Actor, access: CaseAccess, obj: models.Model | type[models.Model]
) -> frozenset[str]:
    """The fields of `obj` (an instance or a model) the actor may read; empty if they may read none.

    SYSTEM fields are visible together with the first data field; sealed content is never a field
    one reads directly (it is opened with `vault.services.unseal`).
    """
    label = obj._meta.label_lower
    classes = classes_of(label)
    instance = obj if isinstance(obj, models.Model) else None
    visible: set[str] = set()
    for name, cls in classes.items():
        if cls in (FieldClass.SYSTEM, FieldClass.SEALED):
            continue
        found = category_level(actor, access, str(cls), instance)
        if _sees(found, label, name):
            visible.add(name)
    if visible:
        visible.update(n for n, c in classes.items() if c == FieldClass.SYSTEM)
    return frozenset(visible)


def _in_case(actor: Actor, access: Any) -> bool:
    return isinstance(access, CaseAccess) and access.organisation_id == actor.organisation_id


def _cols(actor: Actor, access: Any) -> frozenset[str]:
    return columns(actor, access) if _in_case(actor, access) else frozenset()


@rule("sickness.section.view", "See the case's Ziekmelding tab: WN party, LG/HR/CM, TD and BA of the case.")
def can_view_section(actor: Actor, access: Any) -> bool:
    return bool(_cols(actor, access) & {"WN", "LG", "HR", "CM", "TD", "BA"})


@rule("sickness.report.write", "Record or update the employer part of a sick report (D02 RW): LG, HR, CM.")
def can_write_report(actor: Actor, access: Any) -> bool:
    return bool(_cols(actor, access) & EMPLOYER_COLUMNS)


@rule("sickness.consult.record", "Record the consult (SM-2 step 1): BA, or TD where R-019 allows.")
def can_record_consult(actor: Actor, access: Any) -> bool:
    return bool(_cols(actor, access) & {"BA", "TD"})


@rule("sickness.medical_note.write", "Write a sealed medical note (D01 RW): BA, and TD under the BA (fn 1).")
def can_write_medical_note(actor: Actor, access: Any) -> bool:
    return bool(_cols(actor, access) & {"BA", "TD"})


@rule("sickness.verdict.record", "Record or change the AO verdict and D03 (step 2): only the BA (R-017).")
def can_record_verdict(actor: Actor, access: Any) -> bool:
    return "BA" in _cols(actor, access)


@rule("sickness.finding.record", "Record the conflict finding (step 3); the variant is derived: only the BA.")
def can_record_finding(actor: Actor, access: Any) -> bool:
    return "BA" in _cols(actor, access)


@rule("sickness.diagnosis.record", "Record the conflict diagnosis (D06 RW): BA, and TD as a draft.")
def can_record_diagnosis(actor: Actor, access: Any) -> bool:
    return bool(_cols(actor, access) & {"BA", "TD"})


@rule("sickness.capacity.record", "Record the capacity assessment (D07 RW): only the BA.")
def can_record_capacity(actor: Actor, access: Any) -> bool:
    return "BA" in _cols(actor, access)


@rule("sickness.advice.send", "Send an advice (D08) to employer and employee at once (R-021): only the BA.")
def can_send_advice(actor: Actor, access: Any) -> bool:
    return "BA" in _cols(actor, access)


def _medical_note_access(actor: Actor, sealed: Any) -> bool:
    from werkvrede.sickness.selectors import access_for_sealed  # avoid an import cycle

    found = access_for_sealed(actor, sealed)
    if found is None:
        return False
    access, report = found
    return category_level(actor, access, "D01", report) >= Level.READ


@rule(
    "sickness.medical_note.read",
    "Open a sealed medical note (D01): BA and TD of the case, and the employee whose sick report it is.",
)
def can_read_medical_note(actor: Actor, sealed: Any) -> bool:
    return _medical_note_access(actor, sealed)


@rule(
    "sickness.capacity_grounds.read",
    "Open the sealed medical grounds of a capacity assessment (D07 beyond R°, fn 12): the BA and the "
    "employee of the case; never the employer roles or the TD.",
)
def can_read_capacity_grounds(actor: Actor, sealed: Any) -> bool:
    from werkvrede.sickness.selectors import access_for_sealed  # avoid an import cycle

    found = access_for_sealed(actor, sealed)
    if found is None:
        return False
    access, _report = found
    return category_level(actor, access, "D07") >= Level.READ


# --- "Zichtbaar voor": computed from the table above ----------------------------------------------

_COLUMN_LABELS: dict[str, str | Promise] = {
    "WN": _("de werknemer"),
    "LG": _("de leidinggevende"),
    "HR": _("HR"),
    "CM": _("de casemanager"),
    "TD": _("de taakgedelegeerde"),
    "BA": _("de bedrijfsarts"),
    "BMW": _("het bedrijfsmaatschappelijk werk"),
    "WP": _("de wederpartij"),
}


def readers(label: str, fields: tuple[str, ...] | None = None) -> list[str]:
    """Who will be able to read what one enters in these fields of model `label` (all fields if None).

    "(alleen de conclusie)" marks a column that reads only part of it.
    """
    classes = classes_of(label)
    own = WRITER_FIELDS.get(label, frozenset())
    names = [
        n for n, c in classes.items() if c not in (FieldClass.SYSTEM, FieldClass.SEALED) and n not in own
    ]
    chosen = [n for n in names if fields is None or n in fields]
    result: list[str] = []
    for column in COLUMNS:
        levels = [MATRIX[str(classes[n])][column] for n in chosen if str(classes[n]) in MATRIX]
        sees = [
            n
            for n, lvl in zip(chosen, levels, strict=True)
            if lvl >= Level.READ
            or (lvl == Level.RESTRICTED and n in RESTRICTED_FIELDS.get(label, frozenset()))
        ]
        if not sees:
            continue
        text = str(_COLUMN_LABELS[column])
        if len(sees) < len(chosen):
            text = f"{text} ({_('alleen de conclusie')})"
        result.append(text)
    return result


def category_readers(category: str) -> list[str]:
    """Who reads a whole data category (e.g. a signed Poortwachter document, D10)."""
    row = MATRIX[category]
    return [str(_COLUMN_LABELS[c]) for c in COLUMNS if row[c] >= Level.READ]


@rule(
    "sickness.api.use",
    "Call the sickness API: anyone in an organisation; each operation checks the case like the pages.",
)
def can_use_api(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None


# --- The open spreekuur (R-135, R-136, CC-5): outside any case -----------------------------------


@rule("sickness.open_consult.view", "See one's open-spreekuur visits: the BA who held them, the employee.")
def can_view_open_consults(actor: Actor, obj: Any) -> bool:
    if actor.organisation_id is None:
        return False
    if obj is None:
        return bool(actor.roles & {Role.OCCUPATIONAL_PHYSICIAN, Role.EMPLOYEE})
    return getattr(obj, "organisation_id", None) == actor.organisation_id and actor.user_id in (
        getattr(obj, "physician_id", None),
        getattr(obj, "employee_id", None),
    )


@rule("sickness.open_consult.record", "Record an open-spreekuur visit (no case, no employer): the BA.")
def can_record_open_consult(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and Role.OCCUPATIONAL_PHYSICIAN in actor.roles


@rule(
    "sickness.open_consult_note.read",
    "Open the sealed note of an open-spreekuur visit: the BA who held it, and the employee it is about "
    "(D01 R own).",
)
def can_read_open_consult_note(actor: Actor, sealed: Any) -> bool:
    from werkvrede.sickness.models import OpenConsultation  # models import policies' neighbours only

    if getattr(sealed, "organisation_id", None) != actor.organisation_id or actor.user_id is None:
        return False
    return OpenConsultation.objects.filter(
        Q(physician_id=actor.user_id) | Q(employee_id=actor.user_id), sealed=sealed
    ).exists()


# --- The Poortwachter documents (D10; R-150…R-158 in docs/rules.md) ------------------------------


@rule(
    "sickness.wvp.write_physician",
    "Draft a probleemanalyse, its bijstelling or the actueel oordeel (D10 fn 17 in docs/rules.md): "
    "only the BA.",
)
def can_write_wvp_physician(actor: Actor, access: Any) -> bool:
    return "BA" in _cols(actor, access)


@rule(
    "sickness.wvp.write_employer",
    "Draft a plan van aanpak, bijstelling, 42e-weeksmelding, eerstejaarsevaluatie, eindevaluatie or the "
    "re-integratieverslag (D10 fn 16 in docs/rules.md): LG, HR, CM.",
)
def can_write_wvp_employer(actor: Actor, access: Any) -> bool:
    return bool(_cols(actor, access) & EMPLOYER_COLUMNS)


@rule("sickness.wvp.sign", "Sign a Poortwachter document: only a person it names as a signer (ADR 0103).")
def can_sign_wvp(actor: Actor, document: Any) -> bool:
    signers = getattr(document, "signers", None) or []
    return (
        actor.user_id is not None
        and getattr(document, "organisation_id", None) == actor.organisation_id
        and actor.user_id in signers
    )
