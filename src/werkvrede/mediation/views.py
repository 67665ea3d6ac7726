"""Pages of the mediation context. Thin: forms validate, selectors read, services write.

What a person sees depends on their relation to the mediation (policies.py): the mediator and the
parties see the content (D11 P), admitted supporters/lawyers what the permission matrix (docs/rules.md)
gives them, the referrer and the people of the case only "started on / ended on" (D14 N, R-084).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from werkvrede.accounts.models import User
from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import allowed, authorize, hidden
from werkvrede.core.refusals import Refusal, refusal_context
from werkvrede.core.roles import Role
from werkvrede.documents.services import download_response, pending_signers
from werkvrede.mediation import forms as f
from werkvrede.mediation import policies as p
from werkvrede.mediation import selectors, services, termination
from werkvrede.mediation.invitations import session_ics
from werkvrede.mediation.models import MediationParty, MediationState
from werkvrede.mediation.selectors import MEDIATION, TERMINATION
from werkvrede.mediation.tracker import mediation_steps


def document_body(html: str) -> SafeString:
    """The body of a rendered document, shown inside the page.

    Safe: the documents app renders it from its own templates with autoescaping, so every value of the
    content is escaped already.
    """
    match = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    body = match.group(1) if match else ""
    # The page has its own landmarks: the document's become plain blocks.
    body = re.sub(r"<(/?)(main|header|footer)\b", r"<\1div", body)
    return mark_safe(body)  # noqa: S308


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


def _today() -> date:
    return timezone.localdate()


def _members(actor: Actor, *, role: Role | None = None) -> list[User]:
    rows = User.objects.filter(
        memberships__organisation_id=actor.organisation_id or 0, memberships__is_active=True
    )
    if role is not None:
        rows = rows.filter(memberships__grants__role=role)
    return list(rows.distinct().order_by("full_name"))


# --- Lists and referral ---------------------------------------------------------------------------


@requires("mediation.mediation.list")
def mediation_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    rows = [{"mediation": m, "notice": selectors.status_notice(m)} for m in selectors.mediations_for(actor)]
    return render(
        request,
        "mediation/list.html",
        {"rows": rows, "can_create": allowed(actor, "mediation.mediation.create_direct")},
    )


@requires("mediation.case_section.view", on=CASE)
def case_section(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    """The case's Mediation tab: status only (D14 "N", R-084); links for those who take part."""
    actor = _actor(request)
    rows: list[dict[str, Any]] = []
    for mediation in selectors.mediations_of_case(access.case):
        related = selectors.access_of(actor, mediation)
        rows.append(
            {
                "notice": selectors.status_notice(mediation),
                "mediation": mediation,
                "can_open": bool(related.relations - {p.CASE}),
            }
        )
    context = {
        "case": access.case,
        "rows": rows,
        "terminations": selectors.terminations_of_case(actor, access.case),
        "can_refer": allowed(actor, "mediation.mediation.refer", access),
        "can_terminate": allowed(actor, "mediation.termination.create", access),
    }
    return render(request, "mediation/case_section.html", context)


def _referral_form(request: HttpRequest, actor: Actor) -> f.ReferralForm:
    return f.ReferralForm(
        request.POST or None, users=_members(actor), mediators=_members(actor, role=Role.MEDIATOR)
    )


def _referral_input(form: f.ReferralForm, referral_id: int | None = None) -> services.ReferralInput:
    return services.ReferralInput(
        subject=form.cleaned_data["subject"],
        parties=[services.PartyInput(uid, side) for uid, side in form.parties()],
        mediator_id=form.cleaned_data.get("mediator"),
        referral_id=referral_id,
        invited=[services.InvitedParty(pk, email) for pk, email in form.invited()],
    )


