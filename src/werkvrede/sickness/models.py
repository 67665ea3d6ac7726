"""The sick report in a conflict (SM-2) and the bedrijfsarts' steps 1-3, assessment and advice.

The employer part (`SickReport`) holds only the fields R-130 allows plus dates: there is no field
for diagnosis, cause, treatment, medication or pregnancy (R-131). Medical notes (D01) are sealed in
the vault. Each field's data category is declared in `classification.py`; `policies.visible_fields`
reads it to decide who sees which field.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkvrede.core.versioning import Versioned


class SickReportState(models.TextChoices):
    """SM-2 states (docs/rules.md)."""

    REPORTED = "REPORTED", _("Ziek gemeld")
    NOTIFIED_TO_BA = "NOTIFIED_TO_BA", _("Gemeld bij de bedrijfsarts")
    CONSULT_SCHEDULED = "CONSULT_SCHEDULED", _("Spreekuur gepland")
    STEP1_CONSULTED = "STEP1_CONSULTED", _("Spreekuur gehouden")
    STEP2_VERDICT = "STEP2_VERDICT", _("Oordeel over arbeidsongeschiktheid gegeven")
    VARIANT_A = "VARIANT_A", _("Variant A")
    VARIANT_B = "VARIANT_B", _("Variant B")
    VARIANT_C = "VARIANT_C", _("Variant C")
    NO_VARIANT = "NO_VARIANT", _("Geen variant")
    WVP_TRACK = "WVP_TRACK", _("Poortwachtertraject")
    RECOVERED = "RECOVERED", _("Hersteld")
    WIA_APPLIED = "WIA_APPLIED", _("WIA aangevraagd")
    EMPLOYMENT_ENDED = "EMPLOYMENT_ENDED", _("Dienstverband beëindigd")
    CLOSED = "CLOSED", _("Gesloten")


class SickReport(Versioned):
    """The employer's record of a sick report (D02): R-130's fields plus dates, nothing medical."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=20, choices=SickReportState.choices, default=SickReportState.REPORTED)
    # Dates.
    first_sick_day = models.DateField()
    notified_to_ba_on = models.DateField(null=True, blank=True)
    recovery_date = models.DateField(null=True, blank=True)
    # exactly what the employer may ask and register.
    phone = models.CharField(max_length=40, blank=True)
    address = models.CharField(max_length=300, blank=True)
    expected_duration = models.CharField(max_length=100, blank=True)
    ongoing_appointments = models.CharField(max_length=300, blank=True)
    ongoing_work = models.CharField(max_length=300, blank=True)
    safety_net_applies = models.BooleanField(null=True, blank=True)
    work_accident = models.BooleanField(null=True, blank=True)
    traffic_accident_liable_third_party = models.BooleanField(null=True, blank=True)
    # Step 1 (the consult): when, and in which role (BA, or TD where allowed: ).
    consult_on = models.DateField(null=True, blank=True)
    consult_by_role = models.CharField(max_length=3, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-first_sick_day", "-pk"]
        indexes = [
            models.Index(fields=["case", "-first_sick_day"]),
            models.Index(fields=["organisation", "employee"]),
        ]

    def __str__(self) -> str:
        return f"sick report {self.pk}"


# The employer form and the API schema have exactly these fields plus the dates.
R130_FIELDS = (
    "phone",
    "address",
    "expected_duration",
    "ongoing_appointments",
    "ongoing_work",
    "safety_net_applies",
    "work_accident",
    "traffic_accident_liable_third_party",
)
EMPLOYER_DATE_FIELDS = ("first_sick_day", "notified_to_ba_on", "recovery_date")
EMPLOYER_TEXT_FIELDS = ("phone", "address", "expected_duration", "ongoing_appointments", "ongoing_work")


class MedicalNote(models.Model):
    """A medical note (D01) of the bedrijfsarts or TD: sealed; only opened through `unseal`."""

    sick_report = models.ForeignKey(SickReport, on_delete=models.CASCADE, related_name="medical_notes")
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(max_length=3)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"medical note {self.pk}"


class VerdictValue(models.TextChoices):
    AO = "AO", _("Arbeidsongeschikt")
    NOT_AO = "NOT_AO", _("Niet arbeidsongeschikt")


class WorkCapacityVerdict(models.Model):
    """Step 2 (D04) with the functional limitations and possibilities (D03). Only the BA (R-017).

    A change is a new row; the newest row is the verdict, the older ones are its history.
    """

    sick_report = models.ForeignKey(SickReport, on_delete=models.CASCADE, related_name="verdicts")
    value = models.CharField(max_length=6, choices=VerdictValue.choices)
    degree_pct = models.PositiveSmallIntegerField(null=True, blank=True)
    expected_duration = models.CharField(max_length=100, blank=True)
    no_work_capacity = models.BooleanField(default=False)
    limitations = models.TextField(blank=True)
    possibilities = models.TextField(blank=True)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return self.value


class ConflictFinding(models.Model):
    """Step 3: does the BA find a conflict? The variant is derived by the guideline (R-014), never typed."""

    sick_report = models.ForeignKey(SickReport, on_delete=models.CASCADE, related_name="conflict_findings")
    conflict = models.BooleanField()
    # I-5: the bedrijfsarts expects the conflict to prolong the incapacity (a prognosis, as D04).
    prolongs_incapacity = models.BooleanField(default=False)
    variant = models.CharField(max_length=4)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"variant {self.variant}"


class ConflictStyle(models.TextChoices):
    COMPETING = "COMPETING", _("Forceren")
    COLLABORATING = "COLLABORATING", _("Samenwerken")
    COMPROMISING = "COMPROMISING", _("Compromis zoeken")
    AVOIDING = "AVOIDING", _("Vermijden")
    ACCOMMODATING = "ACCOMMODATING", _("Toegeven")
    UNKNOWN = "UNKNOWN", _("Onbekend")


class ConflictDiagnosis(models.Model):
    """The bedrijfsarts' conflict diagnosis (D06): type, Glasl stage, styles of both parties."""

    sick_report = models.ForeignKey(SickReport, on_delete=models.CASCADE, related_name="diagnoses")
    conflict_type = models.CharField(max_length=30)
    glasl_stage = models.PositiveSmallIntegerField()
    style_employee = models.CharField(max_length=20, choices=ConflictStyle.choices)
    style_other = models.CharField(max_length=20, choices=ConflictStyle.choices)
    occupational_disease_assessed = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(max_length=3)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"diagnosis {self.pk}"


class AbleToConverse(models.TextChoices):
    YES = "YES", _("Ja")
    NO_MEDICAL_GROUNDS = "NO_MEDICAL_GROUNDS", _("Tijdelijk niet, op medische gronden")


class CapacityAssessment(models.Model):
    """The bedrijfsarts' capacity assessment (D07). Employer roles see only the conclusion (R°, D07 fn 12
    in docs/rules.md)."""

    sick_report = models.ForeignKey(SickReport, on_delete=models.CASCADE, related_name="capacity_assessments")
    resilience = models.TextField()
    problem_solving = models.TextField()
    able_to_converse = models.CharField(max_length=20, choices=AbleToConverse.choices)
    # The medical grounds (D07, the part no employer role reads, fn 12 in docs/rules.md), sealed in the vault.
    medical_grounds = models.ForeignKey(
        "vault.SealedContent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_date = models.DateField(null=True, blank=True)
    strengthening_advice = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"capacity {self.pk}"


class AdviceKind(models.TextChoices):
    REINTEGRATION = "REINTEGRATION", _("Re-integratieadvies")
    WORK_RESUMPTION = "WORK_RESUMPTION", _("Werkhervattingsadvies")
    INTERVENTION_PLAN = "INTERVENTION_PLAN", _("Interventieadvies")
    INTERVENTION_PERIOD = "INTERVENTION_PERIOD", _("Advies interventieperiode")
    FEEDBACK = "FEEDBACK", _("Terugkoppeling")


class Condition(models.TextChoices):
    NONE = "NONE", _("Geen voorwaarde")
    CONFLICT_RESOLVED = "CONFLICT_RESOLVED", _("Pas als het conflict is opgelost")
    FULL_RECOVERY = "FULL_RECOVERY", _("Pas na volledig herstel")


class AdviceContent(models.TextChoices):
    WORK_EXPECTATION = "WORK_EXPECTATION", _("Verwachting dat er gewerkt wordt")
    SOLUTION_DIRECTION = "SOLUTION_DIRECTION", _("Oplossingsrichting")
    INTERVENTION_PERIOD = "INTERVENTION_PERIOD", _("Interventieperiode")
    CONVERSATION = "CONVERSATION", _("Gesprek tussen partijen")
    MEDIATION = "MEDIATION", _("Mediation")
    OTHER_INTERVENTION = "OTHER_INTERVENTION", _("Andere interventie")
    REINTEGRATION = "REINTEGRATION", _("Re-integratie")
    GRADED_RETURN = "GRADED_RETURN", _("Opbouw van werk")
    WORK_ADJUSTMENTS = "WORK_ADJUSTMENTS", _("Aanpassingen in het werk")


class InterventionForm(models.TextChoices):
    ALT_WORKPLACE = "ALT_WORKPLACE", _("Andere werkplek")
    RELEASED_FROM_WORK = "RELEASED_FROM_WORK", _("Vrijgesteld van werk")


class SentAdvice(models.Model):
    """A bedrijfsarts advice (D08) as sent: one immutable record that employer and employee read alike."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    sick_report = models.ForeignKey(
        SickReport, null=True, blank=True, on_delete=models.PROTECT, related_name="advices"
    )
    kind = models.CharField(max_length=30, choices=AdviceKind.choices)
    content = models.JSONField(default=list)
    resumption_condition = models.CharField(max_length=20, choices=Condition.choices)
    reintegration_condition = models.CharField(max_length=20, choices=Condition.choices)
    recommends_termination = models.BooleanField(default=False)
    recommends_resignation = models.BooleanField(default=False)
    not_able_to_converse = models.BooleanField(default=False)
    not_able_medical_grounds = models.BooleanField(default=False)
    review_date = models.DateField(null=True, blank=True)
    ip_form = models.CharField(max_length=20, choices=InterventionForm.choices, blank=True)
    ip_start_on = models.DateField(null=True, blank=True)
    ip_days = models.PositiveSmallIntegerField(null=True, blank=True)
    ip_contact_person = models.CharField(max_length=200, blank=True)
    solution_direction = models.TextField(blank=True)
    text = models.TextField(blank=True)
    recipients = models.JSONField(default=list)
    # The bedrijfsarts' own record of how the guideline's warnings were handled (codes and reasons).
    acknowledged = models.JSONField(default=list, blank=True)
    justifications = models.JSONField(default=dict, blank=True)
    sent_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"advice {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("a sent advice cannot be changed")
        super().save(*args, **kwargs)


class OpenConsultation(models.Model):
    """A visit to the bedrijfsarts' open spreekuur, outside any sick report (R-135, R-136, CC-5).

    Medical secrecy covers even the fact of the visit: it is linked to no case and only the
    bedrijfsarts who held it and the employee themself can see it.
    """

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    physician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    sealed = models.ForeignKey(
        "vault.SealedContent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # CC-1 / CC-5: the employer role the bedrijfsarts consulted about this visit, only with the
    # employee's valid consent for that role; empty when the employer was not consulted.
    employer_consulted_role = models.CharField(
        max_length=3,
        blank=True,
        choices=[("LG", _("Leidinggevende")), ("HR", _("HR-adviseur")), ("CM", _("Casemanager"))],
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "physician"]),
            models.Index(fields=["organisation", "employee"]),
        ]

    def __str__(self) -> str:
        return f"open consultation {self.pk}"
