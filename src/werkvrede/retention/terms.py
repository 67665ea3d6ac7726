"""The retention rules that run: which records each one holds, from which date its term runs, how long
(the organisation's protocol, within the legal bounds), whom to warn and how the records go
(R-140…R-148; docs/adr/0175-retention-that-runs.md, docs/adr/0177-retention-terms-per-organisation.md).

Central rather than spread over the contexts: one place reads every term against the others (a case
that still holds medical content waits for R-144), and the contexts stay unaware of purging.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.cases.models import Case, CaseParty, TimelineEvent
from werkvrede.cases.services import CASE_ENDED
from werkvrede.confidential.annual_services import dossier_destroy
from werkvrede.confidential.models import Referral, Report, ReportState
from werkvrede.consent.models import Consent
from werkvrede.core.classification import FieldClass
from werkvrede.core.roles import Role
from werkvrede.documents.models import Document, Signature
from werkvrede.guideline.calendar import add_months
from werkvrede.interventions.models import Appointment, ConflictLeave, InterventionPeriod
from werkvrede.mediation.models import (
    Admission,
    IntakeRecord,
    Mediation,
    MediationParty,
    PartyMessage,
    Session,
    TerminationAgreement,
    TrackChange,
)
from werkvrede.protocol.models import ConflictProtocol
from werkvrede.retention.destroy import Destroyed, destroy_records, destroy_sealed_of
from werkvrede.sickness.models import CapacityAssessment, MedicalNote, OpenConsultation, SickReport
from werkvrede.supporters.models import SupporterGrant
from werkvrede.whistleblower.models import ConcernedPerson, ReminderSent, WhistleReport


@dataclass(frozen=True)
class Expiring:
    """One record (the root of what goes) and the day its term ends."""

    record: models.Model
    expires_on: date
    case_id: int | None = None
    person_ids: frozenset[int] = frozenset()
    # Who is warned: these people, or else everyone with the rule's owner role.
    owner_ids: tuple[int, ...] = ()
    # Further cases whose hold keeps the record (a consent is about the cases it covered).
    case_ids: frozenset[int] = frozenset()

    @property
    def key(self) -> str:
        return f"{self.record._meta.label_lower}:{self.record.pk}"


@dataclass(frozen=True)
class Term:
    """One retention rule as it runs."""

    rule: str
    label: str | Promise
    category: str
    owner_role: Role
    expiring: Callable[[int, ConflictProtocol, date, int], Iterable[Expiring]]
    destroy: Callable[[models.Model, date], Destroyed]
    # Re-reads the root under a lock (skip_locked): None when another run took it or it is gone.
    lock: Callable[[models.Model], models.Model | None] = field(default=lambda r: r)
    # The key a run reports under, when two terms share a rule (consent records under R-140).
    name: str = ""

    @property
    def code(self) -> str:
        return self.name or self.rule


def _ids(*values: int | None) -> frozenset[int]:
    return frozenset(v for v in values if v is not None)


def _expiry(day: date | None, months: int) -> date:
    """The day a term of `months` from `day` ends; never for a record without its anchor."""
    return date.max if day is None else add_months(day, months)


def _day(value: datetime | date) -> date:
    return timezone.localdate(value) if isinstance(value, datetime) else value


def _lock(model: type[models.Model], **extra: Any) -> Callable[[models.Model], models.Model | None]:
    def lock(record: models.Model) -> models.Model | None:
        return (
            model._default_manager.select_for_update(skip_locked=True).filter(pk=record.pk, **extra).first()
        )

    return lock


# --- the case records, from the case's closure -------------------------------------


def case_closed_on(cases: Sequence[Case]) -> dict[int, date]:
    """The day each ended case reached its end state: the last move into one on its timeline, else its
    last change. Werkvrede does not know when employment or re-integration ended; the closure is the
    latest date it knows of both (docs/adr/0175-retention-that-runs.md)."""
    ended = {str(s) for s in CASE_ENDED}
    closed = {c.pk: _day(c.updated_at) for c in cases}
    events = TimelineEvent.objects.filter(case_id__in=list(closed), data__has_key="state_to").values_list(
        "case_id", "occurred_at", "data"
    )
    moves: dict[int, date] = {}
    for case_id, occurred_at, data in events.order_by("occurred_at", "pk"):
        if data.get("state_to") in ended:
            moves[case_id] = _day(occurred_at)
    closed.update(moves)
    return closed


def _medical_last_change(sick_report_ids: Iterable[int]) -> dict[int, date]:
    """Per sick report, the day its medical content (D01, D07 grounds) last changed."""
    last: dict[int, date] = {}
    rows = list(MedicalNote.objects.filter(sick_report_id__in=sick_report_ids).values_list(
        "sick_report_id", "created_at"
    )) + list(
        CapacityAssessment.objects.filter(
            sick_report_id__in=sick_report_ids, medical_grounds__isnull=False
        ).values_list("sick_report_id", "recorded_at")
    )  # fmt: skip
    for report_id, moment in rows:
        day = _day(moment)
        last[report_id] = max(last.get(report_id, day), day)
    return last


def _parties(case_ids: Iterable[int]) -> dict[int, frozenset[int]]:
    out: dict[int, set[int]] = {}
    for case_id, user_id in CaseParty.objects.filter(
        case_id__in=list(case_ids), user__isnull=False
    ).values_list("case_id", "user_id"):
        out.setdefault(case_id, set()).add(user_id)
    return {k: frozenset(v) for k, v in out.items()}


def _case_expiries(
    organisation_id: int, protocol: ConflictProtocol, case_ids: Iterable[int] | None = None
) -> dict[int, date]:
    """The day the R-140/R-141 term of each ended case ends (of `case_ids` only, when given)."""
    query = Case.objects.filter(organisation_id=organisation_id, state__in=CASE_ENDED)
    if case_ids is not None:
        query = query.filter(pk__in=list(case_ids))
    cases = list(query.order_by("pk"))
    if not cases:
        return {}
    closed = case_closed_on(cases)
    # Both terms are upper bounds from the same anchor: the shorter one ends both files.
    years = min(protocol.retention_admin_absence_years, protocol.retention_reintegration_years)
    # A case whose sick report still holds medical content waits for R-144 (the medical file hangs on it).
    reports = dict(SickReport.objects.filter(case_id__in=[c.pk for c in cases]).values_list("pk", "case_id"))
    medical: dict[int, date] = {}
    for report_id, day in _medical_last_change(reports).items():
        end = add_months(day, 12 * protocol.retention_ba_medical_years)
        medical[reports[report_id]] = max(medical.get(reports[report_id], end), end)
    return {
        case.pk: max(add_months(closed[case.pk], 12 * years), medical.get(case.pk, date.min))
        for case in cases
    }


def _case_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, _w: int
) -> Iterable[Expiring]:
    expiries = _case_expiries(organisation_id, protocol)
    due = {pk: day for pk, day in expiries.items() if day <= until}
    if not due:
        return []
    parties = _parties(due)
    cases = Case.objects.in_bulk(list(due))
    return [Expiring(cases[pk], due[pk], pk, parties.get(pk, frozenset())) for pk in sorted(due)]


def _case_destroy(case: models.Model, today: date) -> Destroyed:
    # A mediation has its own term and stays without the case, and without the case's referral
    # it took over (an intervention of the case, PROTECT); the case's termination agreement is
    # employer-side case data and goes with it, with its signed documents.
    Mediation.objects.filter(case_id=case.pk).update(case=None, referral=None)
    agreements = list(TerminationAgreement.objects.filter(case_id=case.pk))
    # The appointments of its intervention periods and leave are linked from them (PROTECT).
    appointments = [
        *InterventionPeriod.objects.filter(case_id=case.pk, appointment__isnull=False).values_list(
            "appointment_id", flat=True
        ),
        *ConflictLeave.objects.filter(case_id=case.pk, appointment__isnull=False).values_list(
            "appointment_id", flat=True
        ),
    ]
    done = destroy_records(agreements)
    done.add(destroy_records([case]))
    done.add(destroy_records(list(Appointment.objects.filter(pk__in=appointments))))
    return done


# --- R-144: the bedrijfsarts' medical content, from its last change -------------------------------


def _medical_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, _w: int
) -> Iterable[Expiring]:
    months = 12 * protocol.retention_ba_medical_years
    reports = {
        r.pk: r
        for r in SickReport.objects.filter(organisation_id=organisation_id)
        .filter(
            models.Q(medical_notes__isnull=False)
            | models.Q(capacity_assessments__medical_grounds__isnull=False)
        )
        .distinct()
    }
    out: list[Expiring] = []
    for report_id, day in _medical_last_change(reports).items():
        report = reports[report_id]
        if add_months(day, months) <= until:
            out.append(Expiring(report, add_months(day, months), report.case_id, _ids(report.employee_id)))
    for visit in OpenConsultation.objects.filter(organisation_id=organisation_id, sealed__isnull=False):
        if add_months(visit.held_on, months) <= until:
            out.append(
                Expiring(
                    visit,
                    add_months(visit.held_on, months),
                    None,
                    _ids(visit.employee_id),
                    (visit.physician_id,),
                )
            )
    return out


def _medical_destroy(record: models.Model, today: date) -> Destroyed:
    if isinstance(record, OpenConsultation):
        return destroy_sealed_of([record], "sealed")
    done = destroy_records(list(MedicalNote.objects.filter(sick_report_id=record.pk)))
    done.add(
        destroy_sealed_of(
            list(CapacityAssessment.objects.filter(sick_report_id=record.pk, medical_grounds__isnull=False)),
            "medical_grounds",
        )
    )
    return done


def _medical_lock(record: models.Model) -> models.Model | None:
    found: models.Model | None = (
        type(record)._default_manager.select_for_update(skip_locked=True).filter(pk=record.pk).first()
    )
    return found


# --- the vertrouwenspersoon's dossier, after closure and the annual report ----------------


def _vp_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, warning_days: int
) -> Iterable[Expiring]:
    # Counted in the annual report is the end of the dossier; the VP may destroy it by hand
    # at once, and is warned beforehand when the run does it after the warning period.
    out = []
    for report in Report.objects.filter(
        organisation_id=organisation_id, state=ReportState.IN_ANNUAL_REPORT, in_annual_report_on__isnull=False
    ):
        if report.in_annual_report_on is None:
            continue
        expires = report.in_annual_report_on + timedelta(days=warning_days)
        if expires <= until:
            out.append(Expiring(report, expires, None, _ids(report.melder_id)))
    return out


def _vp_destroy(record: models.Model, today: date) -> Destroyed:
    done = Destroyed()
    done.rows[FieldClass.SEALED.value] += dossier_destroy(record, today=today)  # type: ignore[arg-type]
    done.rows["D15"] += 1
    return done


# --- the mediation dossier and its frame, from its end -------------------------------------


def _mediation_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, _w: int
) -> Iterable[Expiring]:
    months = 12 * protocol.retention_mediation_years
    ended = [
        m
        for m in Mediation.objects.filter(organisation_id=organisation_id, ended_on__isnull=False)
        if _expiry(m.ended_on, months) <= until
    ]
    ids = [m.pk for m in ended]
    people: dict[int, set[int]] = {}
    for mediation_id, user_id in MediationParty.objects.filter(mediation_id__in=ids).values_list(
        "mediation_id", "user_id"
    ):
        people.setdefault(mediation_id, set()).add(user_id)
    # Something is left to go: the dossier, the frame (parties, admissions), or the row itself once no
    # case points to it. A dossier an earlier run destroyed still has its frame taken (ADR 0196).
    left = set(people)
    for model in (IntakeRecord, Session, PartyMessage, TrackChange, Admission):
        left.update(
            model._default_manager.filter(mediation_id__in=ids).values_list("mediation_id", flat=True)
        )
    mediations = [m for m in ended if m.pk in left or m.case_id is None]
    # The signers of its documents are who it is about once its parties have gone (a hold on them keeps it).
    signers: dict[int, set[int]] = {}
    documents = Document.objects.filter(
        owner_kind="mediation.mediation", owner_id__in=[m.pk for m in mediations]
    )
    for owner_id, user_id in Signature.objects.filter(document__in=documents).values_list(
        "document__owner_id", "user_id"
    ):
        signers.setdefault(owner_id, set()).add(user_id)
    return [
        Expiring(
            m,
            _expiry(m.ended_on, months),
            m.case_id,
            frozenset(people.get(m.pk, set()) | signers.get(m.pk, set())),
            (m.mediator_id,) if m.mediator_id else (),
        )
        for m in mediations
    ]


def _mediation_content(mediation_id: int) -> list[models.Model]:
    return [
        *IntakeRecord.objects.filter(mediation_id=mediation_id),
        *Session.objects.filter(mediation_id=mediation_id),  # with their notes
        *PartyMessage.objects.filter(mediation_id=mediation_id),
        *TrackChange.objects.filter(mediation_id=mediation_id),
    ]


def _mediation_destroy(record: models.Model, today: date) -> Destroyed:
    # The mediator's dossier (D11, sealed) and the frame (who took part, who was admitted, with their
    # consents and confidentiality documents) go. The row and its signed documents stay while a case
    # points to it: the case keeps what it was told, the outcome. Without a case everything goes,
    # with a termination agreement made in it that no case holds (docs/adr/0196-a-mediations-frame-goes.md).
    done = destroy_records(_mediation_content(record.pk))
    done.add(destroy_records(list(Admission.objects.filter(mediation_id=record.pk))))
    done.add(destroy_records(list(MediationParty.objects.filter(mediation_id=record.pk))))
    if getattr(record, "case_id", None) is None:
        TerminationAgreement.objects.filter(mediation_id=record.pk, case__isnull=False).update(mediation=None)
        done.add(destroy_records(list(TerminationAgreement.objects.filter(mediation_id=record.pk))))
        done.add(destroy_records([record]))
    return done


# --- the supporter's notes, three months after the engagement ended -----------------------


def _grant_ended_on(grant: SupporterGrant, closed: dict[int, date]) -> date | None:
    ends = []
    if grant.revoked_at is not None:
        ends.append(_day(grant.revoked_at))
    if grant.case_id is not None and grant.case_id in closed:
        ends.append(closed[grant.case_id])
    if grant.mediation_id is not None and grant.mediation is not None and grant.mediation.ended_on:
        ends.append(grant.mediation.ended_on)
    return min(ends) if ends else None


def _supporter_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, _w: int
) -> Iterable[Expiring]:
    months = protocol.retention_supporter_notes_months
    grants = list(
        SupporterGrant.objects.filter(organisation_id=organisation_id).select_related("mediation", "case")
    )
    ended_cases = [g.case for g in grants if g.case is not None and g.case.state in CASE_ENDED]
    closed = case_closed_on(ended_cases) if ended_cases else {}
    out = []
    for grant in grants:
        ended = _grant_ended_on(grant, closed)
        if ended is not None and add_months(ended, months) <= until:
            out.append(
                Expiring(
                    grant,
                    add_months(ended, months),
                    grant.case_id,
                    frozenset({grant.employee_id}),
                    (grant.supporter_id,),
                )
            )
    return out


def _supporter_destroy(record: models.Model, today: date) -> Destroyed:
    # That someone supported the employee is itself D17: the grant goes with its notes.
    return destroy_records([record])


# --- the whistleblower file, from its closure ---------------------------------------------


def _whistle_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, _w: int
) -> Iterable[Expiring]:
    months = 12 * protocol.retention_whistleblower_years
    reports = [
        r
        for r in WhistleReport.objects.filter(organisation_id=organisation_id, closed_on__isnull=False)
        if _expiry(r.closed_on, months) <= until
    ]
    concerned: dict[int, set[int]] = {}
    for report_id, user_id in ConcernedPerson.objects.filter(report__in=reports).values_list(
        "report_id", "user_id"
    ):
        concerned.setdefault(report_id, set()).add(user_id)
    return [
        Expiring(
            r,
            _expiry(r.closed_on, months),
            None,
            frozenset(concerned.get(r.pk, set())) | _ids(r.melder_id),
        )
        for r in reports
    ]


def _whistle_destroy(record: models.Model, today: date) -> Destroyed:
    # The reminder keys name the report (`wb:<id>:…`): they go with it.
    reminders = list(ReminderSent.objects.filter(key__startswith=f"wb:{record.pk}:"))
    done = destroy_records([record])
    done.add(destroy_records(reminders))
    return done


#: Consent records run under R-140 beside the case records; a run reports them under this key.
CONSENT = "CONSENT"


# --- consent records, from their end and after the records they covered -------------------


def consent_ended_on(consent: Consent) -> date | None:
    """The first day a consent no longer counts: its withdrawal, or the day after its expiry date;
    None while it runs (docs/adr/0195-consent-records-go-after-what-they-covered.md)."""
    ends = []
    if consent.withdrawn_at is not None:
        ends.append(_day(consent.withdrawn_at))
    if consent.expires_on is not None:
        ends.append(consent.expires_on + timedelta(days=1))
    return min(ends) if ends else None


def _consent_cases(organisation_id: int, subjects: Iterable[int]) -> dict[int, list[tuple[int, date]]]:
    """Per data subject, the cases still present that are about them (as a party or through their
    sick report), with the day each was opened."""
    out: dict[int, set[tuple[int, date]]] = {}
    subjects = list(subjects)
    rows = [
        *CaseParty.objects.filter(case__organisation_id=organisation_id, user_id__in=subjects).values_list(
            "user_id", "case_id", "case__created_at"
        ),
        *SickReport.objects.filter(organisation_id=organisation_id, employee_id__in=subjects).values_list(
            "employee_id", "case_id", "case__created_at"
        ),
    ]
    for user_id, case_id, opened in rows:
        out.setdefault(user_id, set()).add((case_id, _day(opened)))
    return {k: sorted(v) for k, v in out.items()}


def _consent_expiring(
    organisation_id: int, protocol: ConflictProtocol, until: date, _w: int
) -> Iterable[Expiring]:
    # A consent proves that a disclosure was lawful (CC-10): it stays while it runs, then the R-140
    # term from its end, and never before the cases it could have covered are gone (their own term, a
    # hold on them keeps it too). A referral or routing that names it keeps it (they go first).
    months = 12 * protocol.retention_admin_absence_years
    named = {
        *Referral.objects.filter(consent__isnull=False).values_list("consent_id", flat=True),
        *WhistleReport.objects.filter(route_consent__isnull=False).values_list("route_consent_id", flat=True),
    }
    ended: list[tuple[Consent, date]] = []
    ended_rows = Consent.objects.filter(organisation_id=organisation_id).filter(
        models.Q(withdrawn_at__isnull=False) | models.Q(expires_on__isnull=False)
    )
    for consent in ended_rows.exclude(pk__in=named):
        end = consent_ended_on(consent)
        if end is not None and add_months(end, months) <= until:
            ended.append((consent, end))
    if not ended:
        return []
    cases = _consent_cases(organisation_id, {c.data_subject_id for c, _e in ended})
    case_expiry = _case_expiries(
        organisation_id, protocol, {pk for pairs in cases.values() for pk, _o in pairs}
    )
    out = []
    for consent, end in ended:
        linked = frozenset(pk for pk, opened in cases.get(consent.data_subject_id, []) if opened <= end)
        expires = max([add_months(end, months), *(case_expiry.get(pk, date.max) for pk in linked)])
        if expires <= until:
            out.append(Expiring(consent, expires, None, _ids(consent.data_subject_id), (), linked))
    return out


def _consent_destroy(record: models.Model, today: date) -> Destroyed:
    return destroy_records([record])


TERMS: tuple[Term, ...] = (
    Term("R-140", _("Zaakdossiers"), "D05", Role.HR_ADVISER, _case_expiring, _case_destroy, _lock(Case)),
    Term(
        "R-144",
        _("Medische gegevens van de bedrijfsarts"),
        "D01",
        Role.OCCUPATIONAL_PHYSICIAN,
        _medical_expiring,
        _medical_destroy,
        _medical_lock,
    ),
    Term(
        "R-145",
        _("Dossiers van de vertrouwenspersoon"),
        "D15",
        Role.CONFIDENTIAL_ADVISER,
        _vp_expiring,
        _vp_destroy,
        _lock(Report, state=ReportState.IN_ANNUAL_REPORT),
    ),
    Term(
        "R-146",
        _("Mediationdossiers"),
        "D11",
        Role.MEDIATOR,
        _mediation_expiring,
        _mediation_destroy,
        _lock(Mediation),
    ),
    Term(
        "R-147",
        _("Notities van steunpersonen"),
        "D17",
        Role.SUPPORTER,
        _supporter_expiring,
        _supporter_destroy,
        _lock(SupporterGrant),
    ),
    Term(
        "R-148",
        _("Klokkenluidersdossiers"),
        "D18",
        Role.WHISTLEBLOWER_OFFICER,
        _whistle_expiring,
        _whistle_destroy,
        _lock(WhistleReport),
    ),
    # Last: the records that name a consent (referrals, routings) and the cases it covered go first.
    Term(
        "R-140",
        _("Toestemmingen"),
        "D20",
        Role.HR_ADVISER,
        _consent_expiring,
        _consent_destroy,
        _lock(Consent),
        name=CONSENT,
    ),
)

#: Contact requests of visitors (privacy statement: at most 90 days), purged by the contact context.
CONTACT = "CONTACT"
#: The log of mails sent (`WERKVREDE_OUTBOX_RETENTION_DAYS`, 90), purged by the notifications context.
OUTBOX = "OUTBOX"


def term_labels() -> dict[str, str | Promise]:
    return {t.code: t.label for t in TERMS} | {
        CONTACT: _("Contactverzoeken"),
        OUTBOX: _("Verzonden e-mails (verzendlog)"),
    }


#: The rows each run deletes at their roots (the cascade adds what belongs to them; see
#: `covered_models`). Rows that stay, emptied of their content, are named in `EMPTIED`.
ROOTS: dict[str, tuple[str, ...]] = {
    "R-140": ("cases.case", "mediation.terminationagreement", "interventions.appointment"),
    "R-144": ("sickness.medicalnote",),
    "R-145": ("confidential.reportmessage", "confidential.referral", "confidential.breachreview"),
    "R-146": (
        "mediation.intakerecord",
        "mediation.session",
        "mediation.partymessage",
        "mediation.trackchange",
        "mediation.admission",
        "mediation.mediationparty",
        "mediation.mediation",
    ),
    "R-147": ("supporters.supportergrant",),
    "R-148": ("whistleblower.whistlereport", "whistleblower.remindersent"),
    CONSENT: ("consent.consent",),
    CONTACT: ("contact.contactrequest",),
    OUTBOX: ("notifications.outgoingmail",),
}
#: Rows a run keeps but empties (docs/adr/0175-retention-that-runs.md): the VP report keeps its state
#: and day of destruction, a capacity assessment and an open consultation lose their sealed medical
#: part. A mediation a case still points to keeps its row (ROOTS: it goes once none does).
EMPTIED: dict[str, tuple[str, ...]] = {
    "R-144": ("sickness.capacityassessment", "sickness.openconsultation"),
    "R-145": ("confidential.report",),
}


def covered_models() -> dict[str, str]:
    """Every model whose rows a run deletes or empties, with the rule that does it: the roots, what
    Django's cascade takes with them, and the emptied rows."""
    from django.apps import apps

    covered: dict[str, str] = {}

    def walk(label: str, rule: str) -> None:
        if label in covered:
            return
        covered[label] = rule
        for relation in apps.get_model(label)._meta.get_fields(include_hidden=True):
            reverse = relation.auto_created and not relation.concrete
            if reverse and getattr(relation, "on_delete", None) is models.CASCADE and relation.related_model:
                walk(relation.related_model._meta.label_lower, rule)

    for rule, labels in ROOTS.items():
        for label in labels:
            walk(label, rule)
    for rule, labels in EMPTIED.items():
        for label in labels:
            covered.setdefault(label, rule)
    return covered
