"""The conflict case (SM-1): parties, who takes part in which role, the Glasl history, the timeline.

Everything here is data category D05 (conflict facts and accounts) unless classified otherwise in
`classification.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    SIGNALLED = "SIGNALLED", _("Gesignaleerd")
    INTAKE = "INTAKE", _("Intake")
    OWN_CONVERSATION = "OWN_CONVERSATION", _("Gesprek tussen partijen")
    FACILITATED_CONVERSATION = "FACILITATED_CONVERSATION", _("Gesprek met een derde")
    MEDIATION = "MEDIATION", _("Mediation")
    RESOLVED_CONTINUED = "RESOLVED_CONTINUED", _("Opgelost, samenwerking gaat door")
    RESOLVED_EXIT = "RESOLVED_EXIT", _("Opgelost met vertrek")
    LEGAL_ROUTE = "LEGAL_ROUTE", _("Juridische route")
    CLOSED_UNRESOLVED = "CLOSED_UNRESOLVED", _("Afgesloten zonder oplossing")
    CLOSED = "CLOSED", _("Gesloten")


class Configuration(models.TextChoices):
    INDIVIDUAL_INDIVIDUAL = "INDIVIDUAL_INDIVIDUAL", _("Individu – individu")
    INDIVIDUAL_GROUP = "INDIVIDUAL_GROUP", _("Individu – groep")
    GROUP_GROUP = "GROUP_GROUP", _("Groep – groep")


class Domain(models.TextChoices):
    WORK_CONTENT = "WORK_CONTENT", _("Werkinhoud")
    RELATIONS = "RELATIONS", _("Arbeidsverhoudingen")
    CONDITIONS = "CONDITIONS", _("Arbeidsomstandigheden")
    TERMS = "TERMS", _("Arbeidsvoorwaarden")


class ConflictType(models.TextChoices):
    EMPLOYEE_EMPLOYEE = "EMPLOYEE_EMPLOYEE", _("Werknemer – werknemer")
    EMPLOYEE_MANAGER = "EMPLOYEE_MANAGER", _("Werknemer – leidinggevende")
    EMPLOYEE_ORGANISATION = "EMPLOYEE_ORGANISATION", _("Werknemer – organisatie")
    UNDESIRABLE_BEHAVIOUR_BASED = "UNDESIRABLE_BEHAVIOUR_BASED", _("Op grond van ongewenst gedrag")


class CaseRole(models.TextChoices):
    """A person's role in one case (docs/rules.md, actors); the organisation role alone opens no case."""

    EMPLOYEE = "WN", _("Werknemer (partij)")
    OTHER_PARTY = "WP", _("Wederpartij")
    LINE_MANAGER = "LG", _("Leidinggevende")
    HR_ADVISER = "HR", _("HR-adviseur")
    CASEMANAGER = "CM", _("Casemanager")
    OCCUPATIONAL_PHYSICIAN = "BA", _("Bedrijfsarts")
    DELEGATED_PROFESSIONAL = "TD", _("Professional onder taakdelegatie")
    COMPANY_SOCIAL_WORKER = "BMW", _("Bedrijfsmaatschappelijk werker")


class UndesirableBehaviour(models.TextChoices):
    """Categories of suspected undesirable behaviour (the guideline's `UBCategory`; R-100, RT-2)."""

    SEXUAL_HARASSMENT = "SEXUAL_HARASSMENT", _("Seksuele intimidatie")
    BULLYING = "BULLYING", _("Pesten")
    AGGRESSION_VIOLENCE = "AGGRESSION_VIOLENCE", _("Agressie en geweld")
    DISCRIMINATION = "DISCRIMINATION", _("Discriminatie")
    OTHER_INTIMIDATION = "OTHER_INTIMIDATION", _("Andere intimidatie")
    ABUSE_OF_POWER = "ABUSE_OF_POWER", _("Machtsmisbruik")
    INTEGRITY = "INTEGRITY", _("Integriteit")
    OTHER = "OTHER", _("Anders")


class MelderChoice(models.TextChoices):
    """What the melder chose after the vertrouwenspersoon was offered (R-100, SM-6)."""

    VP = "VP", _("Ik ga in gesprek met de vertrouwenspersoon")
    FORMAL_COMPLAINT = "FORMAL_COMPLAINT", _("Ik dien een formele klacht in")
    INFORMAL_ROUTE = "INFORMAL_ROUTE", _("Ik kies een informele weg")
    DECLINED_VP = "DECLINED_VP", _("Ik wil geen vertrouwenspersoon")


