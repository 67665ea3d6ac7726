"""The protocol's parameters: model field ↔ guideline `tenant` key (docs/rules.md), and their validation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.guideline import InvalidSituation, parse_situation


@dataclass(frozen=True)
class Parameter:
    field: str
    key: str  # the guideline's tenant key (docs/guideline.md §3.1)
    rule: str
    label: str | Promise
    minimum: int | None = None
    maximum: int | None = None


PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "conflict_leave_enabled", "conflict_leave.enabled", "R-050", _("Arbeidsconflictenverlof mogelijk")
    ),
    Parameter(
        "conflict_leave_max_days",
        "conflict_leave.max_days",
        "R-052",
        _("Verlof: hoogstens zoveel dagen"),
        1,
        30,
    ),
    Parameter(
        "conflict_leave_window_months",
        "conflict_leave.window_months",
        "R-051",
        _("Verlof: één keer per zoveel maanden"),
        1,
        120,
    ),
    Parameter("conflict_leave_day_unit", "conflict_leave.day_unit", "R-052", _("Verlof: dagen tellen als")),
    Parameter(
        "ip_normal_max_days",
        "ip.normal_max_days",
        "R-041",
        _("Interventieperiode: gewone lengte (dagen)"),
        1,
        60,
    ),
    Parameter(
        "ip_exceptional_max_days",
        "ip.exceptional_max_days",
        "R-041",
        _("Interventieperiode: uitzonderlijke lengte (dagen)"),
        1,
        60,
    ),
    Parameter(
        "ip_evaluation_due_working_days",
        "ip.evaluation_due_working_days",
        "R-048",
        _("Evaluatie binnen zoveel werkdagen na de interventieperiode"),
        1,
        30,
    ),
    Parameter(
        "not_able_max_review_days",
        "advice.not_able_to_converse.max_review_days",
        "R-032",
        _("Herbeoordeling ‘niet in staat tot gesprek’ binnen (dagen)"),
        1,
        365,
    ),
    Parameter(
        "inhouse_max_glasl",
        "routing.inhouse_max_glasl",
        "R-061",
        _("Bemiddeling door HR of BMW tot en met Glasl-fase"),
        1,
        9,
    ),
    Parameter(
        "mediation_max_glasl",
        "routing.mediation_max_glasl",
        "R-068",
        _("Mediation zinvol tot en met Glasl-fase"),
        1,
        9,
    ),
    Parameter(
        "i1_min_case_age_days",
        "indication.I1_min_case_age_days",
        "I-1",
        _("Indicatie I-1: conflict loopt minstens (dagen)"),
        1,
        365,
    ),
    Parameter(
        "no_intervention_after_days",
        "nudge.no_intervention_after_days",
        "R-069",
        _("Herinnering als er na zoveel dagen geen interventie is"),
        1,
        365,
    ),
    Parameter(
        "aggregation_gap_days",
        "wvp.aggregation_gap_days",
        "R-160",
        _("Ziekteperiodes samentellen bij een tussenpoos korter dan (dagen)"),
        1,
        365,
    ),
    Parameter(
        "review_interval_days",
        "wvp.review_interval_days",
        "R-153",
        _("Voortgangsgesprek Poortwachter elke (dagen)"),
        1,
        365,
    ),
    Parameter(
        "cooling_off_days",
        "settlement.cooling_off_days",
        "R-092",
        _("Bedenktermijn vaststellingsovereenkomst (dagen)"),
        1,
        60,
    ),
    Parameter(
        "cooling_off_days_without_clause",
        "settlement.cooling_off_days_without_clause",
        "R-092",
        _("Bedenktermijn zonder vermelding in de overeenkomst (dagen)"),
        1,
        60,
    ),
    Parameter(
        "repeat_window_months",
        "settlement.repeat_window_months",
        "R-094",
        _("Geen nieuwe bedenktermijn binnen (maanden)"),
        1,
        24,
    ),
    Parameter(
        "vp_min_cell",
        "vp.annual_report.min_cell",
        "R-105",
        _("Jaarverslag vertrouwenspersoon: aantallen kleiner dan dit worden niet getoond"),
        # Below 2 nothing would be suppressed: the protocol keeps at least the protection of pairs.
        2,
        20,
    ),
    # Retention terms (docs/adr/0177-retention-terms-per-organisation.md): are upper
    # bounds of 2 years; the medical file at least 15 years and at most 30.
    Parameter(
        "retention_admin_absence_years",
        "retention.admin_absence_years_after_employment",
        "R-140",
        _("Bewaartermijn zaakdossier na afsluiting (jaren)"),
        1,
        2,
    ),
    Parameter(
        "retention_reintegration_years",
        "retention.reintegration_file_years_after_end",
        "R-141",
        _("Bewaartermijn re-integratiedossier na afsluiting (jaren)"),
        1,
        2,
    ),
    Parameter(
        "retention_ba_medical_years",
        "retention.ba_medical_years",
        "R-144 X-11",
        _("Bewaartermijn medische gegevens van de bedrijfsarts na de laatste wijziging (jaren)"),
        15,
        30,
    ),
    Parameter(
        "retention_mediation_years",
        "retention.mediation_years",
        "R-146",
        _("Bewaartermijn mediationdossier na het einde (jaren)"),
        1,
        10,
    ),
    Parameter(
        "retention_supporter_notes_months",
        "retention.supporter_notes_months",
        "R-147",
        _("Bewaartermijn notities van de steunpersoon na het einde van de steun (maanden)"),
        1,
        12,
    ),
    Parameter(
        "retention_whistleblower_years",
        "retention.whistleblower_years",
        "R-148",
        _("Bewaartermijn klokkenluidersdossier na afsluiting (jaren)"),
        1,
        10,
    ),
    Parameter(
        "ba_override_mode",
        "professional_rules.ba_override_mode",
        "§9.3a Q-3",
        _("Beroepsregels van de bedrijfsarts"),
    ),
)

NUMBER_FIELDS = tuple(p.field for p in PARAMETERS if p.minimum is not None)
CONTACT_FIELDS = ("hr_contact", "confidential_adviser_contact", "open_consultation", "emotions_sentence")
EDITABLE_FIELDS = (*(p.field for p in PARAMETERS), "liberation_day", *CONTACT_FIELDS, "is_public")


def tenant_parameters(values: Any) -> dict[str, Any]:
    """The guideline's `tenant` object for a protocol (or anything with the same attributes)."""
    return {p.key: getattr(values, p.field) for p in PARAMETERS}


