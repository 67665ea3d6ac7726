"""The sick report on the case tracker (SM-2, docs/rules.md): its state in words, what the STECR
variant means (R-014, R-015, RT-3), and for the employee their own Poortwachter steps explained
instead of the employer's deadline table.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import TrackerLine, TrackerStep
from werkvrede.cases.models import Case, CaseDeadline
from werkvrede.cases.selectors import read_once
from werkvrede.core.actor import Actor
from werkvrede.sickness.models import SickReport, SickReportState

S = SickReportState

#: What each variant means, in plain words (R-014: derived from the verdict and the conflict finding).
VARIANT_MEANING: dict[str, str | Promise] = {
    S.VARIANT_A: _(
        "Variant A: volgens de bedrijfsarts is de werknemer ziek en staat geen arbeidsconflict het herstel "
        "in de weg. De gewone begeleiding bij ziekte (Wet verbetering Poortwachter) loopt."
    ),
    S.VARIANT_B: _(
        "Variant B: volgens de bedrijfsarts is de werknemer ziek én speelt er een arbeidsconflict. Er wordt "
        "tegelijk gewerkt aan herstel en aan het conflict; het een wacht niet op het ander."
    ),
    S.VARIANT_C: _(
        "Variant C: volgens de bedrijfsarts is de werknemer niet ziek, maar speelt er een arbeidsconflict. "
        "De ziekmelding stopt. Werkgever en werknemer pakken het conflict aan, bijvoorbeeld met een gesprek, "
        "een interventieperiode of mediation."
    ),
    S.NO_VARIANT: _("Volgens de bedrijfsarts is de werknemer niet ziek en speelt er geen arbeidsconflict."),
}

#: The Poortwachter steps as the employee meets them: what happens, who does it, what you do.
POORTWACHTER_STEPS: tuple[tuple[str, str | Promise], ...] = (
    (
        "T-03",
        _(
            "Week 6 – probleemanalyse: de bedrijfsarts beschrijft wat je wel en niet kunt. "
            "Jij krijgt een kopie; je mag reageren als je het er niet mee eens bent."
        ),
    ),
    (
        "T-04",
        _(
            "Week 8 – plan van aanpak: je werkgever en jij spreken samen af hoe je weer aan het werk gaat. "
            "Jij tekent het plan mee en kiest met je werkgever een casemanager."
        ),
    ),
    (
        "T-05",
        _(
            "Elke 6 weken – evaluatie: je bespreekt met je werkgever hoe het gaat en stelt "
            "het plan zo nodig bij."
        ),
    ),
    (
        "T-06",
        _(
            "Week 42 – melding aan het UWV: je werkgever meldt dat je nog ziek bent. Jij "
            "hoeft niets te doen; je krijgt een kopie."
        ),
    ),
    (
        "T-07",
        _(
            "Week 52 – eerstejaarsevaluatie: je werkgever en jij kijken terug op het eerste "
            "jaar en spreken af wat je in het tweede jaar doet."
        ),
    ),
    (
        "T-11",
        _(
            "Rond week 91 – WIA-aanvraag: ben je dan nog ziek, dan vraag jij zelf een "
            "WIA-uitkering aan bij het UWV, met het re-integratieverslag dat je werkgever met je opstelt."
        ),
    ),
)

_FINISHED = {S.RECOVERED, S.WIA_APPLIED, S.EMPLOYMENT_ENDED, S.CLOSED, S.VARIANT_C, S.NO_VARIANT}
_BEFORE_VERDICT: str | Promise = _(
    "De bedrijfsarts ziet de werknemer op het spreekuur en oordeelt: is de werknemer ziek, en speelt er "
    "een arbeidsconflict? Dat oordeel bepaalt de variant (A, B of C) en dus wat er daarna gebeurt."
)


def sick_reports_of_case(case: Case) -> list[SickReport]:
    """The case's sick reports, newest first, read once for the case page's tracker and "Wat nu?"."""
    return read_once(
        case,
        "sickness.of_case",
        lambda: list(SickReport.objects.filter(case=case).order_by("-first_sick_day", "-pk")),
    )


def sick_report_lines(case: Case, actor: Actor) -> list[TrackerLine]:
    reports = sick_reports_of_case(case)
    if not reports:
        return []
    report = reports[0]
    own = report.employee_id is not None and report.employee_id == actor.user_id
    variant = _variant_of(report)
    meaning: list[str | Promise] = [_BEFORE_VERDICT if variant is None else VARIANT_MEANING[variant]]
    steps: tuple[TrackerStep, ...] = ()
    # The employee reads their own Poortwachter steps in words; handlers keep the deadline table.
    if own and variant in (S.VARIANT_A, S.VARIANT_B) and report.state not in _FINISHED:
        due = dict(
            CaseDeadline.objects.filter(
                case=case,
                code__in=[c for c, _t in POORTWACHTER_STEPS],
                status=CaseDeadline.Status.PENDING,
            )
            .order_by("-due")  # the earliest open one wins (T-05 repeats)
            .values_list("code", "due")
        )
        steps = tuple(
            TrackerStep(text=text, code=code, due=due.get(code)) for code, text in POORTWACHTER_STEPS
        )
    return [
        TrackerLine(
            title=_("Ziekmelding"),
            state=report.get_state_display(),
            code="SM-2",
            meaning=tuple(meaning),
            finished=report.state in _FINISHED,
            steps=steps,
        )
    ]


def _variant_of(report: SickReport) -> str | None:
    """The variant in force (R-014): the state itself, or the latest conflict finding once on track."""
    if report.state in VARIANT_MEANING:
        return str(report.state)
    finding = report.conflict_findings.order_by("-recorded_at", "-pk").first()
    if finding is None:
        return None
    variant = "NO_VARIANT" if finding.variant == "NONE" else f"VARIANT_{finding.variant}"
    return variant if variant in VARIANT_MEANING else None
