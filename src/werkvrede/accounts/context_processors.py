from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from werkvrede.accounts.actors import switchable_organisations
from werkvrede.core.actor import ANONYMOUS
from werkvrede.core.policy import allowed


def actor(request: HttpRequest) -> dict[str, Any]:
    """The actor and what the navigation may offer them (computed from the policy, never hand-written)."""
    current = getattr(request, "actor", ANONYMOUS)
    if not current.is_authenticated:
        return {"actor": current}
    return {
        "actor": current,
        "can_view_people": allowed(current, "accounts.people.view"),
        "can_view_audit": allowed(current, "audit.log.view"),
        "can_view_cases": allowed(current, "cases.case.list"),
        "can_view_overview": allowed(current, "cases.overview.view"),
        "can_view_open_consults": allowed(current, "sickness.open_consult.view"),
        "can_view_appointments": allowed(current, "interventions.appointment.list"),
        "can_view_mediations": allowed(current, "mediation.mediation.list"),
        "can_view_consents": allowed(current, "consent.consent.list"),
        "can_view_protocol": allowed(current, "protocol.page.view"),
        "can_view_reports": allowed(current, "confidential.inbox.open"),
        "can_view_whistleblower": allowed(current, "whistleblower.inbox.open"),
        "can_signal": allowed(current, "cases.case.signal"),
        "can_view_contact_requests": allowed(current, "contact.request.list"),
        "can_view_annual_reports": allowed(current, "confidential.annual.view"),
        "can_view_supported": allowed(current, "supporters.grant.list_own"),
        # The self-help guide is public; the menu offers it to everyone employed here.
        "can_seek_help": allowed(current, "confidential.mine.open"),
        # Lazy, and from the session's cached access when it is current (ADR 0188).
        "switchable_organisations": SimpleLazyObject(lambda: switchable_organisations(request)),
    }
