"""Build sick reports for tests through the services, as people would."""

from __future__ import annotations

from datetime import date
from typing import Any

from werkvrede.cases import services as case_services
from werkvrede.cases.models import Case
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.core.refusals import NeedsAttention
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document
from werkvrede.sickness import selectors, services
from werkvrede.sickness.models import SickReport

TODAY = date(2025, 3, 20)


def as_role(tenant: Any, role: Role) -> Any:
    return actor_of(tenant.users[role], tenant.organisation.pk)


def conflict_case(world: Any, tenant: str = "a") -> Case:
    """The employee against "de teamleider"; the line manager, BA and TD take part through HR."""
    t = world.tenant(tenant)
    case = signal(t.users[Role.EMPLOYEE], t.organisation.pk)
    hr = as_role(t, Role.HR_ADVISER)
    for role, case_role in (
        (Role.LINE_MANAGER, "LG"),
        (Role.OCCUPATIONAL_PHYSICIAN, "BA"),
        (Role.DELEGATED_PROFESSIONAL, "TD"),
    ):
        case_services.participant_add(
            actor=hr, case_id=case.pk, membership_id=t.memberships[role].pk, role=case_role
        )
    return case


def report(world: Any, case: Case, tenant: str = "a", **fields: Any) -> SickReport:
    values: dict[str, Any] = {"first_sick_day": date(2025, 3, 10), "notified_to_ba_on": date(2025, 3, 11)}
    values.update(fields)
    return services.report_save(
        actor=as_role(world.tenant(tenant), Role.HR_ADVISER),
        case_id=case.pk,
        data=services.ReportInput(**values),
        today=TODAY,
        expected_version=current.version if (current := selectors.current_report(case)) else 0,
    )


def consulted(world: Any, case: Case, tenant: str = "a", note: str = "") -> SickReport:
    return services.consult_record(
        actor=as_role(world.tenant(tenant), Role.OCCUPATIONAL_PHYSICIAN),
        case_id=case.pk,
        consult_on=date(2025, 3, 12),
        note=note,
        today=TODAY,
    )


def verdict(world: Any, case: Case, value: str = "AO", tenant: str = "a", **fields: Any) -> Any:
    data: dict[str, Any] = {
        "value": value,
        "degree_pct": 100 if value == "AO" else None,
        "expected_duration": "",
        "no_work_capacity": False,
        "limitations": "",
        "possibilities": "",
        "recorded_on": date(2025, 3, 12),
    }
    data.update(fields)
    return services.verdict_record(
        actor=as_role(world.tenant(tenant), Role.OCCUPATIONAL_PHYSICIAN),
        case_id=case.pk,
        data=services.VerdictInput(**data),
        today=TODAY,
    )


def finding(world: Any, case: Case, conflict: bool = True, tenant: str = "a") -> Any:
    return services.finding_record(
        actor=as_role(world.tenant(tenant), Role.OCCUPATIONAL_PHYSICIAN),
        case_id=case.pk,
        conflict=conflict,
        recorded_on=date(2025, 3, 12),
        today=TODAY,
    )


def case_with_report(world: Any, tenant: str) -> dict[str, int]:
    case = conflict_case(world, tenant)
    report(world, case, tenant)
    return {"case_id": case.pk}


def case_consulted(world: Any, tenant: str) -> dict[str, int]:
    case = conflict_case(world, tenant)
    report(world, case, tenant)
    consulted(world, case, tenant)
    return {"case_id": case.pk}


def case_with_verdict(world: Any, tenant: str) -> dict[str, int]:
    case = conflict_case(world, tenant)
    report(world, case, tenant)
    consulted(world, case, tenant)
    verdict(world, case, tenant=tenant)
    return {"case_id": case.pk}


def sent_advice(
    world: Any, case: Case, tenant: str = "a", text: str = "Opbouw van werk in drie weken."
) -> Any:
    """Send an advice as the BA, answering what the guideline asks (acknowledgements and reasons)."""
    ba = as_role(world.tenant(tenant), Role.OCCUPATIONAL_PHYSICIAN)
    values: dict[str, Any] = {
        "kind": "REINTEGRATION",
        "content": ("REINTEGRATION", "CONVERSATION"),
        "resumption_condition": "NONE",
        "reintegration_condition": "NONE",
        "recommends_termination": False,
        "recommends_resignation": False,
        "not_able_to_converse": False,
        "not_able_medical_grounds": False,
        "review_date": None,
        "solution_direction": "Gesprek met een derde erbij.",
        "text": text,
        "employer_recipients": ("HR", "LG"),
    }
    try:
        return services.advice_send(
            actor=ba, case_id=case.pk, data=services.AdviceInput(**values), today=TODAY
        )
    except NeedsAttention as needed:
        codes = {f.code: f.severity.value for f in needed.findings}
        values["acknowledged"] = tuple(c for c, sev in codes.items() if sev == "WARN")
        values["justifications"] = {
            c: "Beide partijen gehoord" for c, sev in codes.items() if sev == "WARN+J"
        }
        return services.advice_send(
            actor=ba, case_id=case.pk, data=services.AdviceInput(**values), today=TODAY
        )


def case_with_advice(world: Any, tenant: str) -> dict[str, int]:
    case = conflict_case(world, tenant)
    report(world, case, tenant)
    consulted(world, case, tenant)
    verdict(world, case, tenant=tenant)
    finding(world, case, tenant=tenant)
    advice = sent_advice(world, case, tenant)
    return {"case_id": case.pk, "advice_id": advice.pk}


def pa_draft(world: Any, case: Case, tenant: str = "a", **values: Any) -> Any:
    """The bedrijfsarts drafts the probleemanalyse (D10)."""
    from werkvrede.sickness import wvp

    return wvp.draft_save(
        actor=as_role(world.tenant(tenant), Role.OCCUPATIONAL_PHYSICIAN),
        case_id=case.pk,
        kind="PROBLEM_ANALYSIS",
        values={"possibilities": "Eigen werk, halve dagen.", **values},
        today=TODAY,
    )


def sign_as(world: Any, case: Case, document: Any, role: Role, tenant: str = "a") -> Any:
    from werkvrede.sickness import wvp

    user = world.tenant(tenant).users[role]
    return wvp.sign(
        actor=as_role(world.tenant(tenant), role),
        case_id=case.pk,
        document_id=document.pk,
        typed_name=user.full_name,
    )


def case_with_pa_draft(world: Any, tenant: str) -> dict[str, int]:
    case = conflict_case(world, tenant)
    report(world, case, tenant)
    consulted(world, case, tenant)
    verdict(world, case, tenant=tenant)
    return {"case_id": case.pk, "document_id": pa_draft(world, case, tenant).pk}


def case_with_signed_pa(world: Any, tenant: str) -> dict[str, int]:
    found = case_with_pa_draft(world, tenant)
    case = Case.objects.get(pk=found["case_id"])
    document = Document.objects.get(pk=found["document_id"])
    sign_as(world, case, document, Role.OCCUPATIONAL_PHYSICIAN, tenant)
    return found


def case_wvp_page(world: Any, tenant: str) -> dict[str, Any]:
    return {"case_id": case_with_signed_pa(world, tenant)["case_id"], "kind": "PROBLEM_ANALYSIS"}
