"""Signed documents: structured content, rendered to HTML and PDF, signed in the application, hash-checked.

A document never changes after it is stored: a change is a new version (a new row), and the previous
version is marked superseded. The only later writes are `locked_at` (when the last signer signed)
and `superseded_by`. Who may read a document is decided by the context that owns it (mediation,
sickness); this app only keeps, signs, checks and renders.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from werkvrede.core.refusals import NotPossible


class DocumentKind(models.TextChoices):
    MEDIATION_AGREEMENT = "MEDIATION_AGREEMENT", _("Mediationovereenkomst")
    CONFIDENTIALITY_STATEMENT = "CONFIDENTIALITY_STATEMENT", _("Geheimhoudingsverklaring")
    OUTCOME_AGREEMENT = "OUTCOME_AGREEMENT", _("Slotovereenkomst van de mediation")
    NEUTRAL_NOTICE = "NEUTRAL_NOTICE", _("Neutrale beëindigingsmelding")
    END_STATEMENT = "END_STATEMENT", _("Verklaring einde mediation")
    WITHDRAWAL_STATEMENT = "WITHDRAWAL_STATEMENT", _("Verklaring van terugtrekking")
    TERMINATION_AGREEMENT = "TERMINATION_AGREEMENT", _("Beëindigingsovereenkomst")
    DISSOLUTION_NOTICE = "DISSOLUTION_NOTICE", _("Ontbindingsverklaring")
    BA_FEEDBACK = "BA_FEEDBACK", _("Schriftelijke terugkoppeling van de bedrijfsarts")
    # D10: the Poortwachter documents (R-150…R-158).
    PROBLEM_ANALYSIS = "PROBLEM_ANALYSIS", _("Probleemanalyse")
    PROBLEM_ANALYSIS_UPDATE = "PROBLEM_ANALYSIS_UPDATE", _("Bijstelling probleemanalyse")
    ACTION_PLAN = "ACTION_PLAN", _("Plan van aanpak")
    ACTION_PLAN_UPDATE = "ACTION_PLAN_UPDATE", _("Bijstelling plan van aanpak")
    UWV_SICKNESS_NOTICE = "UWV_SICKNESS_NOTICE", _("42e-weeksmelding")
    FIRST_YEAR_EVALUATION = "FIRST_YEAR_EVALUATION", _("Eerstejaarsevaluatie")
    CURRENT_ASSESSMENT = "CURRENT_ASSESSMENT", _("Actueel oordeel")
    FINAL_EVALUATION = "FINAL_EVALUATION", _("Eindevaluatie")
    REINTEGRATION_REPORT = "REINTEGRATION_REPORT", _("Re-integratieverslag")


# The data category (docs/rules.md) that each kind of document is; stored on the row (`category`).
KIND_CATEGORY: dict[str, str] = {
    DocumentKind.MEDIATION_AGREEMENT: "D12",
    DocumentKind.CONFIDENTIALITY_STATEMENT: "D12",
    DocumentKind.OUTCOME_AGREEMENT: "D13",
    DocumentKind.NEUTRAL_NOTICE: "D14",
    DocumentKind.END_STATEMENT: "D14",
    DocumentKind.WITHDRAWAL_STATEMENT: "D14",
    DocumentKind.TERMINATION_AGREEMENT: "D19",
    DocumentKind.DISSOLUTION_NOTICE: "D19",
    DocumentKind.BA_FEEDBACK: "D08",
    DocumentKind.PROBLEM_ANALYSIS: "D10",
    DocumentKind.PROBLEM_ANALYSIS_UPDATE: "D10",
    DocumentKind.ACTION_PLAN: "D10",
    DocumentKind.ACTION_PLAN_UPDATE: "D10",
    DocumentKind.UWV_SICKNESS_NOTICE: "D10",
    DocumentKind.FIRST_YEAR_EVALUATION: "D10",
    DocumentKind.CURRENT_ASSESSMENT: "D10",
    DocumentKind.FINAL_EVALUATION: "D10",
    DocumentKind.REINTEGRATION_REPORT: "D10",
}

# The only fields that may be written after a document was stored.
_FROZEN_FIELDS = frozenset({"signed_language", "pdf_name", "pdf_sha256", "html_name", "html_sha256"})
_LATER_FIELDS = frozenset({"locked_at", "superseded_by"}) | _FROZEN_FIELDS


class Document(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    owner_kind = models.CharField(max_length=60, help_text='e.g. "mediation.mediation", "sickness.advice"')
    owner_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40, choices=DocumentKind.choices)
    category = models.CharField(max_length=3, help_text="data category of spec §2.2, from the kind")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    content = models.JSONField()
    content_hash = models.CharField(max_length=64)
    signers = models.JSONField(default=list)
    locked_at = models.DateTimeField(null=True, blank=True)
    # Frozen at lock: the rendering as signed, stored in storages["documents"] (empty until locked).
    signed_language = models.CharField(max_length=8, blank=True, default="")
    pdf_name = models.CharField(max_length=255, blank=True, default="")
    pdf_sha256 = models.CharField(max_length=64, blank=True, default="")
    html_name = models.CharField(max_length=255, blank=True, default="")
    html_sha256 = models.CharField(max_length=64, blank=True, default="")
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["owner_kind", "owner_id", "kind", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner_kind", "owner_id", "kind", "version"], name="documents_one_row_per_version"
            )
        ]
        indexes = [models.Index(fields=["organisation", "owner_kind", "owner_id"])]

    def __str__(self) -> str:
        return f"{self.kind} v{self.version} ({self.pk})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= _LATER_FIELDS:
                raise NotPossible(
                    str(_("Een opgeslagen document verandert niet meer; maak een nieuwe versie."))
                )
            # The frozen rendering is written once, at the lock (ADR 0149).
            if set(fields) & _FROZEN_FIELDS and (
                self.locked_at is None or Document.objects.filter(pk=self.pk).exclude(pdf_sha256="").exists()
            ):
                raise NotPossible(
                    str(_("Een opgeslagen document verandert niet meer; maak een nieuwe versie."))
                )
        super().save(*args, **kwargs)

    @property
    def display_title(self) -> str:
        """The title in the reader's language (docs/adr/0133-english-legal-terms-and-signed-titles.md).

        The stored title is signed content and stays as signed; the kind's own Dutch name is translated."""
        try:
            kind = DocumentKind(self.kind)
        except ValueError:
            return self.title
        with translation.override("nl"):
            dutch = str(kind.label)
        return str(kind.label) if self.title == dutch else self.title

    @property
    def is_frozen(self) -> bool:
        return bool(self.pdf_sha256)

    @property
    def reference(self) -> str:
        """How a message names this document: kind, version and id (never content)."""
        return f"{self.kind} v{self.version} (document {self.pk})"


class Signature(models.Model):
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    typed_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField(default=timezone.now)
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "user"], name="documents_one_signature_per_user")
        ]

    def __str__(self) -> str:
        return f"signature {self.pk} on document {self.document_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise NotPossible(str(_("Een handtekening verandert niet meer.")))
        super().save(*args, **kwargs)
