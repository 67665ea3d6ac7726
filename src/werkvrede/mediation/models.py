"""Arbeidsmediation (SM-5, R-070…R-085) and termination agreements (SM-5T, R-090…R-097).

Data categories (docs/rules.md, see `classification.py`): what is said in the mediation is D11 and lives
sealed in the vault (intake notes, session notes); the mediation agreement is D12, the outcome
agreement D13, status notices D14 and the termination agreement D19. The signed documents themselves
are `documents.Document` rows owned by a mediation ("mediation.mediation"), an admission
("mediation.admission") or a termination agreement ("mediation.termination").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MediationState(models.TextChoices):
    """SM-5 states (guideline/states.py)."""

    REFERRED = "REFERRED", _("Verwezen")
    INTAKE = "INTAKE", _("Intake")
    PAUSED_VP_REFERRAL = "PAUSED_VP_REFERRAL", _("Gepauzeerd, verwezen naar de vertrouwenspersoon")
    AGREEMENT_PENDING = "AGREEMENT_PENDING", _("Mediationovereenkomst wacht op handtekeningen")
    AGREEMENT_SIGNED = "AGREEMENT_SIGNED", _("Mediationovereenkomst getekend")
    IN_SESSION = "IN_SESSION", _("Gesprekken lopen")
    OUTCOME_DRAFTED = "OUTCOME_DRAFTED", _("Afspraken opgesteld")
    OUTCOME_SIGNED = "OUTCOME_SIGNED", _("Afspraken getekend")
    ENDED_WITH_AGREEMENT = "ENDED_WITH_AGREEMENT", _("Beëindigd met afspraken")
    WITHDRAWN_BY_PARTY = "WITHDRAWN_BY_PARTY", _("Een partij is gestopt")
    ENDED_BY_MEDIATOR = "ENDED_BY_MEDIATOR", _("Beëindigd door de mediator")
    NEUTRAL_NOTICE_SENT = "NEUTRAL_NOTICE_SENT", _("Neutraal beëindigingsbericht verstuurd")
    ENDED_NO_AGREEMENT = "ENDED_NO_AGREEMENT", _("Beëindigd zonder afspraken")


ACTIVE_STATES = frozenset(
    {
        MediationState.REFERRED,
        MediationState.INTAKE,
        MediationState.PAUSED_VP_REFERRAL,
        MediationState.AGREEMENT_PENDING,
        MediationState.AGREEMENT_SIGNED,
        MediationState.IN_SESSION,
        MediationState.OUTCOME_DRAFTED,
        MediationState.OUTCOME_SIGNED,
    }
)
# SM-5 row 16: the mediator may end from intake until the outcome is drafted (a party may withdraw in more
# states: row 15, ADR 0115).
ENDABLE_STATES = frozenset(
    {
        MediationState.INTAKE,
        MediationState.AGREEMENT_PENDING,
        MediationState.AGREEMENT_SIGNED,
        MediationState.IN_SESSION,
        MediationState.OUTCOME_DRAFTED,
    }
)


class Track(models.TextChoices):
    RESTORATION = "RESTORATION", _("Herstelmediation")
    EXIT = "EXIT", _("Exitmediation")


class Clause(models.TextChoices):
    """Contents of the mediation agreement (R-073); the first two are the essentialia."""

    VOLUNTARINESS = "VOLUNTARINESS", _("Vrijwilligheid")
    CONFIDENTIALITY = "CONFIDENTIALITY", _("Geheimhouding, ook na afloop en in een procedure")
    IDENTITIES = "IDENTITIES", _("Namen van de partijen en de mediator")
    SUBJECT = "SUBJECT", _("Onderwerp van het conflict")
    NEUTRALITY = "NEUTRALITY", _("Neutraliteit van de mediator")
    REGLEMENT = "REGLEMENT", _("Toepasselijk reglement (bijvoorbeeld MfN)")
    FEES = "FEES", _("Kosten en wie ze betaalt")
    REPORTING = "REPORTING", _("Verslaglegging")
    INTERIM_AGREEMENTS = "INTERIM_AGREEMENTS", _("Tussentijdse afspraken")
    ADMITTED_ADVISERS = "ADMITTED_ADVISERS", _("Toegelaten adviseurs en ondersteuners")


class OutcomeKind(models.TextChoices):
    BEHAVIOUR_PLAN = "BEHAVIOUR_PLAN", _("Gedragsplan")
    ARRANGEMENT = "ARRANGEMENT", _("Afsprakenregeling")
    VSO = "VSO", _("Vaststellingsovereenkomst")


class EndKind(models.TextChoices):
    AGREEMENT = "AGREEMENT", _("Met afspraken")
    WITHDRAWN_BY_PARTY = "WITHDRAWN_BY_PARTY", _("Een partij is gestopt")
    ENDED_BY_MEDIATOR = "ENDED_BY_MEDIATOR", _("De mediator heeft beëindigd")


class Mediation(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    # Null for a direct mediation without a conflict case (e.g. a small business).
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # The referral this mediation takes over (an interventions.Intervention of kind REFERRAL_MEDIATOR).
    referral = models.ForeignKey(
        "interventions.Intervention", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=30, choices=MediationState.choices, default=MediationState.REFERRED)
    track = models.CharField(max_length=15, choices=Track.choices, blank=True)
    subject = models.CharField(max_length=200)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    referrer_role = models.CharField(max_length=5)
    referred_on = models.DateField()
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    impartiality_declared_at = models.DateTimeField(null=True, blank=True)
    paused_on = models.DateField(null=True, blank=True)
    vp_referred = models.BooleanField(default=False)
    # Clauses of the current mediation agreement and the R-073 warnings acknowledged for it.
    agreement_clauses = models.JSONField(default=list, blank=True)
    acknowledged = models.JSONField(default=list, blank=True)
    # Set by the service when the agreement's last signature is placed (the document is then locked).
    agreement_signed_on = models.DateField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    outcome_kind = models.CharField(max_length=20, choices=OutcomeKind.choices, blank=True)
    outcome_signed_on = models.DateField(null=True, blank=True)
    # the outcome agreement itself says that it ends the mediation, with the date.
    outcome_ends_mediation = models.BooleanField(default=False)
    end_kind = models.CharField(max_length=20, choices=EndKind.choices, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    notice_sent_on = models.DateField(null=True, blank=True)
    # the re-evaluation of re-integration after the end, in a case with a sick report.
    followup_due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"mediation {self.pk}"

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES


class PartySide(models.TextChoices):
    EMPLOYEE = "WN", _("Werknemer")
    OTHER = "WP", _("Wederpartij")
    # Only this person, in this mediation, speaks for the employer and gets P (D11 fn 18, docs/rules.md).
    EMPLOYER_REPRESENTATIVE = "ER", _("Vertegenwoordiger van de werkgever")


class MediationParty(models.Model):
    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="parties")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=2, choices=PartySide.choices)
    # every party says yes (or no) for themselves; None = not asked yet.
    willing = models.BooleanField(null=True, blank=True)
    willing_recorded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["mediation", "user"], name="mediation_party_unique"),
        ]

    def __str__(self) -> str:
        return f"party {self.pk}"


class IntakeRecord(models.Model):
    """One party's intake (D11): positions, interests, underlying causes, sealed as one JSON text."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="intakes")
    party = models.ForeignKey(MediationParty, on_delete=models.CASCADE, related_name="intakes")
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"intake {self.pk}"


