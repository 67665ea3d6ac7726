"""Writes of the vertrouwenspersoon context: atomic, authorised, audited, every SM-6 step asked of the
guideline through the one gate (core.gate.decide)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from werkvrede.accounts.models import RoleGrant
from werkvrede.audit import services as audit
from werkvrede.confidential.categories import categories_of, category_codes
from werkvrede.confidential.facts import situation
from werkvrede.confidential.models import (
    AdviserProfile,
    Channel,
    ContactTally,
    Report,
    ReportCategory,
    ReportMessage,
    ReportState,
    Route,
    Side,
)
from werkvrede.confidential.policies import VP, ReceiptHolder, is_vp_of
from werkvrede.core import receipts
from werkvrede.core.actor import Actor
from werkvrede.core.gate import decide
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import Invalid, NotPossible
from werkvrede.vault.services import seal

MAIL_NEW = "confidential.report.new"
MAIL_MESSAGE = "confidential.report.message"
#: The longest message, in characters (a report is a story, not a file).
MESSAGE_MAX = 10_000
RECEIPT_DIGITS = receipts.RECEIPT_DIGITS
_RECEIPT_SALT = "werkvrede.confidential.receipt"
_CONCERNS_SALT = "werkvrede.confidential.concerns"

ANONYMOUS_REFERENCE = "anonymous"

Melder = Actor | ReceiptHolder


# --- The guideline -------------------------------------------------------------------------------


def _step(report: Report, event: str, today: date, *, new: bool = False) -> str:
    """Ask SM-6 for `event` from the report's state (or as its first row, `new`); return the target
    state or raise `Blocked`."""
    state = None if new else report.state
    return decide(
        situation(report),
        today=today,
        subject="vp_report",
        machine="SM-6",
        state=state,
        event=event,
        block=(),
    ).next_state


def _save(report: Report, fields: list[str], today: date) -> None:
    report.last_activity_on = today
    report.save(update_fields=[*fields, "last_activity_on"])


# --- Opening a report ------------------------------------------------------------------------------


def _text(text: str, field: str = "message") -> str:
    text = (text or "").strip()
    if not text:
        raise Invalid.of(field, _("Schrijf je bericht aan de vertrouwenspersoon."))
    if len(text) > MESSAGE_MAX:
        raise Invalid.of(
            field,
            _(
                "Je bericht is %(n)s tekens; het mag er %(max)s zijn. Maak het korter of verdeel "
                "het over twee berichten."
            )
            % {"n": len(text), "max": MESSAGE_MAX},
        )
    return text


def _require_registration_consent(consent: bool) -> None:
    if not consent:
        raise Invalid.of(
            "registration_consent",
            _(
                "Geef toestemming om je melding vast te leggen (CC-9), anders kan de vertrouwenspersoon "
                "niets bewaren. Je kunt de vertrouwenspersoon ook bellen of mailen zonder iets vast "
                "te leggen."
            ),
        )


def _tally(organisation_id: int, day: date) -> None:
    """SM-6 row 1: count the contact (the only trace before consent)."""
    updated = ContactTally.objects.filter(organisation_id=organisation_id, day=day).update(
        count=F("count") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                ContactTally.objects.create(organisation_id=organisation_id, day=day, count=1)
        except IntegrityError:
            ContactTally.objects.filter(organisation_id=organisation_id, day=day).update(count=F("count") + 1)


def _new(organisation_id: int, channel: str, today: date, melder_id: int | None = None) -> Report:
    report = Report(organisation_id=organisation_id, channel=channel, opened_on=today, last_activity_on=today)
    report.melder_id = melder_id
    report.state = _step(report, "melder_contacts_vp", today, new=True)
    return report


def _intake(report: Report, today: date) -> None:
    """SM-6 row 2 with its guard: confidentiality and its limits explained (R-103, R-104), consent to
    register (CC-9). Callers have checked each; the guideline checks R-104 again."""
    report.intake_on = today
    report.confidentiality_explained = True
    report.privilege_limits_explained = True
    report.registration_consent_on = today
    report.state = _step(report, "intake", today)


def _add_message(actor: Any, report: Report, side: str, text: str, today: date) -> ReportMessage:
    sealed = seal(
        actor=actor,
        organisation_id=report.organisation_id,
        compartment="D15",
        plaintext=text,
        day_only=report.is_anonymous,
    )
    return ReportMessage.objects.create(
        report=report, side=side, author_id=actor.user_id, sealed=sealed, written_on=today
    )


@transaction.atomic
def report_write(*, actor: Actor, message: str, registration_consent: bool, today: date) -> Report:
    """A named melder writes to the vertrouwenspersoon from Werkvrede (channel NAMED).

    The page shows the confidentiality text and its limits (R-103, R-104); the melder's tick is the
    consent to register (CC-9), so the report starts at INTAKE with their message in it.
    """
    authorize(actor, "confidential.mine.open")
    text = _text(message)
    _require_registration_consent(registration_consent)
    organisation_id = actor.organisation_id or 0
    if not vp_user_ids(organisation_id):
        raise NotPossible(_("Je organisatie heeft in Werkvrede nog geen vertrouwenspersoon."))
    _tally(organisation_id, today)
    report = _new(organisation_id, Channel.NAMED, today, melder_id=actor.uid)
    _intake(report, today)
    report.save()
    _add_message(actor, report, Side.MELDER, text, today)
    audit.record_for(actor, "confidential.report.opened", report, legal_basis="CC-9")
    _notify_vps(report, MAIL_NEW)
    return report


def route_open(*, organisation_id: int, melder_id: int, channel: str, today: date) -> None:
    """R-100 (the melder chose the VP on a case) or R-077 (a mediation paused for the VP): a report in
    CONTACT on the VP's side only, no content, and a notice to the VPs. The case learns nothing back."""
    if not vp_user_ids(organisation_id):
        return
    existing = Report.objects.filter(
        organisation_id=organisation_id, melder_id=melder_id, state=ReportState.CONTACT, channel=channel
    ).exists()
    if existing:
        return
    _tally(organisation_id, today)
    report = _new(organisation_id, channel, today, melder_id=melder_id)
    report.save()
    audit.record(
        "confidential.report.opened",
        organisation_id=organisation_id,
        object_type="confidential.report",
        object_id=str(report.pk),
        data={"channel": channel},
    )
    _notify_vps(report, MAIL_NEW)


