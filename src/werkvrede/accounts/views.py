"""Log-in, log-out, organisation switch and the people overview. Thin: selectors and services only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkvrede.accounts import mfa, selectors, services
from werkvrede.accounts.forms import LoginForm, OrganisationSwitchForm
from werkvrede.accounts.mfa_middleware import step_url
from werkvrede.accounts.middleware import ACTIVE_ORGANISATION_SESSION_KEY
from werkvrede.accounts.models import Membership, User
from werkvrede.accounts.selectors import MEMBERSHIP
from werkvrede.core.access import public, requires
from werkvrede.core.pagination import window_page
from werkvrede.core.person_notices import person_notices
from werkvrede.core.policy import allowed


@method_decorator(public, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_invalid(form)
        if form.refusal is not None:  # the password was not checked: say how long to wait
            response.status_code = 429
            response["Retry-After"] = str(form.refusal.retry_after)
        return response

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        user = form.get_user()
        self.request.session[ACTIVE_ORGANISATION_SESSION_KEY] = services.default_organisation_id(user)
        step = mfa.step_needed(user)
        if step is not None:  # the password alone is not enough: the second step first (ADR 0072)
            return HttpResponseRedirect(step_url(step, self.get_success_url()))
        return response


login_view = public(LoginView.as_view())
logout_view = public(auth_views.LogoutView.as_view())


@require_POST
@requires("accounts.organisation.switch")
def organisation_switch(request: HttpRequest) -> HttpResponseBase:
    form = OrganisationSwitchForm(request.POST)
    if form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        organisation = services.organisation_switch(
            actor=request.actor,  # type: ignore[attr-defined]
            user=user,
            organisation_id=form.cleaned_data["organisation"],
        )
        request.session[ACTIVE_ORGANISATION_SESSION_KEY] = organisation.pk
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("core:home")
    return HttpResponseRedirect(next_url)


@requires("accounts.people.view")
def people_list(request: HttpRequest) -> HttpResponse:
    """Paged without a total count and searchable by name or e-mail address (ADR 0071)."""
    actor = request.actor  # type: ignore[attr-defined]
    query = request.GET.get("q", "")[:200]
    page = window_page(selectors.people_search_for(actor, query), request.GET.get("pagina"))
    can_manage = allowed(actor, "accounts.people.invite")
    invitations = list(selectors.open_invitations_for(actor)[:50]) if can_manage and not query else []
    context = {
        "page": page,
        "memberships": page.object_list,
        "query": query,
        "can_manage": can_manage,
        "invitations": invitations,
        "pager_query": urlencode({"q": query}) if query else "",
    }
    return render(request, "accounts/people_list.html", context)


@requires("accounts.people.view", on=MEMBERSHIP)
def person_detail(request: HttpRequest, membership: Membership) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    can_reactivate = (not membership.user.is_active or not membership.is_active) and allowed(
        actor, "accounts.person.reactivate", membership
    )
    context = {
        "membership": membership,
        "can_reactivate": can_reactivate,
        "can_change_roles": membership.is_active and allowed(actor, "accounts.person.roles", membership),
        "can_deactivate": membership.is_active and allowed(actor, "accounts.person.deactivate", membership),
        # A legal hold on the person, from the context that keeps it (core.person_notices).
        "notices": person_notices(actor, membership.organisation_id, [membership.user_id]),
    }
    return render(request, "accounts/person_detail.html", context)


@requires("accounts.person.reactivate", on=MEMBERSHIP)
def person_reactivate(request: HttpRequest, membership: Membership) -> HttpResponseBase:
    """Confirm (GET) and reactivate (POST) a deactivated account: the Beheerder only."""
    actor = request.actor  # type: ignore[attr-defined]
    if request.method == "POST":
        services.person_reactivate(actor=actor, membership=membership)
        messages.success(
            request, _("Het account van %(name)s is weer actief.") % {"name": membership.user.full_name}
        )
        return redirect("accounts:person", membership_id=membership.pk)
    return render(request, "accounts/person_reactivate.html", {"membership": membership})