class TrackChange(models.Model):
    """R-078: the track may change; every change is logged (internal to the mediation)."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="track_changes")
    from_track = models.CharField(max_length=15, choices=Track.choices, blank=True)
    to_track = models.CharField(max_length=15, choices=Track.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_track}->{self.to_track}"


class AdmissionKind(models.TextChoices):
    SUPPORTER = "SUPPORTER", _("Ondersteuner")
    LAWYER = "LAWYER", _("Advocaat")


class Admission(models.Model):
    """A supporter or lawyer of a party (R-076, CC-8): admitted with all parties' consent and a signed NDA."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="admissions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=AdmissionKind.choices)
    for_party = models.ForeignKey(MediationParty, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    admitted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]

    def __str__(self) -> str:
        return f"admission {self.pk}"


class AdmissionConsent(models.Model):
    admission = models.ForeignKey(Admission, on_delete=models.CASCADE, related_name="consents")
    party = models.ForeignKey(MediationParty, on_delete=models.CASCADE, related_name="+")
    consented_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["admission", "party"], name="mediation_admission_consent_unique")
        ]

    def __str__(self) -> str:
        return f"consent {self.pk}"


class Session(models.Model):
    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    # Unguessable part of the video link (secrets.token_urlsafe).
    token = models.CharField(max_length=64, unique=True)
    video_url = models.CharField(max_length=300)
    # User ids invited to this session (the mediator is always one of them).
    participants = models.JSONField(default=list)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # RFC 5545 SEQUENCE of the calendar invitation: one more on every change, so calendars update it.
    sequence = models.PositiveIntegerField(default=0)
    # Set when the session is called off (by the mediator, or because the mediation ended).
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"session {self.pk}"

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class SessionNote(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"session note {self.pk}"


class PartyMessage(models.Model):
    """A written message of the mediator to one or more parties (D11, sealed). R-083: a message to only
    some of the parties is sent after the guidance was shown and acknowledged (ADR 0117)."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="messages")
    sealed = models.ForeignKey("vault.SealedContent", on_delete=models.PROTECT, related_name="+")
    # User ids of the parties it is addressed to.
    recipients = models.JSONField(default=list)
    # not every party of the mediation received it.
    one_sided = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"party message {self.pk}"


class TerminationState(models.TextChoices):
    """SM-5T states (plus DRAFT before the last signature)."""

    DRAFT = "DRAFT", _("Concept, wacht op handtekeningen")
    CONCLUDED = "CONCLUDED", _("Gesloten")
    COOLING_OFF = "COOLING_OFF", _("Bedenktermijn loopt")
    FINAL = "FINAL", _("Definitief")
    DISSOLVED = "DISSOLVED", _("Ontbonden")


class ChecklistItem(models.TextChoices):
    """R-096 termination-agreement checklist (WW protection)."""

    NAMES_ADDRESSES = "NAMES_ADDRESSES", _("Namen en adressen")
    EMPLOYER_INITIATIVE_AND_REASON = (
        "EMPLOYER_INITIATIVE_AND_REASON",
        _("Initiatief van de werkgever en reden"),
    )
    NO_URGENT_REASON = "NO_URGENT_REASON", _("Geen dringende reden")
    MUTUAL_CONSENT = "MUTUAL_CONSENT", _("Wederzijds goedvinden")
    END_DATE_RESPECTS_NOTICE = "END_DATE_RESPECTS_NOTICE", _("Einddatum met inachtneming van de opzegtermijn")
    FINAL_SETTLEMENT_DATE = "FINAL_SETTLEMENT_DATE", _("Datum eindafrekening")
    PLACE_AND_DATE_OF_SIGNING = "PLACE_AND_DATE_OF_SIGNING", _("Plaats en datum van ondertekening")


class TerminationAgreement(models.Model):
    """A beëindigingsovereenkomst (D19) inside an exit mediation or directly on a case (SM-5T)."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    mediation = models.ForeignKey(
        Mediation, null=True, blank=True, on_delete=models.PROTECT, related_name="termination_agreements"
    )
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    employer_signatory = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=15, choices=TerminationState.choices, default=TerminationState.DRAFT)
    end_of_employment_on = models.DateField()
    mentions_dissolution_right = models.BooleanField(default=True)
    statutory_director = models.BooleanField(default=False)
    court_settlement = models.BooleanField(default=False)
    checklist = models.JSONField(default=list, blank=True)
    acknowledged = models.JSONField(default=list, blank=True)
    concluded_on = models.DateField(null=True, blank=True)
    # the file shows written agreement on the essentials before the last signature.
    essentials_agreed_on = models.DateField(null=True, blank=True)
    reflection_ends_on = models.DateField(null=True, blank=True)
    # the code that removed the reflection period, if any.
    no_reflection_rule = models.CharField(max_length=10, blank=True)
    dissolution_sent_on = models.DateField(null=True, blank=True)
    dissolution_received_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # SM-5 row 11: the signed exit outcome this agreement was drafted from (one draft per outcome).
    outcome = models.OneToOneField(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["employee", "dissolution_received_on"])]

    def __str__(self) -> str:
        return f"termination agreement {self.pk}"