@transaction.atomic
def contact_record(*, actor: Actor, today: date) -> None:
    """The VP notes a contact (a call, a walk-in) that is not registered: only the count (SM-6 row 1)."""
    authorize(actor, "confidential.inbox.open")
    _tally(actor.organisation_id or 0, today)
    audit.record_for(actor, "confidential.contact.counted", None, organisation_id=actor.organisation_id)


# --- Anonymous reports -----------------------------------------------------------------------------


def receipt_digest(code: str) -> str:
    return receipts.receipt_digest(_RECEIPT_SALT, code)


receipt_format = receipts.receipt_format


def _new_receipt() -> tuple[str, str]:
    return receipts.new_receipt(
        _RECEIPT_SALT, lambda digest: Report.objects.filter(receipt_digest=digest).exists()
    )


@transaction.atomic
def anonymous_report(*, organisation_id: int, category: str, message: str, today: date) -> tuple[Report, str]:
    """An anonymous report (no log-in): returns the report and its receipt code, shown once.

    Submitting is the consent to register (CC-9; the page explains it and the limits, R-103, R-104).
    Stored: the day, the category, the sealed message and the receipt's digest — no name, no address,
    no time of day. The audit event names the organisation only, not the report, so that its time
    cannot be joined to it.
    """
    text = _text(message)
    codes = category_codes(organisation_id)
    if category and category not in codes:
        raise Invalid.of("category", _("Kies een van de onderwerpen uit de lijst."))
    if not vp_user_ids(organisation_id):
        raise NotPossible(_("Deze organisatie heeft in Werkvrede nog geen vertrouwenspersoon."))
    receipt, digest = _new_receipt()
    _tally(organisation_id, today)
    report = _new(organisation_id, Channel.ANONYMOUS, today)
    report.receipt_digest = digest
    report.category = category
    _intake(report, today)
    report.save()
    holder = ReceiptHolder(organisation_id=organisation_id, report_id=report.pk)
    _add_message(holder, report, Side.MELDER, text, today)
    audit.record("confidential.report.received_anonymous", organisation_id=organisation_id)
    _notify_vps(report, MAIL_NEW)
    return report, receipt


