"""Interventieperiode (SM-3), arbeidsconflictenverlof (SM-4) and other interventions (R-060…R-069).

Everything here is data category D09 (interventieperiode and leave records) or D05 (interventions and
referrals); see `classification.py`. An interventieperiode and conflict leave are paid leave: the
records have no way to say "sick" and carry no verdict (R-045, R-053).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkvrede.core.versioning import Versioned


class PeriodState(models.TextChoices):
    PROPOSED = "PROPOSED", _("Voorgesteld")
    EMPLOYER_COMMITTED = "EMPLOYER_COMMITTED", _("Goedgekeurd door de werkgever")
    APPOINTMENT_PLANNED = "APPOINTMENT_PLANNED", _("Afspraak gemaakt")
    ACTIVE = "ACTIVE", _("Loopt")
    EXTENDED = "EXTENDED", _("Verlengd")
    ENDED = "ENDED", _("Afgelopen, evaluatie volgt")
    EVALUATED = "EVALUATED", _("Geëvalueerd")
    REJECTED = "REJECTED", _("Afgewezen")
    ABORTED_SICK_REPORT = "ABORTED_SICK_REPORT", _("Beëindigd door ziekmelding")


class InitiatedBy(models.TextChoices):
    BA = "BA", _("Advies van de bedrijfsarts")
    LG = "LG", _("Leidinggevende, volgens het protocol")
    HR = "HR", _("HR, volgens het protocol")
    CM = "CM", _("Casemanager, volgens het protocol")


class PeriodForm(models.TextChoices):
    ALT_WORKPLACE = "ALT_WORKPLACE", _("Tijdelijk op een andere werkplek")
    RELEASED_FROM_WORK = "RELEASED_FROM_WORK", _("Vrijgesteld van werk")


class EvaluationOutcome(models.TextChoices):
    RESUMED_OWN_WORK = "RESUMED_OWN_WORK", _("Terug in het eigen werk")
    OTHER_SUITABLE_WORK = "OTHER_SUITABLE_WORK", _("Ander passend werk")
    MEDIATION_STARTED = "MEDIATION_STARTED", _("Mediation gestart")
    OTHER_INTERVENTION = "OTHER_INTERVENTION", _("Andere interventie")
    LEGAL_ROUTE = "LEGAL_ROUTE", _("Juridische route")


class ContactRole(models.TextChoices):
    """With whom the conflict will be discussed (actor codes, docs/rules.md)."""

    LG = "LG", _("Leidinggevende")
    HR = "HR", _("HR-adviseur")
    CM = "CM", _("Casemanager")
    BMW = "BMW", _("Bedrijfsmaatschappelijk werker")
    VP = "VP", _("Vertrouwenspersoon")


class Appointment(models.Model):
    """The appointment with the person with whom the conflict is discussed (R-044, R-054)."""

    with_role = models.CharField(max_length=5, choices=ContactRole.choices)
    with_person = models.CharField(max_length=200)
    # The appointed person's account, when they have one: they may then read this appointment (D09 fn 14,
    # docs/rules.md).
    with_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    chaired_by = models.CharField(max_length=5, choices=ContactRole.choices, blank=True)
    recorded_on = models.DateField()
    meeting_on = models.DateField()

    def __str__(self) -> str:
        return f"appointment {self.pk}"


class InterventionPeriod(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=30, choices=PeriodState.choices, default=PeriodState.PROPOSED)
    initiated_by = models.CharField(max_length=5, choices=InitiatedBy.choices)
    form = models.CharField(max_length=30, choices=PeriodForm.choices)
    released_reason = models.TextField(blank=True)
    start_on = models.DateField()
    end_on = models.DateField()
    exceptional_reason = models.TextField(blank=True)
    employer_approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appointment = models.OneToOneField(
        Appointment, null=True, blank=True, on_delete=models.PROTECT, related_name="period"
    )
    extension_end_on = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    sick_reported_on = models.DateField(null=True, blank=True)
    evaluated_on = models.DateField(null=True, blank=True)
    evaluation_outcome = models.CharField(max_length=30, choices=EvaluationOutcome.choices, blank=True)
    # Warnings the user acknowledged (codes such as R-044), kept with the record.
    acknowledged = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start_on", "pk"]
        indexes = [models.Index(fields=["case", "start_on"])]

    def __str__(self) -> str:
        return f"interventieperiode {self.pk}"

    @property
    def last_day(self) -> date:
        return self.extension_end_on or self.end_on


class LeaveState(models.TextChoices):
    REQUESTED = "REQUESTED", _("Aangevraagd")
    ELIGIBILITY_CHECKED = "ELIGIBILITY_CHECKED", _("Mogelijk, wacht op goedkeuring")
    APPROVED = "APPROVED", _("Goedgekeurd")
    ACTIVE = "ACTIVE", _("Loopt")
    ENDED = "ENDED", _("Afgelopen")
    FOLLOWED_UP = "FOLLOWED_UP", _("Gesprek gevoerd")
    CLOSED = "CLOSED", _("Afgesloten")
    REJECTED = "REJECTED", _("Afgewezen")


# Leave that was granted counts toward the once-per-window rule.
TAKEN_LEAVE_STATES = frozenset(
    {LeaveState.APPROVED, LeaveState.ACTIVE, LeaveState.ENDED, LeaveState.FOLLOWED_UP, LeaveState.CLOSED}
)
OPEN_LEAVE_STATES = frozenset({LeaveState.REQUESTED, LeaveState.ELIGIBILITY_CHECKED})


class ConflictLeave(models.Model):
    """An employee's request for arbeidsconflictenverlof and what became of it."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=30, choices=LeaveState.choices, default=LeaveState.REQUESTED)
    start_on = models.DateField()
    end_on = models.DateField()
    appointment = models.OneToOneField(
        Appointment, null=True, blank=True, on_delete=models.PROTECT, related_name="leave"
    )
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start_on", "pk"]
        indexes = [models.Index(fields=["employee", "start_on"])]

    def __str__(self) -> str:
        return f"arbeidsconflictenverlof {self.pk}"


