"""Medical-term scanner (R-131, R-133) and the advice phrase scan (R-030): free text warns, never blocks."""

import pytest

from werkvrede.guideline.rules.advice import scan_conditional_phrases
from werkvrede.guideline.rules.privacy import scan_medical_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hartkloppingen, slaapproblemen", ("hartkloppingen", "slaapproblemen")),
        ("Ze is zwanger en gebruikt medicatie.", ("zwanger", "medicatie")),
        ("Burn-out na reorganisatie", ("burn-out",)),
        ("He has sleep  problems and insomnia", ("sleep problems", "insomnia")),
        ("Back pain after surgery", ("back pain", "surgery")),
        ("DIAGNOSE: depressie", ("diagnose", "depressie")),
    ],
)
def test_finds_medical_terms(text: str, expected: tuple[str, ...]) -> None:
    assert scan_medical_terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "Ziek gemeld, belt maandag terug.",
        "Formele klacht ingediend bij de klachtencommissie.",
        "Expected duration two weeks; ongoing work handed over to Piet.",
        "Gesprek met HR gepland, verwacht hersteld na twee weken.",
        "Overleg met de teamleider over het rooster.",
    ],
)
def test_no_false_positives_on_ordinary_text(text: str | None) -> None:
    assert scan_medical_terms(text) == ()


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Re-integratie start pas na oplossing van het conflict.", True),
        ("Eerst het conflict oplossen, dan weer aan het werk.", True),
        ("Return to work only after the conflict is resolved.", True),
        ("Start met twee uur per dag; parallel mediation.", False),
        ("Het conflict wordt opgelost via mediation terwijl hij werkt.", False),
    ],
)
def test_conditional_phrases(text: str, hit: bool) -> None:
    assert bool(scan_conditional_phrases(text)) is hit
