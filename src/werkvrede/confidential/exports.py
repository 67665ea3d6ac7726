""" "Mijn gegevens" (ADR 0172): the person's own named reports to the vertrouwenspersoon (D15 RW for
the melder): state, dates and every message of the conversation, opened through the vault (audited).

Nothing of a report goes to anyone else through the export: not to the person it concerns (the
melder's identity and story are D15, given only with the melder's written consent, CC-6; the
keyed reference `concerns_ref` is never shown), not to the vertrouwenspersoon as their own data
(the dossier is the melder's). An anonymous report is tied to no account; its receipt opens it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.confidential.models import AdviserProfile, AnnualReport, BreachReview, ManagementAdvice, Side
from werkvrede.confidential.referral_selectors import referrals_of_report
from werkvrede.confidential.selectors import messages_for, reports_of_melder
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields


def report_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records: list[ExportRecord] = []
    for report in reports_of_melder(actor).order_by("opened_on", "pk"):
        records.append(
            ExportRecord(
                "confidential.report",
                _("Mijn melding bij de vertrouwenspersoon"),
                fields(
                    ("state", _("Status"), report.get_state_display()),
                    ("opened_on", _("Gemeld op"), ExportRecord.when(report.opened_on)),
                    (
                        "registration_consent_on",
                        _("Toestemming voor registratie op"),
                        ExportRecord.when(report.registration_consent_on),
                    ),
                    ("closed_on", _("Afgesloten op"), ExportRecord.when(report.closed_on)),
                ),
                ExportRecord.when(report.opened_on),
                source="confidential.report",
            )
        )
        for view in messages_for(actor, report):
            records.append(
                ExportRecord(
                    "confidential.message",
                    _("Bericht van mij")
                    if view.message.side == Side.MELDER
                    else _("Bericht van de vertrouwenspersoon"),
                    fields(("text", _("Tekst"), view.text)),
                    ExportRecord.when(view.message.written_on),
                    source="confidential.reportmessage",
                )
            )
        # A referral the VP proposed to the melder, with the summary the melder agreed to pass on.
        for referral_view in referrals_of_report(actor, report):
            referral = referral_view.referral
            records.append(
                ExportRecord(
                    "confidential.referral",
                    _("Doorverwijzing door de vertrouwenspersoon"),
                    fields(
                        ("target", _("Naar"), referral.get_target_display()),
                        (
                            "recipient",
                            _("Ontvanger"),
                            referral.recipient.full_name if referral.recipient else "",
                        ),
                        ("status", _("Status"), referral.get_status_display()),
                        ("summary", _("Samenvatting"), referral_view.summary),
                        ("mediation_subject", _("Onderwerp van de mediation"), referral.mediation_subject),
                        ("proposed_on", _("Voorgesteld op"), ExportRecord.when(referral.proposed_on)),
                        ("decided_on", _("Beslist op"), ExportRecord.when(referral.decided_on)),
                    ),
                    ExportRecord.when(referral.proposed_on),
                    source="confidential.referral",
                )
            )
        # A confidentiality review of the melder's report: that it happened and its outcome;
        # the VP's sealed justification is their working note (ADR 0198).
        for review in BreachReview.objects.filter(report=report).order_by("considered_on", "pk"):
            records.append(
                ExportRecord(
                    "confidential.breach_review",
                    _("Afweging over het doorbreken van de geheimhouding"),
                    fields(
                        ("statutory_duty", _("Wettelijke plicht"), review.statutory_duty),
                        ("legal_basis", _("Wettelijke grondslag"), review.legal_basis),
                        ("conditions", _("Voorwaarden"), ", ".join(str(c) for c in review.conditions)),
                        ("recipient_role", _("Aan wie"), review.recipient_role),
                        (
                            "melder_informed_on",
                            _("Mij ingelicht op"),
                            ExportRecord.when(review.melder_informed_on),
                        ),
                        ("considered_on", _("Overwogen op"), ExportRecord.when(review.considered_on)),
                        ("outcome", _("Uitkomst"), review.get_outcome_display()),
                        ("decided_on", _("Beslist op"), ExportRecord.when(review.decided_on)),
                    ),
                    ExportRecord.when(review.considered_on),
                    source="confidential.breachreview",
                )
            )
    return records + _adviser_records(actor)


def _adviser_records(actor: Actor) -> list[ExportRecord]:
    """The vertrouwenspersoon's own: their contact details, and that they made an annual report or
    wrote an advice to management (the contents are the organisation's, not about them)."""
    organisation_id, uid = actor.organisation_id or 0, actor.user_id or 0
    records = [
        ExportRecord(
            "confidential.adviser_profile",
            _("Mijn gegevens als vertrouwenspersoon"),
            fields(
                ("contact", _("Bereikbaarheid"), profile.contact),
                ("external", _("Externe vertrouwenspersoon"), profile.external),
            ),
            None,
            source="confidential.adviserprofile",
        )
        for profile in AdviserProfile.objects.filter(organisation_id=organisation_id, user_id=uid)
    ]
    for annual in AnnualReport.objects.filter(organisation_id=organisation_id, made_by_id=uid).order_by(
        "year"
    ):
        records.append(
            ExportRecord(
                "confidential.annual_report",
                _("Jaarverslag %(year)s, door mij opgesteld") % {"year": annual.year},
                fields(("year", _("Jaar"), annual.year)),
                ExportRecord.when(annual.made_on),
                source="confidential.annualreport",
            )
        )
    advices = ManagementAdvice.objects.filter(organisation_id=organisation_id, author_id=uid)
    for advice in advices.order_by("written_on", "pk"):
        records.append(
            ExportRecord(
                "confidential.management_advice",
                _("Advies aan het management, door mij geschreven"),
                [],
                ExportRecord.when(advice.written_on),
                source="confidential.managementadvice",
            )
        )
    return records


SECTION = ExportSection(
    key="confidential",
    title=gettext_lazy("Vertrouwenspersoon"),
    provider=report_records,
    order=70,
    scope="organisation",
    sources=(
        "confidential.report",
        "confidential.reportmessage",
        "confidential.referral",
        "confidential.breachreview",
        "confidential.adviserprofile",
        "confidential.annualreport",
        "confidential.managementadvice",
    ),
    left_out=(
        gettext_lazy(
            "Een melding bij de vertrouwenspersoon waarin jij genoemd wordt: wie de melder is en "
            "wat er staat (D15, alleen met toestemming van de melder)."
        ),
        gettext_lazy(
            "Een anonieme melding: die is niet aan een account gekoppeld en opent alleen met de "
            "ontvangstcode."
        ),
        gettext_lazy(
            "De schriftelijke afweging van de vertrouwenspersoon bij het doorbreken van de "
            "geheimhouding: de uitkomst staat erin, de afweging is een werkaantekening."
        ),
    ),
)
