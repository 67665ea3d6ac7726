"""The mediation on the case tracker (SM-5, docs/rules.md): only the neutral D14 status, running or
ended, for everyone who may open the case (R-084: a referrer receives status notices only). The exact
SM-5 state can reveal more (a pause for the vertrouwenspersoon, R-100), so it stays on the mediation
page for its parties and mediator (docs/adr/0123-case-tracker-shows-neutral-mediation-status.md)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import TrackerLine
from werkvrede.cases.models import Case
from werkvrede.cases.selectors import read_once
from werkvrede.cases.tracker import DONE, NEXT, NOW, SKIPPED, Step
from werkvrede.core.actor import Actor
from werkvrede.mediation.models import ACTIVE_STATES, Mediation, MediationState


def mediation_lines(case: Case, actor: Actor) -> list[TrackerLine]:
    return [
        TrackerLine(
            title=_("Mediation"),
            state=_("Loopt") if item.state in ACTIVE_STATES else _("Beëindigd"),
            code="SM-5",
            meaning=(
                _("Meedoen is vrijwillig en wat in de mediation wordt besproken blijft vertrouwelijk."),
            ),
            finished=item.state not in ACTIVE_STATES,
        )
        for item in mediations_of_case(case)
    ]


def mediations_of_case(case: Case) -> list[Mediation]:
    """The case's mediations, newest first, read once for the case page's tracker and "Wat nu?"."""
    return read_once(
        case,
        "mediation.of_case",
        lambda: list(Mediation.objects.filter(case=case).order_by("-referred_on", "-pk")),
    )


# SM-5 grouped into the stages a party recognises, each with its states
# (docs/adr/0164-a-tracker-on-the-mediation-page.md).
S = MediationState
_STAGES: tuple[tuple[str | Promise, frozenset[str], str | Promise], ...] = (
    (
        _("Verwijzing"),
        frozenset({S.REFERRED}),
        _("De mediator heeft de verwijzing ontvangen en neemt contact op met ieder van de partijen."),
    ),
    (
        _("Intake"),
        frozenset({S.INTAKE, S.PAUSED_VP_REFERRAL}),
        _("De mediator spreekt elke partij apart. Je zegt zelf of je vrijwillig meedoet."),
    ),
    (
        _("Mediationovereenkomst"),
        frozenset({S.AGREEMENT_PENDING, S.AGREEMENT_SIGNED}),
        _(
            "Iedereen ondertekent de afspraken over vrijwilligheid en vertrouwelijkheid, "
            "vóór het eerste gesprek."
        ),
    ),
    (
        _("Gesprekken"),
        frozenset({S.IN_SESSION}),
        _(
            "De partijen praten met elkaar onder leiding van de mediator. "
            "Wat daar gezegd wordt, blijft vertrouwelijk."
        ),
    ),
    (
        _("Afspraken"),
        frozenset({S.OUTCOME_DRAFTED, S.OUTCOME_SIGNED}),
        _("De mediator schrijft de afspraken op; de partijen ondertekenen ze."),
    ),
    (
        _("Afronding"),
        frozenset(
            {
                S.ENDED_WITH_AGREEMENT,
                S.WITHDRAWN_BY_PARTY,
                S.ENDED_BY_MEDIATOR,
                S.NEUTRAL_NOTICE_SENT,
                S.ENDED_NO_AGREEMENT,
            }
        ),
        _("De mediation is beëindigd. De werkgever hoort alleen dat zij is beëindigd, niet waarom (R-080)."),
    ),
)


def _reached(mediation: Mediation) -> int:
    """The last stage an ended mediation reached, from the dates it keeps (no history needed)."""
    if mediation.state == S.ENDED_WITH_AGREEMENT or mediation.outcome_signed_on:
        return 4
    if mediation.started_on:
        return 3
    return 1 if mediation.impartiality_declared_at else 0


def mediation_steps(mediation: Mediation) -> tuple[Step, ...]:
    """Done / now / next along SM-5 for the mediation page's parties and mediator
    (docs/adr/0164-a-tracker-on-the-mediation-page.md)."""
    current = next((i for i, (_t, states, _m) in enumerate(_STAGES) if mediation.state in states), 0)
    ended = current == len(_STAGES) - 1
    reached = _reached(mediation) if ended else current

    def status(i: int) -> str:
        if i == current:
            return NOW
        if i < current:
            return DONE if i <= reached else SKIPPED
        return NEXT

    return tuple(
        Step(
            title=title,
            status=status(i),
            meaning=meaning,
            state=mediation.get_state_display() if i == current else "",
        )
        for i, (title, _states, meaning) in enumerate(_STAGES)
    )
