""" "Wat nu?" from mediation: the voluntariness question (R-070), documents to sign, a new referral for
the mediator (SOD-2), intakes to hold, consents asked of a party (CC-8) and sessions coming."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkvrede.cases.next_steps import CasePage
from werkvrede.core.actor import Actor
from werkvrede.core.next_steps import HORIZON_DAYS, NextStep
from werkvrede.core.policy import allowed
from werkvrede.mediation import policies as p
from werkvrede.mediation.models import (
    ACTIVE_STATES,
    Admission,
    AdmissionConsent,
    Mediation,
    MediationState,
    Session,
)
from werkvrede.mediation.selectors import (
    access_of,
    awaiting_signature,
    documents_for,
    mediations_for,
    steps_for,
)
from werkvrede.mediation.tracker import mediations_of_case


def _candidate_mediations(actor: Actor) -> list[Mediation]:
    # Someone asked to sign a confidentiality statement is a candidate, not yet in mediations_for.
    # The mediation is prefetched, not joined: most people have no admission, and the join cost
    # about as much to compile as the query took, on every start page (#18).
    seen = {m.pk: m for m in mediations_for(actor)}
    for admission in Admission.objects.filter(
        user_id=actor.user_id or 0,
        revoked_at__isnull=True,
        mediation__organisation_id=actor.organisation_id or 0,
    ).prefetch_related("mediation"):
        seen.setdefault(admission.mediation_id, admission.mediation)
    return [m for m in seen.values() if m.state in ACTIVE_STATES]


def mediation_steps(
    actor: Actor, *, today: date, case_id: int | None = None, case_page: CasePage | None = None
) -> list[NextStep]:
    # On a case page: only a running mediation of that case can ask something of the person, and most
    # cases have none; the page's tracker has read the case's mediations already (ADR 0201).
    if case_page is not None and not any(
        m.state in ACTIVE_STATES for m in mediations_of_case(case_page.access.case)
    ):
        return []
    out: list[NextStep] = []
    for mediation in _candidate_mediations(actor):
        if case_id is not None and mediation.case_id != case_id:
            continue
        access = access_of(actor, mediation)
        if not allowed(actor, "mediation.mediation.view", access):
            continue
        out += _steps_of(actor, access, today)
    return out


def _steps_of(actor: Actor, access: p.MediationAccess, today: date) -> list[NextStep]:
    mediation = access.mediation
    detail = reverse("mediation:detail", args=[mediation.pk])
    subject = {"subject": mediation.subject}
    out: list[NextStep] = []
    steps = steps_for(actor, access)
    party = access.party
    if "willingness" in steps and party is not None and party.willing is None:
        out.append(
            NextStep(
                kind="mediation.willingness",
                text=_("Zeg of je vrijwillig meedoet aan de mediation over “%(subject)s”.") % subject,
                url=detail + "#fase",
                button=_("Antwoord geven"),
                code="R-070",
                case_id=mediation.case_id,
                today=today,
            )
        )
    for doc in awaiting_signature(actor, documents_for(actor, access)):
        out.append(
            NextStep(
                kind="mediation.sign",
                text=_("Lees en onderteken: %(title)s.") % {"title": doc.display_title},
                url=reverse("mediation:document", args=[mediation.pk, doc.pk]),
                button=_("Lezen en ondertekenen"),
                case_id=mediation.case_id,
                today=today,
            )
        )
    if p.MEDIATOR in access.relations:
        if mediation.impartiality_declared_at is None and allowed(
            actor, "mediation.impartiality.declare", access
        ):
            out.append(
                NextStep(
                    kind="mediation.referral",
                    text=_("Nieuwe aanvraag: “%(subject)s”. Verklaar je onpartijdigheid en plan de intakes.")
                    % subject,
                    url=detail + "#mediator",
                    button=_("Aanvraag bekijken"),
                    code="SOD-2",
                    case_id=mediation.case_id,
                    today=today,
                )
            )
        elif mediation.state in (MediationState.REFERRED, MediationState.INTAKE) and "intake" in steps:
            out.append(
                NextStep(
                    kind="mediation.intake",
                    text=_("Houd de intakegesprekken voor “%(subject)s”.") % subject,
                    url=reverse("mediation:intake", args=[mediation.pk]),
                    button=_("Intake vastleggen"),
                    case_id=mediation.case_id,
                    today=today,
                )
            )
    if party is not None and allowed(actor, "mediation.admission.consent", access):
        consented = AdmissionConsent.objects.filter(party=party).values_list("admission_id", flat=True)
        for admission in (
            Admission.objects.filter(mediation=mediation, admitted_at__isnull=True, revoked_at__isnull=True)
            .exclude(pk__in=consented)
            .select_related("user")
        ):
            out.append(
                NextStep(
                    kind="mediation.admission_consent",
                    text=_("Stem je in met %(name)s als %(kind)s bij de mediation over “%(subject)s”?")
                    % {"name": admission.user.full_name, "kind": admission.get_kind_display(), **subject},
                    url=detail + "#toelating",
                    button=_("Instemming geven"),
                    code="CC-8",
                    case_id=mediation.case_id,
                    today=today,
                )
            )
    start = timezone.make_aware(datetime.combine(today, time.min))
    end = start + timedelta(days=HORIZON_DAYS + 1)
    sessions = Session.objects.filter(
        mediation=mediation, starts_at__gte=start, starts_at__lt=end, cancelled_at__isnull=True
    ).order_by("starts_at", "pk")
    for session in sessions:
        if p.MEDIATOR not in access.relations and actor.user_id not in session.participants:
            continue
        starts = timezone.localtime(session.starts_at)
        out.append(
            NextStep(
                kind="mediation.session",
                text=_("Mediationgesprek op %(when)s over “%(subject)s”.")
                % {"when": date_format(starts, "l j F H:i"), **subject},
                url=reverse("mediation:session", args=[mediation.pk, session.pk]),
                button=_("Gesprek bekijken"),
                due=starts.date(),
                case_id=mediation.case_id,
                today=today,
            )
        )
    return out
