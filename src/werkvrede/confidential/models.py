"""The vertrouwenspersoon's dossier (SM-6, D15) and annual report (D16).

A report (melding) belongs to the organisation's vertrouwenspersonen (VP) and its melder, nobody else
(D15 in docs/rules.md). What the melder and the VP write is sealed in the vault; the row holds only
what the VP's work and the annual report need. An anonymous report has no melder: a receipt code, of
which only a keyed digest is stored, opens it; its dates are days, never times (no IP address, no
user agent).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportState(models.TextChoices):
    """SM-6 states (docs/rules.md)."""

    CONTACT = "CONTACT", _("Eerste contact")
    INTAKE = "INTAKE", _("Intake")
    ADVICE = "ADVICE", _("Advies")
    INFORMAL_SOLUTION_SUPPORT = "INFORMAL_SOLUTION_SUPPORT", _("Steun bij een informele oplossing")
    REFERRED = "REFERRED", _("Doorverwezen")
    FORMAL_COMPLAINT_SUPPORT = "FORMAL_COMPLAINT_SUPPORT", _("Steun bij een formele klacht")
    AFTERCARE = "AFTERCARE", _("Nazorg")
    CLOSED = "CLOSED", _("Afgesloten")
    IN_ANNUAL_REPORT = "IN_ANNUAL_REPORT", _("Verwerkt in het jaarverslag")
    DOSSIER_DESTROYED = "DOSSIER_DESTROYED", _("Dossier vernietigd")
    CONFIDENTIALITY_BREACH_REVIEW = (
        "CONFIDENTIALITY_BREACH_REVIEW",
        _("Doorbreken van geheimhouding overwogen"),
    )


ACTIVE_STATES = frozenset(
    {
        ReportState.CONTACT,
        ReportState.INTAKE,
        ReportState.ADVICE,
        ReportState.INFORMAL_SOLUTION_SUPPORT,
        ReportState.REFERRED,
        ReportState.FORMAL_COMPLAINT_SUPPORT,
        ReportState.AFTERCARE,
        ReportState.CONFIDENTIALITY_BREACH_REVIEW,
    }
)


class Channel(models.TextChoices):
    """How the report reached the VP (an annual-report dimension, never an identifier)."""

    NAMED = "NAMED", _("Bericht via Werkvrede")
    ANONYMOUS = "ANONYMOUS", _("Anoniem")
    CASE_CHOICE = "CASE_CHOICE", _("Gekozen na het aanbod van de vertrouwenspersoon (R-100)")
    MEDIATION_PAUSE = "MEDIATION_PAUSE", _("Verwezen door de mediator (R-077)")
    RECORDED = "RECORDED", _("Contact vastgelegd door de vertrouwenspersoon")
    # the whistleblower officer routed a personal conflict here with the melder's consent;
    # the report opens empty, nothing of the whistleblower report comes along.
    WHISTLEBLOWER = "WHISTLEBLOWER", _("Doorgeleid door het meldpunt klokkenluiders (R-118)")


class Route(models.TextChoices):
    """The route the melder chose after advice (SM-6 rows 4 to 6)."""

    INFORMAL = "INFORMAL", _("Informele oplossing")
    REFERRED = "REFERRED", _("Doorverwijzing")
    FORMAL_COMPLAINT = "FORMAL_COMPLAINT", _("Formele klacht")


class AdviserProfile(models.Model):
    """How employees reach this vertrouwenspersoon (shown on the start page and the protocol)."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    contact = models.TextField(max_length=500, blank=True)
    external = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="adviser_profile_one")]

    def __str__(self) -> str:
        return f"adviser profile {self.pk}"


class ReportCategory(models.Model):
    """R-106: the organisation's categories; the defaults are the guideline's VPCategory list."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=40)
    label = models.CharField(max_length=100)
    label_en = models.CharField(max_length=100, blank=True)
    active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="report_category_code")]

    def __str__(self) -> str:
        return self.code


class ContactTally(models.Model):
    """SM-6 row 1: before the melder consents to registration (CC-9), only a count per day."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "day"], name="contact_tally_day")]

    def __str__(self) -> str:
        return f"contacts {self.day}"


class Report(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=30, choices=ReportState.choices, default=ReportState.CONTACT)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    melder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Anonymous reports: HMAC of the receipt code (the code itself is shown once and never stored).
    receipt_digest = models.CharField(max_length=64, blank=True, db_index=True)
    opened_on = models.DateField()
    intake_on = models.DateField(null=True, blank=True)
    confidentiality_explained = models.BooleanField(default=False)
    privilege_limits_explained = models.BooleanField(default=False)
    registration_consent_on = models.DateField(null=True, blank=True)
    category = models.CharField(max_length=40, blank=True)
    route = models.CharField(max_length=20, choices=Route.choices, blank=True)
    # The state a confidentiality review interrupted (SM-6 row 7 is a side state).
    resume_state = models.CharField(max_length=30, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    annual_report = models.ForeignKey(
        "confidential.AnnualReport", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    in_annual_report_on = models.DateField(null=True, blank=True)
    destroyed_on = models.DateField(null=True, blank=True)
    # a keyed reference to the person the report concerns, to see patterns; never shown.
    concerns_ref = models.CharField(max_length=64, blank=True, db_index=True)
    last_activity_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["organisation", "state", "-last_activity_on"])]

    def __str__(self) -> str:
        return f"VP report {self.pk}"

    @property
    def is_anonymous(self) -> bool:
        return self.channel == Channel.ANONYMOUS

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES


