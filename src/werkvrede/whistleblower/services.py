"""Writes of the whistleblower channel: atomic, authorised, audited; every SM-8 step asked of the
guideline through the one gate (core.gate.decide). Nothing of a report's content is ever logged,
audited or mailed: events carry ids and codes, e-mails only that something waits (D18)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from werkvrede.audit import services as audit
from werkvrede.cases.services import SignalInput, case_signal
from werkvrede.consent.models import Category
from werkvrede.consent.services import ConsentInput, consent_give
from werkvrede.core import receipts
from werkvrede.core.actor import Actor
from werkvrede.core.confidential import advisers_of, vp_route_open
from werkvrede.core.gate import decide
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.vault.services import seal
from werkvrede.whistleblower.facts import situation
from werkvrede.whistleblower.models import (
    ChannelSettings,
    ConcernedPerson,
    ReminderSent,
    RouteTarget,
    Side,
    WhistleMessage,
    WhistleReport,
    WhistleState,
)
from werkvrede.whistleblower.policies import DO, WhistleReceiptHolder, is_officer_of
from werkvrede.whistleblower.selectors import colleagues, deadlines_of, officer_ids

MAIL_NEW = "whistleblower.report.new"
MAIL_MESSAGE = "whistleblower.report.message"
MAIL_REMINDER = "whistleblower.deadline.reminder"
MESSAGE_MAX = 10_000
_RECEIPT_SALT = "werkvrede.whistleblower.receipt"
#: The outbox reference of a mail about an anonymous report: the inbox, never the report.
ANONYMOUS_REFERENCE = "anonymous"

Melder = Actor | WhistleReceiptHolder


# --- The guideline -------------------------------------------------------------------------------


def _step(report: WhistleReport, event: str, today: date, *, new: bool = False) -> str:
    return decide(
        situation(report, report.organisation_id),
        today=today,
        subject="whistleblower_report",
        machine="SM-8",
        state=None if new else report.state,
        event=event,
        block=(),
    ).next_state


def _save(report: WhistleReport, fields: list[str], today: date) -> None:
    report.last_activity_on = today
    report.save(update_fields=[*fields, "last_activity_on"])


def _text(text: str, field: str = "message") -> str:
    text = (text or "").strip()
    if not text:
        raise Invalid.of(field, _("Schrijf wat je wilt melden of zeggen; het veld is nog leeg."))
    if len(text) > MESSAGE_MAX:
        raise Invalid.of(
            field,
            _("Je bericht is %(n)s tekens; het mag er %(max)s zijn. Maak het korter of verdeel het.")
            % {"n": len(text), "max": MESSAGE_MAX},
        )
    return text


def _add_message(actor: Any, report: WhistleReport, side: str, text: str, today: date) -> WhistleMessage:
    sealed = seal(
        actor=actor,
        organisation_id=report.organisation_id,
        compartment="D18",
        plaintext=text,
        day_only=report.anonymous,
    )
    return WhistleMessage.objects.create(
        report=report, side=side, author_id=actor.user_id, sealed=sealed, written_on=today
    )


def _new(organisation_id: int, today: date) -> WhistleReport:
    report = WhistleReport(organisation_id=organisation_id, received_on=today, last_activity_on=today)
    report.state = _step(report, "received", today, new=True)
    return report


# --- Reporting -------------------------------------------------------------------------------------


@transaction.atomic
def named_report(*, actor: Actor, message: str, concerned_user_ids: list[int], today: date) -> WhistleReport:
    """A logged-in melder reports a suspected misstand (D18); they may name the persons concerned,
    who will never be able to open it (R-118)."""
    authorize(actor, "whistleblower.mine.open")
    text = _text(message)
    organisation_id = actor.organisation_id or 0
    if not officer_ids(organisation_id):
        raise NotPossible(_("Je organisatie heeft in Werkvrede nog geen meldpunt klokkenluiders."))
    known = {pk for pk, _name in colleagues(organisation_id)}
    concerned = sorted(set(concerned_user_ids))
    if not set(concerned) <= known:
        raise Invalid.of("concerned", _("Kies de betrokkenen uit de lijst van je organisatie."))
    if actor.uid in concerned:
        raise Invalid.of("concerned", _("Je kunt jezelf niet als betrokkene noemen."))
    report = _new(organisation_id, today)
    report.melder_id = actor.uid
    report.save()
    ConcernedPerson.objects.bulk_create([ConcernedPerson(report=report, user_id=u) for u in concerned])
    _add_message(actor, report, Side.MELDER, text, today)
    audit.record_for(actor, "whistleblower.report.received", report, legal_basis="R-116")
    _notify_officers(report, MAIL_NEW)
    return report


def _new_receipt() -> tuple[str, str]:
    return receipts.new_receipt(
        _RECEIPT_SALT, lambda digest: WhistleReport.objects.filter(receipt_digest=digest).exists()
    )


def receipt_digest(code: str) -> str:
    return receipts.receipt_digest(_RECEIPT_SALT, code)


@transaction.atomic
def anonymous_report(*, organisation_id: int, message: str, today: date) -> tuple[WhistleReport, str]:
    """An anonymous report (no log-in): the report and its receipt code, shown once. Stored: the day,
    the sealed message and the receipt's digest — no name, address, browser or time of day. The audit
    event names the organisation only, so that its time cannot be joined to the report."""
    text = _text(message)
    if not officer_ids(organisation_id):
        raise NotPossible(_("Deze organisatie heeft in Werkvrede nog geen meldpunt klokkenluiders."))
    receipt, digest = _new_receipt()
    report = _new(organisation_id, today)
    report.anonymous = True
    report.receipt_digest = digest
    report.save()
    holder = WhistleReceiptHolder(organisation_id=organisation_id, report_id=report.pk)
    _add_message(holder, report, Side.MELDER, text, today)
    audit.record("whistleblower.report.received_anonymous", organisation_id=organisation_id)
    _notify_officers(report, MAIL_NEW)
    return report, receipt


def receipt_holder(code: str) -> WhistleReceiptHolder | None:
    """The holder of a receipt code, or None. Compared in constant time."""
    digest = receipt_digest(code)
    report = WhistleReport.objects.filter(receipt_digest=digest, anonymous=True).first()
    if report is None or not constant_time_compare(report.receipt_digest, digest):
        return None
    return WhistleReceiptHolder(organisation_id=report.organisation_id, report_id=report.pk)


# --- Messages and the officer's steps (SM-8) -------------------------------------------------------


def _audit_step(actor: Actor, code: str, report: WhistleReport, **data: Any) -> None:
    audit.record_for(actor, code, report, legal_basis="D18", data={k: str(v) for k, v in data.items()})


def _write(actor: Any, report: WhistleReport, text: str, today: date) -> WhistleMessage:
    officer = is_officer_of(actor, report)
    message = _add_message(actor, report, Side.OFFICER if officer else Side.MELDER, text, today)
    unnamed = report.anonymous and not officer
    audit.record(
        "whistleblower.message.written",
        organisation_id=report.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="" if unnamed else "whistleblower.whistlemessage",
        object_id="" if unnamed else str(message.pk),
        legal_basis="D18",
        data={"side": message.side},
    )
    if officer:
        _notify_melder(report)
    else:
        _notify_officers(report, MAIL_MESSAGE)
    return message


@transaction.atomic
def message_write(*, actor: Melder, report: WhistleReport, text: str, today: date) -> WhistleMessage:
    """The melder or the officer writes in the report (D18, sealed)."""
    report = WhistleReport.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "whistleblower.message.write", report)  # type: ignore[arg-type]
    text = _text(text, "text")
    fields: list[str] = []
    if (
        report.state == WhistleState.NOT_A_MISSTAND
        and report.feedback_on is None
        and is_officer_of(actor, report)
    ):
        # for a report assessed as no misstand, the officer's first message after the
        # assessment is the feedback (there is no follow-up to report on); T-21 is done with it.
        report.feedback_on = today
        fields.append("feedback_on")
    _save(report, fields, today)
    return _write(actor, report, text, today)


def _locked(actor: Actor, action: str, report: WhistleReport) -> WhistleReport:
    report = WhistleReport.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, action, report)
    return report


@transaction.atomic
def acknowledge(*, actor: Actor, report: WhistleReport, text: str, today: date) -> WhistleReport:
    """SM-8 row 2, R-116: acknowledge receipt (due T-20: 7 days after receipt). Done late, it stays
    late: the date is the day it was done."""
    report = _locked(actor, "whistleblower.report.acknowledge", report)
    text = _text(text, "text")
    report.acknowledged_on = today
    report.state = _step(report, "acknowledged", today)
    _save(report, ["state", "acknowledged_on"], today)
    _write(actor, report, text, today)
    _audit_step(actor, "whistleblower.report.acknowledged", report)
    return report


@transaction.atomic
def assess(*, actor: Actor, report: WhistleReport, public_interest: bool, today: date) -> WhistleReport:
    """SM-8 row 3 and, when it is no misstand in the public interest, row 7 (R-118)."""
    report = _locked(actor, "whistleblower.report.assess", report)
    report.assessed_on = today
    report.public_interest = public_interest
    report.state = _step(report, "assessed", today)
    if not public_interest:
        report.state = _step(report, "not_a_misstand", today)
    _save(report, ["state", "assessed_on", "public_interest"], today)
    _audit_step(actor, "whistleblower.report.assessed", report, public_interest=public_interest)
    return report


@transaction.atomic
def follow_up(*, actor: Actor, report: WhistleReport, today: date) -> WhistleReport:
    """SM-8 row 4: the misstand is investigated (outside Werkvrede; the report keeps the date)."""
    report = _locked(actor, "whistleblower.report.follow_up", report)
    report.follow_up_on = today
    report.state = _step(report, "follow_up", today)
    _save(report, ["state", "follow_up_on"], today)
    _audit_step(actor, "whistleblower.report.followed_up", report)
    return report


@transaction.atomic
def feedback(*, actor: Actor, report: WhistleReport, text: str, today: date) -> WhistleReport:
    """SM-8 row 5, R-117: feedback to the melder (due T-21: 3 months after the acknowledgement)."""
    report = _locked(actor, "whistleblower.report.feedback", report)
    text = _text(text, "text")
    report.feedback_on = today
    report.state = _step(report, "feedback_given", today)
    _save(report, ["state", "feedback_on"], today)
    _write(actor, report, text, today)
    _audit_step(actor, "whistleblower.report.feedback_given", report)
    return report


@transaction.atomic
def close(*, actor: Actor, report: WhistleReport, today: date) -> WhistleReport:
    """SM-8 row 6: closed after the feedback (the retention term R-148 runs from today)."""
    report = _locked(actor, "whistleblower.report.close", report)
    report.closed_on = today
    report.state = _step(report, "close", today)
    _save(report, ["state", "closed_on"], today)
    _audit_step(actor, "whistleblower.report.closed", report)
    return report


# --- Routing a personal conflict, only with consent (R-118) ----------------------------------------


@transaction.atomic
def route_propose(*, actor: Actor, report: WhistleReport, target: str, today: date) -> WhistleReport:
    """The officer proposes where a purely personal conflict can go; nothing moves until the named
    melder consents (R-118). An anonymous melder is told the VP's own anonymous route instead."""
    report = _locked(actor, "whistleblower.report.route", report)
    if target not in RouteTarget.values:
        raise Invalid.of("target", _("Kies waarheen je de melder wilt doorverwijzen."))
    if report.anonymous and target == RouteTarget.CASE:
        raise Invalid.of(
            "target",
            _(
                "Een anonieme melder kan geen conflictzaak laten openen. Wijs op de vertrouwenspersoon: "
                "die is ook anoniem bereikbaar."
            ),
        )
    if target == RouteTarget.VP and not advisers_of(report.organisation_id):
        raise NotPossible(_("Deze organisatie heeft in Werkvrede geen vertrouwenspersoon."))
    report.route_target = target
    _save(report, ["route_target"], today)
    _audit_step(actor, "whistleblower.route.proposed", report, target=target)
    if not report.anonymous:
        _notify_melder(report)
    return report


