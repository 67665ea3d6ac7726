"""The organisation's conflict protocol (arbeidsconflictenprotocol): the parameters (docs/rules.md) and
whom to contact, kept as versions. The newest version is the one in force; older ones are history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from werkvrede.core.workcalendar import LiberationDay


class DayUnit(models.TextChoices):
    WORKING = "WORKING", _("Werkdagen")
    CALENDAR = "CALENDAR", _("Kalenderdagen")


class OverrideMode(models.TextChoices):
    BLOCK = "BLOCK", _("Blokkeren (standaard)")
    WARN_J = "WARN_J", _("Waarschuwen, met schriftelijke onderbouwing door de bedrijfsarts")


class LiberationDayMode(models.TextChoices):
    EVERY_YEAR = LiberationDay.EVERY_YEAR.value, _("Elk jaar een vrije dag")
    LUSTRUM = LiberationDay.LUSTRUM.value, _("Alleen in lustrumjaren (2025, 2030, …)")
    NEVER = LiberationDay.NEVER.value, _("Nooit een vrije dag")


DEFAULT_EMOTIONS_SENTENCE = gettext_noop(
    "Emoties alleen zijn geen reden om je ziek te melden. Loopt een conflict hoog op, neem dan contact op "
    "met je leidinggevende, HR, de vertrouwenspersoon of het open spreekuur van de bedrijfsarts."
)


class ConflictProtocol(models.Model):
    """One version of an organisation's conflict protocol."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField()
    conflict_leave_enabled = models.BooleanField(default=False)
    conflict_leave_max_days = models.PositiveSmallIntegerField(default=3)
    conflict_leave_window_months = models.PositiveSmallIntegerField(default=24)
    conflict_leave_day_unit = models.CharField(
        max_length=10, choices=DayUnit.choices, default=DayUnit.WORKING
    )
    ip_normal_max_days = models.PositiveSmallIntegerField(default=7)
    ip_exceptional_max_days = models.PositiveSmallIntegerField(default=14)
    ip_evaluation_due_working_days = models.PositiveSmallIntegerField(default=5)
    not_able_max_review_days = models.PositiveSmallIntegerField(default=42)
    inhouse_max_glasl = models.PositiveSmallIntegerField(default=3)
    mediation_max_glasl = models.PositiveSmallIntegerField(default=6)
    i1_min_case_age_days = models.PositiveSmallIntegerField(default=28)
    no_intervention_after_days = models.PositiveSmallIntegerField(default=42)
    aggregation_gap_days = models.PositiveSmallIntegerField(default=28)
    review_interval_days = models.PositiveSmallIntegerField(default=42)
    cooling_off_days = models.PositiveSmallIntegerField(default=14)
    cooling_off_days_without_clause = models.PositiveSmallIntegerField(default=21)
    repeat_window_months = models.PositiveSmallIntegerField(default=6)
    vp_min_cell = models.PositiveSmallIntegerField(default=3)
    # Retention terms within their legal bounds (R-140…R-148,
    # docs/adr/0177-retention-terms-per-organisation.md).
    retention_admin_absence_years = models.PositiveSmallIntegerField(default=2)
    retention_reintegration_years = models.PositiveSmallIntegerField(default=2)
    retention_ba_medical_years = models.PositiveSmallIntegerField(default=20)
    retention_mediation_years = models.PositiveSmallIntegerField(default=2)
    retention_supporter_notes_months = models.PositiveSmallIntegerField(default=3)
    retention_whistleblower_years = models.PositiveSmallIntegerField(default=2)
    ba_override_mode = models.CharField(
        max_length=10, choices=OverrideMode.choices, default=OverrideMode.BLOCK
    )
    liberation_day = models.CharField(
        max_length=10, choices=LiberationDayMode.choices, default=LiberationDayMode.LUSTRUM
    )
    hr_contact = models.CharField(max_length=300, blank=True)
    confidential_adviser_contact = models.CharField(max_length=300, blank=True)
    open_consultation = models.CharField(max_length=300, blank=True)
    emotions_sentence = models.TextField(default=DEFAULT_EMOTIONS_SENTENCE)
    # Whether anyone may read this version without logging in at /protocol/<slug>/ (ADR 0087).
    is_public = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "version"], name="protocol_version_unique"),
        ]

    def __str__(self) -> str:
        return f"protocol v{self.version}"

    @property
    def emotions_sentence_display(self) -> str:
        """R-007: the built-in sentence in the reader's language; an organisation's own one as written."""
        if self.emotions_sentence == DEFAULT_EMOTIONS_SENTENCE:
            return gettext(DEFAULT_EMOTIONS_SENTENCE)
        return self.emotions_sentence
