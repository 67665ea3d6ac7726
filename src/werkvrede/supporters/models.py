"""Supporters (SUP in docs/rules.md): a person an employee invites to support them in one case.

A grant names exactly one supported person, one case (or one mediation without a case) and one
supporter; it is the only thing that opens
anything for a supporter (the organisation role SUP alone opens nothing). The preparation space
(D17) lives beside the grant, its text sealed in the vault.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SupporterGrant(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    # A grant belongs to a case, or — for a mediation without a case — to that mediation (ADR 0040).
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    mediation = models.ForeignKey(
        "mediation.Mediation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The name the employee typed: all they see of the supporter until the invitation is accepted, so
    # that inviting an address never reveals the name of an account that already has it.
    invited_name = models.CharField(max_length=200, blank=True)
    invited_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "employee", "supporter"],
                condition=models.Q(revoked_at__isnull=True),
                name="supporter_grant_one_active",
            ),
            models.UniqueConstraint(
                fields=["mediation", "employee", "supporter"],
                condition=models.Q(revoked_at__isnull=True),
                name="supporter_grant_one_active_in_mediation",
            ),
            models.CheckConstraint(
                condition=models.Q(case__isnull=False, mediation__isnull=True)
                | models.Q(case__isnull=True, mediation__isnull=False),
                name="supporter_grant_case_or_mediation",
            ),
        ]
        indexes = [
            models.Index(fields=["supporter", "revoked_at"]),
            models.Index(fields=["case", "employee"]),
        ]

    def __str__(self) -> str:
        return f"supporter grant {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def supporter_name(self) -> str:
        """The supporter's own name once they accepted; before that, the name the employee typed."""
        if self.accepted_at is None:
            return self.invited_name
        return self.supporter.full_name


class Section(models.TextChoices):
    EXPECT = "EXPECT", _("Wat je kunt verwachten in het volgende gesprek")
    OWN_POINTS = "OWN_POINTS", _("Mijn eigen punten")
    QUESTIONS = "QUESTIONS", _("Vragen voor de mediator")
    NOTES = "NOTES", _("Voorbereidingsnotities")


# Who writes which section: the supporter prepares, the employee writes their own points, both
# collect questions for the mediator (D17: the supporter's preparation space).
SUPPORTER_SECTIONS = frozenset({Section.EXPECT, Section.QUESTIONS, Section.NOTES})
EMPLOYEE_SECTIONS = frozenset({Section.OWN_POINTS, Section.QUESTIONS})


class PreparationNote(models.Model):
    """One entry in the preparation space (D17). The text is sealed; only `unseal` opens it."""

    grant = models.ForeignKey(SupporterGrant, on_delete=models.CASCADE, related_name="notes")
    section = models.CharField(max_length=12, choices=Section.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"preparation note {self.pk}"