def _route(report: WhistleReport, *, consent_id: int | None, today: date) -> None:
    """SM-8 row 8: refused without a consent record (R-118)."""
    if consent_id is None:
        raise NotPossible(_("Doorgeleiden kan alleen met de toestemming van de melder (R-118)."))
    report.route_consent_id = consent_id
    report.routed_on = today
    report.state = _step(report, "routed_with_consent", today)
    _save(report, ["state", "route_consent", "routed_on"], today)


@transaction.atomic
def route_consent(*, actor: Actor, report: WhistleReport, today: date) -> WhistleReport:
    """The named melder consents to the proposed routing (D20). The report is routed (SM-8 row 8);
    the conflict case or the VP's report is opened empty: it carries nothing of D18 (R-118)."""
    report = _locked(actor, "whistleblower.report.route_consent", report)
    target = report.route_target
    if target == RouteTarget.CASE and not actor.roles & {
        Role.EMPLOYEE,
        Role.LINE_MANAGER,
        Role.HR_ADVISER,
        Role.CASEMANAGER,
        Role.OCCUPATIONAL_PHYSICIAN,
    }:
        raise NotPossible(_("Je kunt in deze organisatie zelf geen conflictzaak laten openen."))
    consent = consent_give(
        actor=actor,
        data=ConsentInput(
            recipient_role=Role.HR_ADVISER.value
            if target == RouteTarget.CASE
            else Role.CONFIDENTIAL_ADVISER.value,
            recipient_membership_id=None,
            categories=(Category.D18.value,),
            purpose=_("Doorgeleiden van een persoonlijk conflict, zonder de inhoud van de melding (R-118)."),
            given_on=today,
        ),
    )
    _route(report, consent_id=consent.pk, today=today)
    if target == RouteTarget.CASE:
        case_signal(
            actor=actor,
            data=SignalInput(
                signalled_on=today,
                employee_membership_id=None,
                employee_name="",
                other_party_name="",
                other_party_membership_id=None,
                description="",
                description_visibility="PRIVATE",
            ),
        )
    else:
        vp_route_open(
            organisation_id=report.organisation_id, melder_id=actor.uid, channel="WHISTLEBLOWER", today=today
        )
    _audit_step(actor, "whistleblower.report.routed", report, target=target)
    return report