def receipt_holder(code: str) -> ReceiptHolder | None:
    """The holder of a receipt code, or None. Compared in constant time (R-103: no oracle)."""
    digest = receipt_digest(code)
    report = (
        Report.objects.filter(receipt_digest=digest, channel=Channel.ANONYMOUS)
        .exclude(state=ReportState.DOSSIER_DESTROYED)
        .first()
    )
    if report is None or not constant_time_compare(report.receipt_digest, digest):
        return None
    return ReceiptHolder(organisation_id=report.organisation_id, report_id=report.pk)


# --- Messages and steps ----------------------------------------------------------------------------


@transaction.atomic
def message_write(
    *, actor: Melder, report: Report, text: str, today: date, registration_consent: bool = False
) -> ReportMessage:
    """The melder or the VP writes in the report (D15, sealed). On a report still at CONTACT (opened
    by the R-100 choice or a mediator's pause), the melder's first message needs the consent to
    register (CC-9) and is the intake; the VP can write only after it."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.message.write", report)  # type: ignore[arg-type]
    text = _text(text)
    vp = is_vp_of(actor, report)
    if report.state == ReportState.CONTACT:
        if vp:
            raise NotPossible(
                _(
                    "Leg eerst de intake vast: geheimhouding en de grenzen ervan uitgelegd, en "
                    "toestemming om vast te leggen (CC-9)."
                )
            )
        _require_registration_consent(registration_consent)
        _intake(report, today)
        _save(
            report,
            [
                "state",
                "intake_on",
                "confidentiality_explained",
                "privilege_limits_explained",
                "registration_consent_on",
            ],
            today,
        )
    else:
        _save(report, [], today)
    message = _add_message(actor, report, Side.VP if vp else Side.MELDER, text, today)
    # The anonymous melder's reply is dated to the day like the report: its event does not name the
    # message, so that no exact time is joined to it (as for the submission).
    unnamed = report.is_anonymous and not vp
    audit.record(
        "confidential.message.written",
        organisation_id=report.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="" if unnamed else "confidential.reportmessage",
        object_id="" if unnamed else str(message.pk),
        legal_basis="D15",
        data={"side": message.side},
    )
    _notify(report, to_melder=vp)
    return message


@transaction.atomic
def intake_record(
    *,
    actor: Actor,
    report: Report,
    confidentiality_explained: bool,
    privilege_limits_explained: bool,
    registration_consent: bool,
    today: date,
) -> Report:
    """SM-6 row 2 by the VP after a conversation: each of the three must be confirmed."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.report.manage", report)
    errors: dict[str, tuple[str, ...]] = {}
    if not confidentiality_explained:
        errors["confidentiality_explained"] = (
            _("Leg uit wat geheimhouding betekent en wanneer die kan wijken (R-103)."),
        )
    if not privilege_limits_explained:
        errors["privilege_limits_explained"] = (
            _(
                "Leg uit dat de vertrouwenspersoon geen verschoningsrecht heeft: een rechter kan "
                "getuigenis eisen (R-104)."
            ),
        )
    if not registration_consent:
        errors["registration_consent"] = (
            _("Zonder toestemming van de melder (CC-9) wordt niets vastgelegd."),
        )
    if errors:
        raise Invalid(errors)
    if report.state != ReportState.CONTACT:
        raise NotPossible(_("De intake is al vastgelegd."))
    _intake(report, today)
    _save(
        report,
        [
            "state",
            "intake_on",
            "confidentiality_explained",
            "privilege_limits_explained",
            "registration_consent_on",
        ],
        today,
    )
    audit.record_for(actor, "confidential.report.intake", report, legal_basis="CC-9")
    return report