class Case(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    state = models.CharField(max_length=30, choices=CaseState.choices, default=CaseState.SIGNALLED)
    signalled_on = models.DateField()
    signalled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signalled_as = models.CharField(max_length=5)
    configuration = models.CharField(max_length=30, choices=Configuration.choices, blank=True)
    domains = models.JSONField(default=list, blank=True)
    acknowledged_by_other = models.BooleanField(null=True, blank=True)
    undesirable_behaviour_suspected = models.BooleanField(default=False)
    undesirable_behaviour_categories = models.JSONField(default=list, blank=True)
    # the hold on confronting steps lasts until the VP was offered and the melder chose.
    vp_offered_on = models.DateField(null=True, blank=True)
    melder_choice = models.CharField(max_length=20, choices=MelderChoice.choices, blank=True)
    melder_consents_to_mediation = models.BooleanField(default=False)
    intake_completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="case_reference_unique"),
        ]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            # The start page's signals in their order (intake waiting, ADR 0200): flat in the
            # organisation's number of cases.
            models.Index(fields=["organisation", "state", "signalled_on", "id"]),
            # Only the cases waiting for the melder's choice: a handful, whatever the total.
            models.Index(
                fields=["organisation", "vp_offered_on", "id"],
                condition=models.Q(undesirable_behaviour_suspected=True, vp_offered_on__isnull=False)
                & models.Q(melder_choice=""),
                name="case_melder_choice_waiting",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class CaseParty(models.Model):
    """A party to the conflict: a person (with or without a log-in) or a group (R-003)."""

    class Side(models.TextChoices):
        EMPLOYEE = "WN", _("Werknemer")
        OTHER = "WP", _("Wederpartij")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    side = models.CharField(max_length=2, choices=Side.choices)
    is_group = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=200)
    feels_obstructed = models.BooleanField(default=False)
    legal_assistance_since = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["side", "pk"]

    def __str__(self) -> str:
        return self.name


class CaseParticipant(models.Model):
    """Who takes part in a case, and as what: the basis of every case-level access decision."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_roles")
    role = models.CharField(max_length=5, choices=CaseRole.choices)
    # The question the case is referred to the bedrijfsarts with; never a request to advise
    # termination (R-033, R-097, RT-13).
    question = models.TextField(blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user", "role"], name="case_participant_unique")
        ]
        # "my cases" and "my deadlines as <role>" are range scans on this index.
        indexes = [models.Index(fields=["user", "role", "case"])]

    def __str__(self) -> str:
        return f"{self.user_id} as {self.role} in {self.case_id}"


class GlaslRecord(models.Model):
    """Conflict type and Glasl stage, kept with history: reclassification is always allowed (R-004)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="glasl_history")
    stage = models.PositiveSmallIntegerField()
    conflict_type = models.CharField(max_length=30, choices=ConflictType.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"Glasl {self.stage}"


class TimelineEvent(models.Model):
    """What happened in the case, in order. `kind` is a code; the text is rendered from it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=40)
    occurred_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    actor_role = models.CharField(max_length=5, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["occurred_at", "pk"]
        indexes = [models.Index(fields=["case", "occurred_at"])]

    def __str__(self) -> str:
        return self.kind


class CaseNote(models.Model):
    """A party's or professional's own account (D05): a private draft until its author shares it."""

    class Visibility(models.TextChoices):
        PRIVATE = "PRIVATE", _("Alleen ik")
        HANDLERS = "HANDLERS", _("Ik en de behandelaars van de zaak (HR, casemanager)")
        SHARED = "SHARED", _("Iedereen in de zaak")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(max_length=5)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk}"


class CaseDeadline(models.Model):
    """A deadline of the case as the guideline computed it (T-xx), kept for indexed "what is due" queries.

    Rows are replaced whenever the case's facts change (`deadlines.case_deadlines_refresh`). Whether a
    pending deadline is due soon or overdue is decided when it is read, from `due` and today.
    """

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Open")
        DONE = "DONE", _("Gedaan")
        # Done after the due date: stays late (ADR 0100).
        DONE_LATE = "DONE_LATE", _("Te laat gedaan")
        NOT_APPLICABLE = "NOT_APPLICABLE", _("Niet van toepassing")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    code = models.CharField(max_length=10)
    # The data category the deadline reveals (docs/rules.md); reads are filtered by it.
    category = models.CharField(max_length=3)
    subject = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)
    # The date that counts for "what is due": the due date, or the end of a window.
    due = models.DateField(null=True, blank=True)
    practical_due = models.DateField(null=True, blank=True)
    window_start = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    # Working days after the due date when done late (DONE_LATE), else null (ADR 0100).
    late_working_days = models.PositiveIntegerField(null=True, blank=True)
    owner_roles = models.CharField(max_length=40)
    basis = models.CharField(max_length=20)
    guideline_version = models.CharField(max_length=20)

    class Meta:
        ordering = ["due", "code"]
        indexes = [
            models.Index(fields=["organisation", "status", "due", "id"]),
            models.Index(fields=["case", "due"]),
            # Steps done late recently (ADR 0100), found by when they were done (ADR 0200).
            models.Index(fields=["organisation", "status", "done_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.due}"

    @property
    def owners(self) -> list[str]:
        """The owning role codes, e.g. ["CM", "LG", "WN"]."""
        return [role for role in self.owner_roles.split(",") if role]


class LegalHoldCategory(models.TextChoices):
    """The ground for keeping a case's records past their retention term (R-140)."""

    PENDING_LITIGATION = "PENDING_LITIGATION", _("Lopende of dreigende juridische procedure")
    AUTHORITY_REQUEST = "AUTHORITY_REQUEST", _("Verzoek of vordering van een instantie")
    OTHER = "OTHER", _("Andere wettelijke reden")


class LegalHold(models.Model):
    """A legal hold on a case (R-140): its records are kept past their retention term, with a reason.

    Set and lifted by HR or the casemanager (ADR 0101); a lifted hold stays as history. At most one
    hold of a case is active (not lifted) at a time. The active hold feeds the guideline's
    `retention.hold`, which suspends the T-24 deletions.
    """

    Category = LegalHoldCategory

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="legal_holds")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    reason = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-set_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(lifted_at__isnull=True), name="one_active_legal_hold"
            )
        ]

    def __str__(self) -> str:
        return f"legal hold {self.pk}"

    @property
    def active(self) -> bool:
        return self.lifted_at is None
