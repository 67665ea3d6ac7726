"""Erasure on request (AVG art. 17): the Beheerder erases what has no remaining legal basis.

One transaction: the plan is computed again under a lock on the person's membership, so what the
erasure removes is what the preview said goes, a second run finds nothing left, and an active hold
refuses the whole erasure (R-140; docs/adr/0180-erasure-on-request.md).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkvrede.accounts.models import Invitation, Membership, User
from werkvrede.accounts.sessions import sessions_end
from werkvrede.agenda.models import CalendarFeed
from werkvrede.audit import services as audit
from werkvrede.cases.models import CaseParticipant, CaseParty
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import NotPossible
from werkvrede.erasure.plan import ABSENCE_FIELDS, ERASED_NAME, Plan, plan_for
from werkvrede.erasure.policies import ERASE
from werkvrede.retention import holds
from werkvrede.retention.destroy import destroy_records
from werkvrede.sickness.models import OpenConsultation, SickReport
from werkvrede.supporters.models import SupporterGrant


def preview(*, actor: Actor, membership: Membership, today: date) -> Plan:
    """The plan, audited as viewed (counts only); a hold in it is audited as blocking."""
    authorize(actor, ERASE, membership)
    plan = plan_for(membership, today=today)
    audit.record_for(actor, "erasure.preview.viewed", membership, data={"blocked": plan.blocked})
    return plan


BLOCKED_KIND = "erasure.person"


class ErasureBlocked(NotPossible):
    """An active hold on the person or one of their cases (R-140)."""


def _record_block(actor: Actor, membership: Membership, plan: Plan) -> None:
    # The event purging writes too (docs/audit-events.md), with the holds' references, never their reason.
    holds.record_block(
        organisation_id=membership.organisation_id,
        purpose="erasure",
        kind=BLOCKED_KIND,
        holds=plan.active,
        user_id=actor.user_id,
        roles=actor.role_codes,
        subject_id=membership.user_id,
    )


def erase(*, actor: Actor, membership: Membership, today: date) -> dict[str, Any]:
    """Erase what the plan says goes; anonymise what it says is anonymised. Returns the counts."""
    authorize(actor, ERASE, membership)
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update(no_key=True).select_related("user").get(pk=membership.pk)
        )
        plan = plan_for(locked, today=today)
        audit.record_for(actor, "erasure.person.requested", locked, data={"blocked": plan.blocked})
        if not plan.blocked:
            counts = _run(actor, locked, plan)
            audit.record_for(actor, "erasure.person.erased", locked, data=counts)
            return counts
    _record_block(actor, membership, plan)
    raise ErasureBlocked(
        _(
            "Er ligt een juridische bewaarplicht (legal hold) op deze persoon of een van diens zaken. "
            "Wissen kan pas als die is opgeheven."
        )
    )


def _run(actor: Actor, membership: Membership, plan: Plan) -> dict[str, Any]:
    user = membership.user
    # Closed cases: also about the other party, so the person's name and link go, the case stays.
    CaseParty.objects.filter(case_id__in=plan.closed_case_ids, user_id=user.pk).update(
        name=ERASED_NAME, user=None
    )
    # Their place in those cases (the basis of access) ends with them.
    CaseParticipant.objects.filter(case_id__in=plan.closed_case_ids, user_id=user.pk).delete()
    # The employer's absence administration of an ended employment (R-140 is a maximum).
    SickReport.objects.filter(pk__in=plan.absence_report_ids).update(**dict.fromkeys(ABSENCE_FIELDS, ""))
    # An ended engagement: the grant goes with its notes and their sealed content, as in the
    # purge — that someone supported the employee is itself D17.
    destroyed = destroy_records(list(SupporterGrant.objects.filter(pk__in=plan.ended_grant_ids)))
    CalendarFeed.objects.filter(pk__in=plan.live_feed_ids).update(revoked_at=timezone.now())

    # The membership here ends; the account keeps its other memberships (ADR 0180).
    membership.grants.all().delete()
    if membership.is_active:
        membership.is_active = False
        membership.save(update_fields=["is_active"])
    invitations = Invitation.objects.filter(organisation_id=membership.organisation_id, invitee=user)
    invitations.filter(accepted_at__isnull=True, declined_at__isnull=True, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    anonymised = not plan.elsewhere and not plan.anything_stays and not _sealed_file_needs_name(membership)
    if anonymised:
        _anonymise(user)
        # The name as the inviter typed it is the person's name too.
        invitations.update(invited_name=ERASED_NAME)
    sessions_end(user=user, reason="erased", actor_user_id=actor.user_id)
    # Files of owned documents are counted, not the sealed rows: those are of a segregated store.
    return {**plan.counts(), "files_removed": destroyed.files, "account_anonymised": anonymised}


def _sealed_file_needs_name(membership: Membership) -> bool:
    """The bedrijfsarts' file (R-144) or a running supporter engagement still names the person."""
    user_id, organisation_id = membership.user_id, membership.organisation_id
    return (
        SickReport.objects.filter(employee_id=user_id, organisation_id=organisation_id).exists()
        or OpenConsultation.objects.filter(employee_id=user_id, organisation_id=organisation_id).exists()
        or SupporterGrant.objects.filter(organisation_id=organisation_id, revoked_at__isnull=True)
        .filter(employee_id=user_id)
        .exists()
    )


def _anonymise(user: User) -> None:
    user.full_name = ERASED_NAME
    # An address that can never receive mail nor be typed at the log-in: unique by the id.
    user.email = f"gewist-{user.pk}@gewist.invalid"
    user.password = make_password(None)
    user.is_active = False
    user.save(update_fields=["full_name", "email", "password", "is_active"])
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