@transaction.atomic
def category_record(*, actor: Actor, report: Report, category: str, today: date) -> Report:
    """SM-6 row 3: the VP listened and informed; the category is recorded (R-106)."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.report.manage", report)
    if category not in category_codes(report.organisation_id):
        raise Invalid.of("category", _("Kies een van de categorieën van je organisatie."))
    if report.state == ReportState.ADVICE:
        report.category = category  # a correction while advising
        _save(report, ["category"], today)
    else:
        report.state = _step(report, "vp_listens", today)
        report.category = category
        _save(report, ["state", "category"], today)
    audit.record_for(actor, "confidential.report.categorised", report, data={"category": category})
    return report


ROUTE_EVENTS = {Route.INFORMAL: "informal_route", Route.FORMAL_COMPLAINT: "formal_complaint"}


@transaction.atomic
def route_record(*, actor: Actor, report: Report, route: str, today: date) -> Report:
    """SM-6 rows 4 and 6: the melder chooses the informal route (the VP supports, never chairs: R-064)
    or a formal complaint (the VP supports). A referral is its own step (`referral_make`)."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.report.manage", report)
    if route not in ROUTE_EVENTS:
        raise Invalid.of("route", _("Kies de informele weg of een formele klacht."))
    report.state = _step(report, ROUTE_EVENTS[Route(route)], today)
    report.route = route
    _save(report, ["state", "route"], today)
    audit.record_for(actor, "confidential.report.route_chosen", report, data={"route": route})
    return report