# --- Settings (R-115) -----------------------------------------------------------------------------


@transaction.atomic
def settings_save(*, actor: Actor, workers: int | None, procedure_adopted: bool, today: date) -> None:
    authorize(actor, "whistleblower.procedure.edit")
    ChannelSettings.objects.update_or_create(
        organisation_id=actor.organisation_id or 0,
        defaults={"workers": workers, "procedure_adopted": procedure_adopted, "updated_on": today},
    )
    audit.record_for(actor, "whistleblower.settings.saved", None, organisation_id=actor.organisation_id)


# --- E-mail and reminders ---------------------------------------------------------------------------


def _reference(report: WhistleReport) -> str:
    return ANONYMOUS_REFERENCE if report.anonymous else str(report.pk)


def _notify_officers(report: WhistleReport, kind: str) -> None:
    concerned = set(ConcernedPerson.objects.filter(report=report).values_list("user_id", flat=True))
    for user_id in officer_ids(report.organisation_id):
        if user_id in concerned:  # not even that a report exists
            continue
        mail_queue(
            kind=kind,
            reference=_reference(report),
            recipient_id=user_id,
            organisation_id=report.organisation_id,
            recipient_role=str(DO),
        )


def _notify_melder(report: WhistleReport) -> None:
    if report.melder_id is not None:  # an anonymous melder is never written to
        mail_queue(
            kind=MAIL_MESSAGE,
            reference=report.pk,
            recipient_id=report.melder_id,
            organisation_id=report.organisation_id,
        )