def validation_errors(values: dict[str, Any]) -> dict[str, list[str]]:
    """What is wrong with a set of protocol values, per field, in words that say what to fix."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for p in PARAMETERS:
        value = values.get(p.field)
        if p.minimum is None or p.maximum is None or not isinstance(value, int) or isinstance(value, bool):
            continue
        if not p.minimum <= value <= p.maximum:
            add(
                p.field,
                str(_("Kies een getal van %(minimum)s tot en met %(maximum)s.") % {
                    "minimum": p.minimum, "maximum": p.maximum,
                }),
            )  # fmt: skip
    normal, exceptional = values.get("ip_normal_max_days"), values.get("ip_exceptional_max_days")
    if isinstance(normal, int) and isinstance(exceptional, int) and exceptional < normal:
        add(
            "ip_exceptional_max_days",
            str(
                _(
                    "De uitzonderlijke lengte (%(exceptional)s) is korter dan de gewone lengte "
                    "(%(normal)s). Maak de uitzonderlijke lengte minstens %(normal)s dagen, "
                    "of maak de gewone lengte korter."
                )
                % {"exceptional": exceptional, "normal": normal}
            ),
        )
    inhouse, mediation = values.get("inhouse_max_glasl"), values.get("mediation_max_glasl")
    if isinstance(inhouse, int) and isinstance(mediation, int) and mediation < inhouse:
        add(
            "mediation_max_glasl",
            str(
                _(
                    "Mediation (tot fase %(mediation)s) moet minstens zo ver gaan als bemiddeling door HR "
                    "of BMW (tot fase %(inhouse)s). Verhoog de fase voor mediation "
                    "of verlaag die voor bemiddeling."
                )
                % {"mediation": mediation, "inhouse": inhouse}
            ),
        )
    without, with_clause = values.get("cooling_off_days_without_clause"), values.get("cooling_off_days")
    if isinstance(without, int) and isinstance(with_clause, int) and without < with_clause:
        add(
            "cooling_off_days_without_clause",
            str(
                _(
                    "De bedenktermijn zonder vermelding (%(without)s) mag niet korter zijn dan die met "
                    "vermelding (%(with)s). Maak hem minstens %(with)s dagen."
                )
                % {"without": without, "with": with_clause}
            ),
        )
    if not str(values.get("emotions_sentence", "")).strip():
        add(
            "emotions_sentence",
            str(_("Vul de zin over emoties en ziekmelden in (R-007); die staat op de protocolpagina.")),
        )
    if not errors:
        try:
            parse_situation({"tenant": {p.key: values.get(p.field) for p in PARAMETERS}})
        except InvalidSituation as exc:  # the engine is the last word on what it accepts
            field = next((p.field for p in PARAMETERS if exc.path.endswith(p.key)), "__all__")
            add(field, exc.message)
    return errors
