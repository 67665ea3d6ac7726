"""Writes of the contact context: atomic, authorised (except the public submission), audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.invitations import invitation_create, invitations_for, normalised_email
from werkvrede.accounts.models import RESERVED_SLUGS, Invitation, Membership, Organisation, User
from werkvrede.accounts.services import membership_grant, organisation_create
from werkvrede.audit import services as audit
from werkvrede.contact.models import ContactRecipient, ContactRequest, MediatorContactSetting
from werkvrede.contact.privacy import RETENTION_DAYS
from werkvrede.core.actor import Actor
from werkvrede.core.mail import Outgoing, Rendered, mail_queue
from werkvrede.core.policy import allowed, authorize
from werkvrede.core.refusals import Invalid
from werkvrede.core.roles import Role
from werkvrede.mediation.models import PartySide
from werkvrede.mediation.services import PartyInput, ReferralInput, mediation_create_direct


@dataclass(frozen=True)
class RequestInput:
    name: str
    organisation_name: str
    email: str
    phone: str
    requester_role: str
    people_involved: int
    preferred_contact: str


def accepting_mediators() -> list[int]:
    """The people who take contact requests: active MED memberships with the setting on."""
    return sorted(
        set(
            Membership.objects.filter(
                is_active=True,
                user__is_active=True,
                grants__role=Role.MEDIATOR,
                contact_setting__accepts_contact_requests=True,
            ).values_list("user_id", flat=True)
        )
    )


@transaction.atomic
def contact_request_submit(*, data: RequestInput, today: date) -> ContactRequest:
    """Store a request from the public form and notify the accepting mediators (after commit)."""
    request = ContactRequest.objects.create(
        name=data.name,
        organisation_name=data.organisation_name,
        email=data.email.strip().lower(),
        phone=data.phone,
        requester_role=data.requester_role,
        people_involved=data.people_involved,
        preferred_contact=data.preferred_contact,
        delete_after=today + timedelta(days=RETENTION_DAYS),
    )
    recipients = accepting_mediators()
    ContactRecipient.objects.bulk_create(
        [ContactRecipient(request=request, user_id=uid) for uid in recipients]
    )
    audit.record(
        "contact.request.received",
        organisation_id=None,
        object_type="contact.contactrequest",
        object_id=str(request.pk),
        data={"recipients": len(recipients)},
    )
    recipients_notify(request.pk)
    return request


# The outbox's kind of the notice to a mediator (docs/adr/0073-outgoing-mail.md).
MAIL_KIND = "contact.request"


SUBJECT = "Werkvrede: nieuwe contactaanvraag / new contact request"
BODY = (
    "Er is een nieuwe contactaanvraag voor mediators. Log in om hem te bekijken:\n{url}\n\n"
    "There is a new contact request for mediators. Log in to see it:\n{url}\n\n"
    "Deze e-mail bevat bewust geen gegevens van de aanvrager.\n"
    "This e-mail deliberately holds no details of the requester.\n"
)


def recipients_notify(request_id: int) -> int:
    """Queue an e-mail to each recipient that a request is waiting (no content); return how many."""
    recipients = ContactRecipient.objects.filter(request_id=request_id).order_by("pk")
    user_ids = list(recipients.values_list("user_id", flat=True))
    for user_id in user_ids:
        mail_queue(
            kind=MAIL_KIND, reference=request_id, recipient_id=user_id, recipient_role=str(Role.MEDIATOR)
        )
    return len(user_ids)


def contact_notice_render(outgoing: Outgoing) -> Rendered | None:
    """The notice, made at send time; nothing once the request is gone (purged)."""
    if not ContactRequest.objects.filter(pk=int(outgoing.reference)).exists():
        return None
    url = settings.WERKVREDE_BASE_URL.rstrip("/") + reverse("contact:list")
    return Rendered(SUBJECT, BODY.format(url=url))


def contact_notice_sent(outgoing: Outgoing) -> None:
    audit.record(
        "contact.request.notified",
        organisation_id=None,
        user_id=outgoing.recipient_id,
        object_type="contact.contactrequest",
        object_id=outgoing.reference,
    )


@transaction.atomic
def settings_update(*, actor: Actor, accepts: bool) -> MediatorContactSetting:
    authorize(actor, "contact.settings.edit")
    membership = Membership.objects.get(user_id=actor.uid, organisation_id=actor.organisation_id or 0)
    setting, _created = MediatorContactSetting.objects.get_or_create(membership=membership)
    setting.accepts_contact_requests = accepts
    setting.updated_at = timezone.now()
    setting.save()
    if accepts:
        _waiting_requests_assign(actor, membership.user_id)
    audit.record(
        "contact.settings.updated",
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="accounts.membership",
        object_id=str(membership.pk),
        data={"accepts_contact_requests": accepts},
    )
    return setting


def _waiting_requests_assign(actor: Actor, user_id: int) -> None:
    """Requests that arrived while nobody took requests wait for the first mediator who does
    (docs/adr/0129-waiting-contact-requests.md); expired ones are purged, never handed over."""
    waiting = list(
        ContactRequest.objects.filter(
            status=ContactRequest.Status.NEW,
            taken_by__isnull=True,
            recipients__isnull=True,
            delete_after__gte=timezone.localdate(),
        ).values_list("pk", flat=True)
    )
    ContactRecipient.objects.bulk_create([ContactRecipient(request_id=pk, user_id=user_id) for pk in waiting])
    for pk in waiting:
        audit.record(
            "contact.request.assigned",
            organisation_id=actor.organisation_id,
            user_id=actor.user_id,
            roles=actor.role_codes,
            object_type="contact.contactrequest",
            object_id=str(pk),
        )
        recipients_notify(pk)


@transaction.atomic
def request_take(*, actor: Actor, request: ContactRequest) -> ContactRequest:
    """A mediator takes the request; from then on only they see it."""
    request = ContactRequest.objects.select_for_update(no_key=True).get(pk=request.pk)
    authorize(actor, "contact.request.take", request)
    request.status = ContactRequest.Status.TAKEN
    request.taken_by_id = actor.uid
    request.taken_at = timezone.now()
    request.save(update_fields=["status", "taken_by", "taken_at"])
    # A request belongs to no organisation until it is set up: its events go to the mediator's.
    audit.record_for(actor, "contact.request.taken", request, organisation_id=actor.organisation_id)
    return request


@dataclass(frozen=True)
class Party:
    name: str
    email: str
    role: Role  # organisation role in the new client organisation


@dataclass(frozen=True)
class SetupResult:
    organisation: Organisation
    invitations: list[Invitation]


# Which side of the mediation each invited party takes (one employer representative: D11 fn 18,
# docs/rules.md).
_PARTY_SIDES = {Role.EMPLOYEE: PartySide.EMPLOYEE, Role.LINE_MANAGER: PartySide.EMPLOYER_REPRESENTATIVE}
INVITATION_PURPOSE = "contact.party"


def _unique_slug(name: str) -> str:
    base = slugify(name)[:40] or "organisatie"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def request_setup(
    *, actor: Actor, request: ContactRequest, organisation_name: str, parties: list[Party]
) -> SetupResult:
    """Create the client organisation, make the mediator MED in it, and invite the parties by e-mail.

    A party becomes a member (and a party to the mediation) only by accepting the invitation; the
    mediation is created once every party has accepted (`on_invitation_accepted`). Until then the
    mediator sees the names they typed, never those of accounts the addresses may already have.
    """
    request = ContactRequest.objects.select_for_update(no_key=True).get(pk=request.pk)
    authorize(actor, "contact.request.setup", request)
    try:
        emails = [normalised_email(p.email) for p in parties]
    except ValidationError as exc:
        raise Invalid({"email": (_("Vul voor elke partij een geldig e-mailadres in."),)}) from exc
    if len(set(emails)) != len(emails):
        raise Invalid({"email": (_("Elke partij heeft een eigen e-mailadres nodig."),)})
    mediator = User.objects.get(pk=actor.uid)
    if mediator.email.lower() in emails:
        raise Invalid({"email": (_("De mediator kan geen partij zijn in de eigen mediation (SOD-2)."),)})
    organisation = organisation_create(name=organisation_name, slug=_unique_slug(organisation_name))
    membership_grant(user=mediator, organisation=organisation, roles=[Role.MEDIATOR])
    invitations = [
        invitation_create(
            organisation=organisation,
            email=email,
            invited_name=party.name,
            roles=[party.role],
            invited_by_id=actor.user_id,
            purpose=INVITATION_PURPOSE,
            reference=str(request.pk),
        )
        for email, party in zip(emails, parties, strict=True)
    ]
    request.status = ContactRequest.Status.SET_UP
    request.organisation = organisation
    request.save(update_fields=["status", "organisation"])
    audit.record(
        "contact.request.set_up",
        organisation_id=organisation.pk,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="contact.contactrequest",
        object_id=str(request.pk),
        data={"parties": len(invitations)},
    )
    return SetupResult(organisation=organisation, invitations=invitations)


def _request_of(invitation: Invitation) -> ContactRequest | None:
    if invitation.purpose != INVITATION_PURPOSE or not invitation.reference.isdigit():
        return None
    return ContactRequest.objects.filter(
        pk=int(invitation.reference), organisation_id=invitation.organisation_id
    ).first()


def acceptance_problem(invitation: Invitation) -> str | None:
    """The request must still be there (requests are deleted after the retention period)."""
    if _request_of(invitation) is None:
        return _("Deze uitnodiging is ingetrokken.")
    return None


def on_invitation_accepted(sender: object, *, invitation: Invitation, today: date, **kwargs: Any) -> None:
    """Signal receiver: when the last party has accepted, the mediator's mediation is created."""
    request = _request_of(invitation)
    if request is None or request.taken_by_id is None:
        return
    taken_by_id = request.taken_by_id
    request = ContactRequest.objects.select_for_update(no_key=True).get(pk=request.pk)
    all_invitations = invitations_for(INVITATION_PURPOSE, str(request.pk))
    if any(i.accepted_at is None for i in all_invitations):
        return
    organisation = invitation.organisation
    mediator = User.objects.get(pk=taken_by_id)
    # The mediation for the new organisation, without a case (a direct referral), with these parties.
    mediation_create_direct(
        actor=actor_for(mediator, organisation.pk),
        data=ReferralInput(
            subject=_("Mediation %(organisation)s") % {"organisation": organisation.name},
            parties=[PartyInput(i.invitee_id, _PARTY_SIDES[i.role_list[0]]) for i in all_invitations],
            mediator_id=mediator.pk,
        ),
        today=today,
    )


def setup_invitations_for(actor: Actor, request: ContactRequest) -> list[Invitation]:
    """The invitations of a set-up request, for the mediator who took it (the names as typed)."""
    if not allowed(actor, "contact.request.view", request) or request.status != ContactRequest.Status.SET_UP:
        return []
    return invitations_for(INVITATION_PURPOSE, str(request.pk))


@transaction.atomic
def contact_requests_purge(*, today: date) -> int:
    """Delete requests past their retention date (privacy statement: at most 90 days)."""
    expired = ContactRequest.objects.filter(delete_after__lt=today)
    count = expired.count()
    expired.delete()
    if count:
        audit.record("contact.request.purged", organisation_id=None, data={"count": count})
    return count