@requires("mediation.mediation.refer", on=CASE)
def refer(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    case_id = access.case.pk
    # The case's own people, filled in from the case: never the whole staff list.
    form = f.ReferralForm(
        request.POST or None,
        users=selectors.case_people(access.case),
        mediators=_members(actor, role=Role.MEDIATOR),
        initial=selectors.case_party_initial(access.case),
        without_account=selectors.case_parties_to_invite(access.case),
    )
    referrals = selectors.open_referrals(access.case)
    context: dict[str, Any] = {
        "case": access.case,
        "form": form,
        "referrals": referrals,
        "without_account": selectors.case_parties_without_account(access.case),
        "can_invite": allowed(actor, "accounts.people.view"),
    }
    if request.method == "POST" and form.is_valid():
        referral = request.POST.get("referral_id")
        try:
            mediation = services.mediation_refer(
                actor=actor,
                case_id=case_id,
                data=_referral_input(form, int(referral) if referral and referral.isdigit() else None),
                today=_today(),
            )
        except Refusal as exc:
            context.update(refusal_context(exc))
        else:
            messages.success(request, _("De zaak is verwezen naar mediation."))
            return redirect("mediation:detail", mediation_id=mediation.pk)
    return render(request, "mediation/refer.html", context)


@requires("mediation.mediation.create_direct")
def create_direct(request: HttpRequest) -> HttpResponseBase:
    actor = _actor(request)
    form = _referral_form(request, actor)
    context: dict[str, Any] = {"case": None, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            mediation = services.mediation_create_direct(
                actor=actor, data=_referral_input(form), today=_today()
            )
        except Refusal as exc:
            context.update(refusal_context(exc))
        else:
            messages.success(request, _("De mediation is aangemaakt."))
            return redirect("mediation:detail", mediation_id=mediation.pk)
    return render(request, "mediation/refer.html", context)


# --- The mediation page and its simple steps ------------------------------------------------------


def _detail_context(actor: Actor, access: p.MediationAccess) -> dict[str, Any]:
    mediation = access.mediation
    content = allowed(actor, "mediation.content.read", access)
    # The mediator and the parties see every admission; their documents are read with those ids.
    admissions = (
        selectors.admissions_of(mediation) if content and access.relations & {p.MEDIATOR, p.PARTY} else None
    )
    documents = selectors.documents_for(actor, access, admissions=admissions)
    manage = allowed(actor, "mediation.mediation.manage", access)
    steps = selectors.steps_for(actor, access)
    context: dict[str, Any] = {
        "steps": steps,
        "open_events": selectors.open_events_of(mediation),
        "mediation": mediation,
        "reference": services.reference(mediation),
        "notice": selectors.status_notice(mediation),
        "content": content,
        "relations": access.relations,
        "documents": documents,
        "to_sign": selectors.awaiting_signature(actor, documents),
        "manage": manage,
        "can_declare": allowed(actor, "mediation.impartiality.declare", access)
        and mediation.impartiality_declared_at is None,
        "party": access.party,
        "can_request_admission": allowed(actor, "mediation.admission.request", access) and mediation.active,
        # A party of a mediation without a case brings a supporter here (ADR 0040).
        "can_have_supporter": allowed(actor, "supporters.mediation_section.view", access),
    }
    if content:
        context.update(
            parties=selectors.parties_of(mediation),
            invited=selectors.invited_parties(mediation),
            sessions=selectors.sessions_for(actor, access),
            admissions=[
                (a, allowed(actor, "mediation.admission.revoke", p.AdmissionTarget(access, a)))
                for a in admissions or []
            ],
            track_form=f.TrackForm(initial={"track": mediation.track}),
            party_messages=selectors.messages_for(actor, access),
            tracker=mediation_steps(mediation),
        )
    return context


_STEPS = {
    "declare": "mediation.impartiality.declare",
    "willing": "mediation.willingness.record",
    "unwilling": "mediation.willingness.record",
    "track": "mediation.mediation.manage",
    "pause": "mediation.mediation.manage",
    "resume": "mediation.mediation.manage",
    "consent": "mediation.admission.consent",
    "revoke": "mediation.admission.revoke",
}


@requires("mediation.mediation.view", on=MEDIATION)
def detail(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    actor = _actor(request)
    mediation_id = access.mediation.pk
    context = _detail_context(actor, access)
    if request.method == "POST":
        step = request.POST.get("step", "")
        action = _STEPS.get(step)
        if action is None:
            raise hidden(actor, "mediation.mediation.manage", access.mediation)
        authorize(actor, action, access)
        try:
            _do_step(actor, access, step, request.POST)
        except Refusal as exc:
            context.update(refusal_context(exc))
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect("mediation:detail", mediation_id=mediation_id)
    return render(request, "mediation/detail.html", context)


def _do_step(actor: Actor, access: p.MediationAccess, step: str, post: Any) -> None:
    mid, today = access.mediation.pk, _today()
    if step == "declare":
        services.impartiality_declare(actor=actor, mediation_id=mid, today=today)
    elif step in ("willing", "unwilling"):
        services.willingness_record(actor=actor, mediation_id=mid, willing=step == "willing", today=today)
    elif step == "track":
        services.track_set(actor=actor, mediation_id=mid, track=post.get("track", ""), today=today)
    elif step == "pause":
        services.pause_for_vp(actor=actor, mediation_id=mid, today=today)
    elif step == "resume":
        services.resume_after_vp(actor=actor, mediation_id=mid, today=today)
    elif step == "consent":
        services.admission_consent(
            actor=actor, mediation_id=mid, admission_id=int(post.get("admission", 0) or 0), today=today
        )
    elif step == "revoke":
        services.admission_revoke(actor=actor, user_id=int(post.get("user", 0) or 0), mediation_id=mid)


# --- Forms of the mediator ------------------------------------------------------------------------


def _form_page(
    request: HttpRequest, access: p.MediationAccess, template: str, build: Any, save: Any
) -> HttpResponseBase:
    actor = _actor(request)
    mediation_id = access.mediation.pk
    form = build(access, request.POST or None)
    context: dict[str, Any] = {
        "mediation": access.mediation,
        "reference": services.reference(access.mediation),
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        try:
            save(actor, access, form, request.POST)
        except Refusal as exc:
            context.update(refusal_context(exc))
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect("mediation:detail", mediation_id=mediation_id)
    return render(request, template, context)


def _parties(access: p.MediationAccess) -> list[MediationParty]:
    return selectors.parties_of(access.mediation)


@requires("mediation.mediation.manage", on=MEDIATION)
def intake(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk

    def save(actor: Actor, access: p.MediationAccess, form: f.IntakeForm, post: Any) -> None:
        d = form.cleaned_data
        services.intake_record(
            actor=actor,
            mediation_id=mediation_id,
            data=services.IntakeInput(d["party"], d["held_on"], d["positions"], d["interests"], d["causes"]),
            today=_today(),
        )

    return _form_page(
        request, access, "mediation/intake.html",
        lambda access, data: f.IntakeForm(data, parties=_parties(access)), save,
    )  # fmt: skip


@requires("mediation.content.read", on=MEDIATION)
def intakes(request: HttpRequest, access: p.MediationAccess) -> HttpResponse:
    """The intake records one may read (audited): all for the mediator, one's own for a party."""
    actor = _actor(request)
    return render(
        request,
        "mediation/intakes.html",
        {
            "mediation": access.mediation,
            "reference": services.reference(access.mediation),
            "intakes": selectors.intakes_for(actor, access),
        },
    )


@requires("mediation.mediation.manage", on=MEDIATION)
def agreement(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk

    def save(actor: Actor, access: p.MediationAccess, form: f.AgreementForm, post: Any) -> None:
        services.agreement_draft(
            actor=actor,
            mediation_id=mediation_id,
            data=services.AgreementInput(**form.cleaned_data),
            today=_today(),
            acknowledged=post.getlist("acknowledged"),
        )

    return _form_page(
        request, access, "mediation/agreement.html",
        lambda access, data: f.AgreementForm(data), save,
    )  # fmt: skip


def _session_people(access: p.MediationAccess) -> list[User]:
    mediation = access.mediation
    users = [party.user for party in selectors.parties_of(mediation)]
    users += [a.user for a in selectors.admissions_of(mediation) if a.revoked_at is None]
    return users


@requires("mediation.mediation.manage", on=MEDIATION)
def session_new(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk

    def save(actor: Actor, access: p.MediationAccess, form: f.SessionForm, post: Any) -> None:
        d = form.cleaned_data
        services.session_plan(
            actor=actor,
            mediation_id=mediation_id,
            data=services.SessionInput(d["starts_at"], d["duration_minutes"], d["participants"]),
            today=_today(),
        )

    return _form_page(
        request, access, "mediation/session_new.html",
        lambda access, data: f.SessionForm(data, people=_session_people(access)), save,
    )  # fmt: skip


@requires("mediation.session.invitation", on=MEDIATION)
def session_detail(request: HttpRequest, access: p.MediationAccess, session_id: int) -> HttpResponseBase:
    actor = _actor(request)
    mediation_id = access.mediation.pk
    session = selectors.session_get(actor, access, session_id)
    manage = allowed(actor, "mediation.mediation.manage", access)
    form = f.NoteForm(request.POST or None) if manage else None
    context: dict[str, Any] = {"mediation": access.mediation, "session": session, "form": form}
    if request.method == "POST":
        authorize(actor, "mediation.mediation.manage", access)
        if form is not None and form.is_valid():
            try:
                services.session_note_add(
                    actor=actor,
                    mediation_id=mediation_id,
                    session_id=session_id,
                    text=form.cleaned_data["text"],
                    today=_today(),
                )
            except Refusal as exc:
                context.update(refusal_context(exc))
            else:
                return redirect("mediation:session", mediation_id=mediation_id, session_id=session_id)
    context["notes"] = selectors.session_notes(actor, access, session)
    return render(request, "mediation/session.html", context)


@requires("mediation.session.invitation", on=MEDIATION)
def session_ics_download(request: HttpRequest, access: p.MediationAccess, session_id: int) -> HttpResponse:
    actor = _actor(request)
    session = selectors.session_get(actor, access, session_id)
    response = HttpResponse(session_ics(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="werkvrede-gesprek-{session.pk}.ics"'
    response["Cache-Control"] = "no-store"
    return response


@requires("mediation.mediation.manage", on=MEDIATION)
def message_new(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    """R-083: a message of the mediator; to only some parties, the guidance is shown before it is sent."""
    mediation_id = access.mediation.pk

    def save(actor: Actor, access: p.MediationAccess, form: f.MessageForm, post: Any) -> None:
        d = form.cleaned_data
        services.party_message_send(
            actor=actor, mediation_id=mediation_id, recipient_ids=d["recipients"], text=d["text"],
            today=_today(), acknowledged=post.getlist("acknowledged"),
        )  # fmt: skip

    return _form_page(
        request, access, "mediation/message_new.html",
        lambda access, data: f.MessageForm(data, parties=_parties(access)), save,
    )  # fmt: skip


@requires("mediation.mediation.manage", on=MEDIATION)
def outcome(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk

    def save(actor: Actor, access: p.MediationAccess, form: f.OutcomeForm, post: Any) -> None:
        d = form.cleaned_data
        services.outcome_draft(
            actor=actor,
            mediation_id=mediation_id,
            data=services.OutcomeInput(
                kind=d["kind"],
                points=d["points"].splitlines(),
                ends_mediation=d["ends_mediation"],
                ended_on=d.get("ended_on"),
                place=d.get("place", ""),
                employment_ends_on=d.get("employment_ends_on"),
            ),
            today=_today(),
        )

    return _form_page(
        request, access, "mediation/outcome.html",
        lambda access, data: f.OutcomeForm(data), save,
    )  # fmt: skip


@requires("mediation.admission.request", on=MEDIATION)
def admission_new(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk
    actor = _actor(request)

    def build(access: p.MediationAccess, data: Any) -> f.AdmissionForm:
        parties = _parties(access)
        if access.party is not None and p.MEDIATOR not in access.relations:
            parties = [access.party]
        taken = {party.user_id for party in _parties(access)} | {access.mediation.mediator_id}
        users = [u for u in _members(actor) if u.pk not in taken]
        return f.AdmissionForm(data, users=users, parties=parties)

    def save(actor: Actor, access: p.MediationAccess, form: f.AdmissionForm, post: Any) -> None:
        d = form.cleaned_data
        services.admission_request(
            actor=actor, mediation_id=mediation_id, user_id=d["user"], kind=d["kind"],
            for_party_id=d["for_party"], today=_today(),
        )  # fmt: skip

    return _form_page(request, access, "mediation/admission_new.html", build, save)


# --- Endings: written statements, confirmed before they are made ----------------------------------


@requires("mediation.party.withdraw", on=MEDIATION)
def withdraw(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk

    def save(actor: Actor, access: p.MediationAccess, form: f.SignForm, post: Any) -> None:
        services.party_withdraw(
            actor=actor, mediation_id=mediation_id, typed_name=form.cleaned_data["typed_name"], today=_today()
        )

    return _form_page(
        request, access, "mediation/withdraw.html",
        lambda access, data: f.SignForm(data), save,
    )  # fmt: skip


@requires("mediation.mediation.manage", on=MEDIATION)
def end(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    mediation_id = access.mediation.pk
    """The mediator ends the mediation (before an outcome), or confirms the end after a signed outcome."""

    def save(actor: Actor, access: p.MediationAccess, form: f.EndForm, post: Any) -> None:
        d = form.cleaned_data
        if access.mediation.state == MediationState.OUTCOME_SIGNED:
            services.end_confirm(
                actor=actor, mediation_id=mediation_id, ended_on=d["ended_on"], typed_name=d["typed_name"],
                today=_today(),
            )  # fmt: skip
        else:
            services.mediator_end(
                actor=actor, mediation_id=mediation_id, typed_name=d["typed_name"], today=_today()
            )

    return _form_page(
        request, access, "mediation/end.html",
        lambda access, data: f.EndForm(data, initial={"ended_on": _today()}), save,
    )  # fmt: skip


# --- Documents ------------------------------------------------------------------------------------


@requires("mediation.mediation.view", on=MEDIATION)
def document(request: HttpRequest, access: p.MediationAccess, document_id: int) -> HttpResponseBase:
    """A document inline, with the signing form for a signer who has not signed yet."""
    from werkvrede.documents.services import render_html

    actor = _actor(request)
    mediation_id = access.mediation.pk
    doc = selectors.document_get(actor, access, document_id)
    can_sign = (
        doc.locked_at is None
        and doc.superseded_by_id is None
        and actor.user_id in pending_signers(doc)
        and allowed(actor, "mediation.document.sign", access)
    )
    form = f.SignForm(request.POST or None) if can_sign else None
    context: dict[str, Any] = {
        "mediation": access.mediation,
        "reference": services.reference(access.mediation),
        "document": doc,
        "form": form,
        "pending": pending_signers(doc),
    }
    if request.method == "POST":
        authorize(actor, "mediation.document.sign", access)
        if form is not None and form.is_valid():
            try:
                services.mediation_document_sign(
                    actor=actor, mediation_id=mediation_id, document_id=doc.pk,
                    typed_name=form.cleaned_data["typed_name"], today=_today(),
                )  # fmt: skip
            except Refusal as exc:
                context.update(refusal_context(exc))
            else:
                messages.success(request, _("Ondertekend."))
                return redirect("mediation:detail", mediation_id=mediation_id)
    context["body"] = document_body(render_html(doc, language=get_language() or "nl"))
    return render(request, "mediation/document.html", context)


@requires("mediation.mediation.view", on=MEDIATION)
def document_download(
    request: HttpRequest, access: p.MediationAccess, document_id: int, fmt: str
) -> HttpResponse:
    actor = _actor(request)
    doc = selectors.document_get(actor, access, document_id)
    if fmt not in ("pdf", "html"):
        raise hidden(actor, "mediation.mediation.view", access.mediation)
    return download_response(doc, fmt=fmt, language=get_language() or "nl", actor=actor)  # type: ignore[arg-type]


# --- Termination agreements (D19, SM-5T) ----------------------------------------------------------


def _termination_input(form: f.TerminationForm) -> termination.TerminationInput:
    d = form.cleaned_data
    return termination.TerminationInput(
        employee_id=d["employee"],
        employer_signatory_id=d["employer_signatory"],
        end_of_employment_on=d["end_of_employment_on"],
        checklist=d["checklist"],
        mentions_dissolution_right=d["mentions_dissolution_right"],
        statutory_director=d["statutory_director"],
        court_settlement=d["court_settlement"],
        employer_reason=d["employer_reason"],
        final_settlement_on=d.get("final_settlement_on"),
        place=d["place"],
        essentials_agreed_on=d.get("essentials_agreed_on"),
    )


def _termination_page(
    request: HttpRequest, form: f.TerminationForm, back: str, create: Any
) -> HttpResponseBase:
    context: dict[str, Any] = {"form": form, "back": back}
    if request.method == "POST" and form.is_valid():
        try:
            ta = create(_termination_input(form), request.POST.getlist("acknowledged"))
        except Refusal as exc:
            context.update(refusal_context(exc))
        else:
            messages.success(request, _("De beëindigingsovereenkomst staat klaar om te tekenen."))
            return redirect("mediation:termination", agreement_id=ta.pk)
    return render(request, "mediation/termination_new.html", context)


@requires("mediation.termination.create", on=CASE)
def termination_new_on_case(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    from django.urls import reverse

    from werkvrede.cases.models import CaseParty

    actor = _actor(request)
    case_id = access.case.pk
    employee_ids = set(
        CaseParty.objects.filter(case=access.case, side=CaseParty.Side.EMPLOYEE).values_list(
            "user_id", flat=True
        )
    )
    members = _members(actor)
    form = f.TerminationForm(
        request.POST or None,
        employees=[u for u in members if u.pk in employee_ids],
        signatories=[u for u in members if u.pk not in employee_ids],
    )
    return _termination_page(
        request,
        form,
        reverse("mediation:case-section", kwargs={"case_id": case_id}),
        lambda data, ack: termination.termination_create(
            actor=actor, case_id=case_id, data=data, today=_today(), acknowledged=ack
        ),
    )


@requires("mediation.termination.create", on=MEDIATION)
def termination_new_in_mediation(request: HttpRequest, access: p.MediationAccess) -> HttpResponseBase:
    from django.urls import reverse

    actor = _actor(request)
    mediation_id = access.mediation.pk
    parties = selectors.parties_of(access.mediation)
    form = f.TerminationForm(
        request.POST or None,
        employees=[p.user for p in parties if p.side == "WN"],
        signatories=[p.user for p in parties if p.side != "WN"],
    )
    return _termination_page(
        request,
        form,
        reverse("mediation:detail", kwargs={"mediation_id": mediation_id}),
        lambda data, ack: termination.termination_create(
            actor=actor, mediation_id=mediation_id, data=data, today=_today(), acknowledged=ack
        ),
    )


@requires("mediation.termination.view", on=TERMINATION)
def termination_detail(request: HttpRequest, access: p.TerminationAccess) -> HttpResponseBase:
    actor = _actor(request)
    ta = access.agreement
    doc = termination.agreement_document(ta)
    can_sign = (
        doc is not None
        and doc.locked_at is None
        and actor.user_id in pending_signers(doc)
        and allowed(actor, "mediation.termination.sign", access)
    )
    can_dissolve = allowed(actor, "mediation.termination.dissolve", access) and ta.state == "COOLING_OFF"
    form = f.SignForm(request.POST or None) if (can_sign or can_dissolve) else None
    context: dict[str, Any] = {
        "agreement": ta,
        "document": doc,
        "form": form,
        "can_sign": can_sign,
        "can_dissolve": can_dissolve,
        "dissolution": latest_dissolution(ta),
        "findings_info": termination.termination_findings(ta, _today()),
    }
    if request.method == "POST":
        step = request.POST.get("step")
        authorize(
            actor,
            "mediation.termination.dissolve" if step == "dissolve" else "mediation.termination.sign",
            access,
        )
        if form is not None and form.is_valid():
            try:
                if step == "dissolve":
                    termination.termination_dissolve(
                        actor=actor,
                        agreement_id=ta.pk,
                        typed_name=form.cleaned_data["typed_name"],
                        today=_today(),
                    )
                else:
                    termination.termination_sign(
                        actor=actor,
                        agreement_id=ta.pk,
                        typed_name=form.cleaned_data["typed_name"],
                        today=_today(),
                    )
            except Refusal as exc:
                context.update(refusal_context(exc))
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect("mediation:termination", agreement_id=ta.pk)
    if doc is not None:
        from werkvrede.documents.services import render_html

        context["body"] = document_body(render_html(doc, language=get_language() or "nl"))
    return render(request, "mediation/termination.html", context)


def latest_dissolution(ta: Any) -> Any:
    from werkvrede.documents.models import DocumentKind
    from werkvrede.documents.services import latest

    return latest(termination.OWNER, ta.pk, DocumentKind.DISSOLUTION_NOTICE)


@requires("mediation.termination.view", on=TERMINATION)
def termination_download(request: HttpRequest, access: p.TerminationAccess, kind: str) -> HttpResponse:
    from werkvrede.documents.services import latest

    actor = _actor(request)
    doc = latest(termination.OWNER, access.agreement.pk, kind.upper())
    if doc is None or doc.kind not in ("TERMINATION_AGREEMENT", "DISSOLUTION_NOTICE"):
        raise hidden(actor, "mediation.termination.view", access.agreement)
    return download_response(doc, fmt="pdf", language=get_language() or "nl", actor=actor)