def reminders_enqueue(*, today: date) -> int:
    """Remind the officers of T-20 (2 days before) and T-21 (14 days before), and once more when
    overdue; each reminder once per report, deadline, due date, kind and officer (a unique key).
    Returns how many were queued."""
    created = 0
    open_reports = WhistleReport.objects.filter(
        state__in=[
            WhistleState.RECEIVED,
            WhistleState.ACKNOWLEDGED,
            WhistleState.ASSESSED,
            WhistleState.FOLLOW_UP,
        ]
    ).order_by("pk")
    for report in open_reports.iterator():
        concerned = set(ConcernedPerson.objects.filter(report=report).values_list("user_id", flat=True))
        for deadline in deadlines_of(report, today=today):
            if deadline.status not in ("DUE_SOON", "OVERDUE"):
                continue
            for user_id in officer_ids(report.organisation_id):
                if user_id in concerned:
                    continue
                key = f"wb:{report.pk}:{deadline.code}:{deadline.due}:{deadline.status}:{user_id}"
                try:
                    with transaction.atomic():
                        ReminderSent.objects.create(
                            key=key, organisation_id=report.organisation_id, sent_on=today
                        )
                        mail_queue(
                            kind=MAIL_REMINDER,
                            reference=_reference(report),
                            recipient_id=user_id,
                            organisation_id=report.organisation_id,
                            recipient_role=str(DO),
                        )
                except IntegrityError:
                    continue
                created += 1
    return created


