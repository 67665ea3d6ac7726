"""Contact requests ("vrijblijvend contact"): a visitor without an account asks a mediator to call.

Deliberately little is asked and nothing about the conflict itself (see privacy.py). A request is
addressed to the mediators who take such requests at the moment it arrives; only they see it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RequesterRole(models.TextChoices):
    EMPLOYER = "EMPLOYER", _("Werkgever")
    EMPLOYEE = "EMPLOYEE", _("Werknemer")


class PreferredContact(models.TextChoices):
    EMAIL = "EMAIL", _("E-mail")
    PHONE = "PHONE", _("Telefoon")


class ContactRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "NEW", _("Nieuw")
        TAKEN = "TAKEN", _("Opgepakt")
        SET_UP = "SET_UP", _("Organisatie ingericht")

    name = models.CharField(max_length=200)
    organisation_name = models.CharField(max_length=200)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    requester_role = models.CharField(max_length=10, choices=RequesterRole.choices)
    people_involved = models.PositiveSmallIntegerField()
    preferred_contact = models.CharField(max_length=10, choices=PreferredContact.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(default=timezone.now)
    # Deleted on this date unless a mediator set up an organisation from it (privacy statement).
    delete_after = models.DateField()
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    taken_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["delete_after"])]

    def __str__(self) -> str:
        return f"contact request {self.pk}"


class ContactRecipient(models.Model):
    """A mediator to whom a request was addressed (those accepting requests when it arrived)."""

    request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "user"], name="contact_recipient_unique")]

    def __str__(self) -> str:
        return f"recipient {self.user_id} of {self.request_id}"


class MediatorContactSetting(models.Model):
    """Per mediator membership: does this mediator take contact requests?"""

    membership = models.OneToOneField(
        "accounts.Membership", on_delete=models.CASCADE, related_name="contact_setting"
    )
    accepts_contact_requests = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"contact setting of membership {self.membership_id}"