class Side(models.TextChoices):
    MELDER = "MELDER", _("Melder")
    VP = "VP", _("Vertrouwenspersoon")


class ReportMessage(models.Model):
    """One message in the report, sealed (D15). Dated to the day: no exact time is kept."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=6, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    written_on = models.DateField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"VP report message {self.pk}"


class AnnualReport(models.Model):
    """D16: anonymised aggregates of one year (R-105); stays after the dossiers are destroyed (R-107)."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    min_cell = models.PositiveSmallIntegerField(default=3)
    # Rows of (dimension, key, count): per category, channel, route and state; see annual.py.
    aggregates = models.JSONField(default=dict)
    recommendations = models.TextField(max_length=4000, blank=True)
    made_on = models.DateField()
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="annual_report_year")]

    def __str__(self) -> str:
        return f"VP annual report {self.year}"


# --- Referrals (SM-6 row 5, R-102, CC-6) and a confidentiality review (SM-6 row 7, R-103) ---------


class ReferralTarget(models.TextChoices):
    """Whom the VP can refer a melder to. The first four are people in Werkvrede (one is chosen)."""

    HR = "HR", _("HR-adviseur")
    BA = "BA", _("Bedrijfsarts")
    BMW = "BMW", _("Bedrijfsmaatschappelijk werker")
    MED = "MED", _("Mediator")
    LEGAL = "ADV", _("Juridisch adviseur")
    POLICE = "POL", _("Politie")
    CARE = "CARE", _("Zorgverlener (huisarts, psycholoog)")
    WHISTLEBLOWER = "WB", _("Meldpunt klokkenluiders")


#: The targets that are a person in the organisation, by the role they hold (docs/rules.md actors).
INTERNAL_TARGETS = frozenset({ReferralTarget.HR, ReferralTarget.BA, ReferralTarget.BMW, ReferralTarget.MED})


class ReferralStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Voorgesteld, wacht op de melder")
    ACCEPTED = "ACCEPTED", _("Toestemming gegeven, doorverwezen")
    DECLINED = "DECLINED", _("Geen toestemming, niets doorgegeven")
    WITHDRAWN = "WITHDRAWN", _("Toestemming ingetrokken")


class Referral(models.Model):
    """A referral the VP proposes and the melder accepts in writing (R-102, CC-6, SM-6 row 5).

    The summary is the only thing that passes, and only after the melder's consent (the consent
    record, D20, names recipient and scope); it is sealed in the report's compartment (D15).
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="referrals")
    target = models.CharField(max_length=5, choices=ReferralTarget.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PROPOSED)
    summary = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    # A referral to a mediator: the other party and the subject the mediation will carry.
    other_party = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mediation_subject = models.CharField(max_length=200, blank=True)
    consent = models.ForeignKey(
        "consent.Consent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mediation = models.ForeignKey(
        "mediation.Mediation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_on = models.DateField()
    made_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["recipient", "status"])]

    def __str__(self) -> str:
        return f"VP referral {self.pk}"


class BreachOutcome(models.TextChoices):
    PENDING = "PENDING", _("Wordt overwogen")
    DISCLOSED = "DISCLOSED", _("Geheimhouding doorbroken")
    NOT_DISCLOSED = "NOT_DISCLOSED", _("Niet doorbroken")


class BreachReview(models.Model):
    """The VP considers breaking confidentiality (SM-6 row 7, R-103): the checklist as answered."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="breach_reviews")
    statutory_duty = models.BooleanField(default=False)
    legal_basis = models.CharField(max_length=300, blank=True)
    # BreachCondition values (guideline) the VP ticked.
    conditions = models.JSONField(default=list)
    melder_informed_on = models.DateField()
    recipient_role = models.CharField(max_length=200)
    justification = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    resume_state = models.CharField(max_length=30)
    considered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    considered_on = models.DateField()
    outcome = models.CharField(max_length=15, choices=BreachOutcome.choices, default=BreachOutcome.PENDING)
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"VP breach review {self.pk}"


class ManagementAdvice(models.Model):
    """R-108: the VP's advice to management, from patterns in reports without naming a melder (D16).

    Readable by the organisation's VP, LG and HR, like the annual report it sits beside."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=4000)
    written_on = models.DateField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self) -> str:
        return f"VP management advice {self.pk}"