SUBJECT_NEW = "Werkvrede: een melding wacht op ontvangstbevestiging / a report awaits acknowledgement"
SUBJECT_MESSAGE = "Werkvrede: een nieuw bericht / a new message"
SUBJECT_REMINDER = "Werkvrede: een termijn van het meldpunt loopt af / a reporting deadline is near"
BODY = (
    "Er staat iets voor je klaar in Werkvrede. Log in om het te lezen:\n{url}\n\n"
    "Something is waiting for you in Werkvrede. Log in to read it:\n{url}\n\n"
    "Deze e-mail bevat bewust niets van de inhoud.\n"
    "This e-mail deliberately holds nothing of its content.\n"
)
_SUBJECTS = {MAIL_NEW: SUBJECT_NEW, MAIL_MESSAGE: SUBJECT_MESSAGE, MAIL_REMINDER: SUBJECT_REMINDER}


def mail_render(outgoing: Outgoing) -> Rendered | None:
    """Only that something waits, and a link; never content, never whom it concerns (D18)."""
    if outgoing.reference == ANONYMOUS_REFERENCE:
        path = reverse("whistleblower:inbox")
    else:
        report = WhistleReport.objects.filter(pk=int(outgoing.reference)).first()
        if report is None:
            return None
        if outgoing.recipient_id == report.melder_id:
            path = reverse("whistleblower:mine")
        else:
            path = reverse("whistleblower:report", kwargs={"report_id": report.pk})
    url = settings.WERKVREDE_BASE_URL.rstrip("/") + path
    return Rendered(_SUBJECTS.get(outgoing.kind, SUBJECT_MESSAGE), BODY.format(url=url))


def mail_sent(outgoing: Outgoing) -> None:
    named = outgoing.reference != ANONYMOUS_REFERENCE
    audit.record(
        "whistleblower.report.notified",
        organisation_id=outgoing.organisation_id,
        user_id=outgoing.recipient_id,
        object_type="whistleblower.whistlereport" if named else "",
        object_id=outgoing.reference if named else "",
    )