class InterventionKind(models.TextChoices):
    CONVERSATION = "CONVERSATION", _("Gesprek tussen de partijen")
    HR_BEMIDDELING = "HR_BEMIDDELING", _("Bemiddeling door HR")
    BMW_BEMIDDELING = "BMW_BEMIDDELING", _("Bemiddeling door de bedrijfsmaatschappelijk werker")
    INDIVIDUAL = "INDIVIDUAL", _("Individuele begeleiding (coach, psycholoog, BMW)")
    CAREER = "CAREER", _("Loopbaan (heroriëntatie, assessment)")
    ORGANISATIONAL = "ORGANISATIONAL", _("Organisatie (taken, rollen, leiderschap)")
    REFERRAL_MEDIATOR = "REFERRAL_MEDIATOR", _("Verwijzing naar een mediator")
    REFERRAL_VP = "REFERRAL_VP", _("Verwijzing naar de vertrouwenspersoon")


class InterventionStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Voorgesteld")
    RUNNING = "RUNNING", _("Loopt")
    ENDED = "ENDED", _("Afgerond")


class ChairRole(models.TextChoices):
    NONE = "", _("Geen (de partijen samen)")
    HR = "HR", _("HR-adviseur")
    BMW = "BMW", _("Bedrijfsmaatschappelijk werker")
    LG = "LG", _("Leidinggevende")
    VP = "VP", _("Vertrouwenspersoon")


class Intervention(Versioned):
    """A conversation, bemiddeling, other intervention or a referral (R-060…R-069)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=InterventionKind.choices)
    status = models.CharField(
        max_length=10, choices=InterventionStatus.choices, default=InterventionStatus.PROPOSED
    )
    chair_role = models.CharField(max_length=5, choices=ChairRole.choices, blank=True)
    hr_attends = models.BooleanField(default=False)
    support_employee = models.BooleanField(null=True, blank=True)
    support_other = models.BooleanField(null=True, blank=True)
    planned_on = models.DateField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    outcome_resolved = models.BooleanField(null=True, blank=True)
    # SM-1 row 14: "resolved" holds once both parties confirm it themselves (ADR 0107).
    resolved_confirmed_by_employee_on = models.DateField(null=True, blank=True)
    resolved_confirmed_by_other_on = models.DateField(null=True, blank=True)
    # What the intervention is about; empty for a referral to the VP (which carries no case content).
    note = models.TextField(blank=True)
    acknowledged = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"intervention {self.pk}"
