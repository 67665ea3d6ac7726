"""Supporter pages: the employee's Steunpersoon section of a case, and the supporter's own pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.cases.policies import CaseAccess
from werkvrede.cases.selectors import CASE
from werkvrede.core.access import requires
from werkvrede.core.actor import Actor
from werkvrede.core.policy import AccessDenied, allowed
from werkvrede.core.refusals import Invalid, add_to_form
from werkvrede.mediation.policies import MediationAccess
from werkvrede.mediation.selectors import MEDIATION
from werkvrede.mediation.services import reference as mediation_reference
from werkvrede.supporters import selectors, services
from werkvrede.supporters.forms import InviteForm, NoteForm, section_choices
from werkvrede.supporters.guidance import RIGHTS
from werkvrede.supporters.models import EMPLOYEE_SECTIONS, SUPPORTER_SECTIONS, Section, SupporterGrant
from werkvrede.supporters.policies import is_supporter_of
from werkvrede.supporters.selectors import GRANT_NOTE, GRANT_PAGE


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@requires("supporters.grant.list_own")
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "supporters/mine.html", {"grants": selectors.grants_supported_by(_actor(request))})


@requires("supporters.section.view", on=CASE)
def case_section(request: HttpRequest, access: CaseAccess) -> HttpResponse:
    return _render_case(request, access, InviteForm())


def _render_case(
    request: HttpRequest, access: CaseAccess, form: InviteForm, status: int = 200
) -> HttpResponse:
    grants = list(selectors.grants_of_case(_actor(request), access))
    return render(
        request,
        "supporters/case_section.html",
        {"case": access.case, "grants": grants, "form": form},
        status=status,
    )


@require_POST
@requires("supporters.supporter.invite", on=CASE)
def invite(request: HttpRequest, access: CaseAccess) -> HttpResponseBase:
    actor = _actor(request)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.supporter_invite(
                actor=actor,
                access=access,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
            )
        except Invalid as exc:
            add_to_form(form, exc)
        else:
            messages.success(
                request, _("De uitnodiging is verstuurd. Je kunt de toegang altijd weer intrekken.")
            )
            return redirect("supporters:case", case_id=access.case.pk)
    return _render_case(request, access, form, status=400)


@requires("supporters.mediation_section.view", on=MEDIATION)
def mediation_section(request: HttpRequest, access: MediationAccess) -> HttpResponse:
    """The Steunpersoon section of a party in a mediation without a case (ADR 0040)."""
    return _render_mediation(request, access, InviteForm())


def _render_mediation(
    request: HttpRequest, access: MediationAccess, form: InviteForm, status: int = 200
) -> HttpResponse:
    grants = list(selectors.grants_of_mediation(_actor(request), access))
    return render(
        request,
        "supporters/mediation_section.html",
        {
            "mediation": access.mediation,
            "reference": mediation_reference(access.mediation),
            "grants": grants,
            "form": form,
            "can_invite": allowed(_actor(request), "supporters.mediation_supporter.invite", access),
        },
        status=status,
    )


@require_POST
@requires("supporters.mediation_supporter.invite", on=MEDIATION)
def mediation_invite(request: HttpRequest, access: MediationAccess) -> HttpResponseBase:
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.supporter_invite_to_mediation(
                actor=_actor(request),
                access=access,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
            )
        except Invalid as exc:
            add_to_form(form, exc)
        else:
            messages.success(
                request, _("De uitnodiging is verstuurd. Je kunt de toegang altijd weer intrekken.")
            )
            return redirect("supporters:mediation", mediation_id=access.mediation.pk)
    return _render_mediation(request, access, form, status=400)


def _sections_for(actor: Actor, grant: SupporterGrant) -> list[tuple[str, str]]:
    if grant.revoked_at is not None:
        return []
    if is_supporter_of(actor, grant):
        return section_choices(SUPPORTER_SECTIONS)
    return section_choices(EMPLOYEE_SECTIONS)


@requires("supporters.grant.view", on=GRANT_PAGE)
def grant_detail(request: HttpRequest, grant: SupporterGrant) -> HttpResponse:
    actor = _actor(request)
    if is_supporter_of(actor, grant) and grant.accepted_at is None:
        services.grant_accept(grant=grant, user_id=actor.uid)
    sections = _sections_for(actor, grant)
    return _render_grant(request, grant, NoteForm(sections=sections) if sections else None)


def _render_grant(
    request: HttpRequest, grant: SupporterGrant, form: NoteForm | None, status: int = 200
) -> HttpResponse:
    actor = _actor(request)
    preparation = selectors.preparation_for(actor, grant)
    return render(
        request,
        "supporters/grant_detail.html",
        {
            "grant": grant,
            "is_supporter": is_supporter_of(actor, grant),
            "sections": [(section, preparation[section.value]) for section in Section],
            "rights": RIGHTS,
            "mediation": selectors.mediation_for(actor, grant),
            "sessions": selectors.next_sessions_for(actor, grant),
            "form": form,
            "can_revoke": allowed(actor, "supporters.grant.revoke", grant),
        },
        status=status,
    )


@require_POST
@requires("supporters.grant.view", on=GRANT_NOTE)
def note_add(request: HttpRequest, grant: SupporterGrant) -> HttpResponseBase:
    actor = _actor(request)
    sections = _sections_for(actor, grant)
    form = NoteForm(request.POST, sections=sections)
    if sections and form.is_valid():
        services.note_write(
            actor=actor, grant=grant, section=form.cleaned_data["section"], text=form.cleaned_data["text"]
        )
        messages.success(request, _("Opgeslagen in de voorbereiding."))
        return redirect("supporters:grant", grant_id=grant.pk)
    if not sections:
        raise AccessDenied(actor, "supporters.note.write", grant)  # a revoked grant is read-only
    return _render_grant(request, grant, form, status=400)


@requires("supporters.grant.revoke", on=GRANT_PAGE)
def revoke(request: HttpRequest, grant: SupporterGrant) -> HttpResponseBase:
    actor = _actor(request)
    if request.method == "POST":
        services.grant_revoke(actor=actor, grant=grant)
        messages.success(request, _("De toegang van je steunpersoon is ingetrokken. Dat geldt meteen."))
        if grant.case_id is None:
            return redirect("supporters:mediation", mediation_id=grant.mediation_id)
        return redirect("supporters:case", case_id=grant.case_id)
    return render(request, "supporters/revoke_confirm.html", {"grant": grant})