@transaction.atomic
def aftercare_start(*, actor: Actor, report: Report, today: date) -> Report:
    """SM-6 row 8."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.report.manage", report)
    report.state = _step(report, "follow_up", today)
    _save(report, ["state"], today)
    audit.record_for(actor, "confidential.report.aftercare", report)
    return report


@transaction.atomic
def report_close(*, actor: Actor, report: Report, today: date) -> Report:
    """SM-6 row 9. The dossier is kept until the annual report, then destroyed (R-107, R-145)."""
    report = Report.objects.select_for_update(no_key=True).get(pk=report.pk)
    authorize(actor, "confidential.report.manage", report)
    report.state = _step(report, "close", today)
    report.closed_on = today
    _save(report, ["state", "closed_on"], today)
    audit.record_for(actor, "confidential.report.closed", report)
    return report


# --- E-mail: links only, never a word of the report -------------------------------------------------


def vp_user_ids(organisation_id: int) -> list[int]:
    return list(
        RoleGrant.objects.filter(
            role=VP,
            membership__organisation_id=organisation_id,
            membership__is_active=True,
            membership__user__is_active=True,
        )
        .values_list("membership__user_id", flat=True)
        .distinct()
    )


def _reference(report: Report) -> str:
    # The outbox keeps the time it queued a mail: for an anonymous report it names the inbox, not the
    # report, so that no exact time is joined to it.
    return ANONYMOUS_REFERENCE if report.is_anonymous else str(report.pk)


def _notify_vps(report: Report, kind: str) -> None:
    for user_id in vp_user_ids(report.organisation_id):
        mail_queue(
            kind=kind,
            reference=_reference(report),
            recipient_id=user_id,
            organisation_id=report.organisation_id,
            recipient_role=str(VP),
        )


def _notify(report: Report, *, to_melder: bool) -> None:
    if not to_melder:
        _notify_vps(report, MAIL_MESSAGE)
    elif report.melder_id is not None:  # an anonymous melder is never written to
        mail_queue(
            kind=MAIL_MESSAGE,
            reference=report.pk,
            recipient_id=report.melder_id,
            organisation_id=report.organisation_id,
        )


SUBJECT_NEW = (
    "Werkvrede: een nieuwe melding voor de vertrouwenspersoon / a new report for the confidential adviser"
)
SUBJECT_MESSAGE = "Werkvrede: een nieuw bericht / a new message"
BODY = (
    "Er staat iets nieuws voor je klaar in Werkvrede. Log in om het te lezen:\n{url}\n\n"
    "Something new is waiting for you in Werkvrede. Log in to read it:\n{url}\n\n"
    "Deze e-mail bevat bewust niets van de inhoud.\n"
    "This e-mail deliberately holds nothing of its content.\n"
)


def mail_render(outgoing: Outgoing) -> Rendered | None:
    if outgoing.reference == ANONYMOUS_REFERENCE:
        path = reverse("confidential:inbox")
    else:
        report = Report.objects.filter(pk=int(outgoing.reference)).first()
        if report is None or report.state == ReportState.DOSSIER_DESTROYED:
            return None
        path = reverse("confidential:report", kwargs={"report_id": report.pk})
    url = settings.WERKVREDE_BASE_URL.rstrip("/") + path
    subject = SUBJECT_NEW if outgoing.kind == MAIL_NEW else SUBJECT_MESSAGE
    return Rendered(subject, BODY.format(url=url))


def mail_sent(outgoing: Outgoing) -> None:
    named = outgoing.reference != ANONYMOUS_REFERENCE
    audit.record(
        "confidential.report.notified",
        organisation_id=outgoing.organisation_id,
        user_id=outgoing.recipient_id,
        object_type="confidential.report" if named else "",
        object_id=outgoing.reference if named else "",
    )


# --- The VP's settings ----------------------------------------------------------------------------


@transaction.atomic
def profile_save(*, actor: Actor, contact: str, external: bool) -> None:
    """How employees reach this VP (R-109: internal or external)."""
    authorize(actor, "confidential.settings.manage")
    AdviserProfile.objects.update_or_create(
        organisation_id=actor.organisation_id or 0,
        user_id=actor.uid,
        defaults={"contact": contact.strip()[:500], "external": external},
    )
    audit.record_for(actor, "confidential.profile.saved", None, organisation_id=actor.organisation_id)


def _code_of(label: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in label.upper()).strip("_")[:40] or "CATEGORY"


@transaction.atomic
def category_add(*, actor: Actor, label: str, label_en: str) -> ReportCategory:
    """R-106: the organisation adds its own category."""
    authorize(actor, "confidential.settings.manage")
    organisation_id = actor.organisation_id or 0
    label = label.strip()
    if not label:
        raise Invalid.of("label", _("Geef de categorie een naam."))
    existing = categories_of(organisation_id, active_only=False)
    if any(c.label.casefold() == label.casefold() for c in existing):
        raise Invalid.of("label", _("Deze categorie bestaat al."))
    code, n = _code_of(label), 2
    while any(c.code == code for c in existing):
        code, n = f"{_code_of(label)[:37]}_{n}", n + 1
    category = ReportCategory.objects.create(
        organisation_id=organisation_id,
        code=code,
        label=label,
        label_en=label_en.strip(),
        position=max((c.position for c in existing), default=0) + 1,
    )
    audit.record_for(actor, "confidential.category.added", category, data={"code": code})
    return category


@transaction.atomic
def category_toggle(*, actor: Actor, category_id: int) -> ReportCategory:
    """Switch a category off (past reports keep it) or on again."""
    authorize(actor, "confidential.settings.manage")
    category = ReportCategory.objects.filter(
        pk=category_id, organisation_id=actor.organisation_id or 0
    ).first()
    if category is None:
        raise NotPossible(_("Deze categorie bestaat niet (meer)."))
    if category.active and len(categories_of(category.organisation_id)) == 1:
        raise NotPossible(_("Er moet ten minste één categorie overblijven."))
    category.active = not category.active
    category.save(update_fields=["active"])
    audit.record_for(actor, "confidential.category.toggled", category, data={"active": category.active})
    return category
