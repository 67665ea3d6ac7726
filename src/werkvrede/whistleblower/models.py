"""The whistleblower channel (SM-8, D18), kept apart from every other context.

A report of a suspected wrongdoing in the public interest (misstand) belongs to the organisation's
designated officers (DO) and its melder, nobody else (D18 in docs/rules.md): not HR, not the
Beheerder, not the vertrouwenspersoon without the melder's consent (R-119), and never a person the
report concerns, even one who holds the DO role (R-118). What the melder and the officer write is
sealed in the vault; the row holds the dates the deadlines T-20 and T-21 run from. An anonymous
report has no melder: a receipt code, of which only a keyed digest is stored, opens it; its dates
are days, never times.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WhistleState(models.TextChoices):
    """SM-8 states (docs/rules.md)."""

    RECEIVED = "RECEIVED", _("Ontvangen")
    ACKNOWLEDGED = "ACKNOWLEDGED", _("Ontvangst bevestigd")
    ASSESSED = "ASSESSED", _("Beoordeeld: vermoeden van een misstand")
    FOLLOW_UP = "FOLLOW_UP", _("In opvolging")
    FEEDBACK_GIVEN = "FEEDBACK_GIVEN", _("Terugkoppeling gegeven")
    CLOSED = "CLOSED", _("Afgesloten")
    NOT_A_MISSTAND = "NOT_A_MISSTAND", _("Geen misstand")
    ROUTED = "ROUTED", _("Doorgeleid met toestemming")


ACTIVE_STATES = frozenset(
    {
        WhistleState.RECEIVED,
        WhistleState.ACKNOWLEDGED,
        WhistleState.ASSESSED,
        WhistleState.FOLLOW_UP,
        WhistleState.FEEDBACK_GIVEN,
        WhistleState.NOT_A_MISSTAND,
    }
)


class RouteTarget(models.TextChoices):
    """Where a purely personal workplace conflict goes, with the melder's consent (R-118)."""

    CASE = "CASE", _("Een conflictzaak (nieuw signaal)")
    VP = "VP", _("De vertrouwenspersoon")


class WhistleReport(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=20, choices=WhistleState.choices, default=WhistleState.RECEIVED)
    anonymous = models.BooleanField(default=False)
    melder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Anonymous reports: HMAC of the receipt code (the code itself is shown once and never stored).
    receipt_digest = models.CharField(max_length=64, blank=True, db_index=True)
    received_on = models.DateField()
    acknowledged_on = models.DateField(null=True, blank=True)
    assessed_on = models.DateField(null=True, blank=True)
    # the officer's assessment — a suspected misstand in the public interest, or not.
    public_interest = models.BooleanField(null=True, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)
    feedback_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    route_target = models.CharField(max_length=5, choices=RouteTarget.choices, blank=True)
    routed_on = models.DateField(null=True, blank=True)
    # The melder's consent to the routing (D20, CC-x); without it nothing leaves the channel.
    route_consent = models.ForeignKey(
        "consent.Consent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_activity_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["organisation", "state", "received_on"])]

    def __str__(self) -> str:
        return f"whistleblower report {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES


class ConcernedPerson(models.Model):
    """A person the melder names as concerned (R-118): they can never open the report, whatever
    role they hold."""

    report = models.ForeignKey(WhistleReport, on_delete=models.CASCADE, related_name="concerned")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "user"], name="whistle_concerned_once")]

    def __str__(self) -> str:
        return f"concerned person {self.pk}"


class Side(models.TextChoices):
    MELDER = "MELDER", _("Melder")
    OFFICER = "DO", _("Meldpunt klokkenluiders")


class WhistleMessage(models.Model):
    """One message in the report, sealed (D18). Dated to the day: no exact time is kept."""

    report = models.ForeignKey(WhistleReport, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=6, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    written_on = models.DateField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"whistleblower message {self.pk}"


class ReminderSent(models.Model):
    """One reminder per report, deadline, due date and officer (T-20, T-21): a second run sends none."""

    key = models.CharField(max_length=200, unique=True)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()

    def __str__(self) -> str:
        return self.key


class ChannelSettings(models.Model):
    """What R-115 asks of the organisation, set by the Beheerder: how many work there, and whether
    it has adopted an internal reporting procedure. Not about any person."""

    organisation = models.OneToOneField("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    workers = models.PositiveIntegerField(null=True, blank=True)
    procedure_adopted = models.BooleanField(default=False)
    updated_on = models.DateField()

    def __str__(self) -> str:
        return f"whistleblower settings {self.pk}"
