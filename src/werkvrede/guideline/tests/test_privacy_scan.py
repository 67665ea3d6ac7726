"""Medical-term scanner (R-131, R-133), the advice condition scan (R-030) and the termination scan (R-033)."""

import pytest

from werkvrede.guideline import terms
from werkvrede.guideline.rules.advice import scan_conditional_phrases
from werkvrede.guideline.rules.privacy import scan_medical_terms
from werkvrede.guideline.textscan import highlight, scan_field_name, scan_termination


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


# with the term lists of guideline/terms.py (ADR 0110).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vanwege depressie en slaapmedicatie", ("depressie", "slaapmedicatie")),
        ("depressief, depressed", ("depressief", "depressed")),
        ("burnout, burn-out en overspannen", ("burnout", "burn-out", "overspannen")),
        ("Medicijnen, medication and pills", ("medicijnen", "medication", "pills")),
        ("Slaappillen en lorazepam", ("slaappillen", "lorazepam")),
        ("Zwanger; zwangerschap; pregnant", ("zwanger", "zwangerschap", "pregnant")),
        ("In behandeling bij de psycholoog", ("in behandeling bij", "psycholoog")),
        ("Fysiotherapie voor de whiplash", ("fysiotherapie", "whiplash")),
        ("Op zwangerschapsverlof", ("zwangerschapsverlof",)),
    ],
)
def test_health_terms_with_word_variants(text: str, expected: tuple[str, ...]) -> None:
    assert scan_medical_terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De medewerker wacht op de behandeling van de aanvraag.",
        "Unequal treatment by the manager is the core of the conflict.",
        "Het vertrouwen is gebroken.",
        "Psychologische veiligheid in het team is laag.",
        "Het doet hem pijn dat zijn werk niet gezien wordt.",
        "Pilot van het nieuwe rooster; de operationele planning.",
    ],
)
def test_health_terms_near_misses(text: str) -> None:
    assert scan_medical_terms(text) == ()


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("burnout_suspected", ("burnout",)),
        ("sleepMedication", ("medication",)),
        ("diagnosis", ("diagnosis",)),
        ("treatment_plan", ("treatment",)),
        ("zwanger-sinds", ("zwanger",)),
        ("phone", ()),
        ("team_name", ()),
        ("medewerker_id", ()),
    ],
)
def test_field_names(key: str, expected: tuple[str, ...]) -> None:
    assert scan_field_name(key) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik adviseer een vaststellingsovereenkomst.", ("vaststellingsovereenkomst",)),
        ("Beter om uit elkaar te gaan.", ("uit elkaar te gaan",)),
        ("De werknemer kan beter ontslag nemen.", ("ontslag nemen",)),
        ("I advise the employee to resign.", ("resign",)),
        ("A termination agreement is the way out.", ("termination agreement",)),
        ("Ontslagbescherming blijft; het werk weer opnemen.", ()),
        ("De taken uit elkaar halen.", ()),
    ],
)
def test_termination_in_free_text(text: str, expected: tuple[str, ...]) -> None:
    assert scan_termination(text) == expected


def test_highlight_marks_whole_words_case_insensitively() -> None:
    assert highlight("Vanwege Depressie en slaapmedicatie.", ("depressie", "slaapmedicatie")) == [
        ("Vanwege ", False),
        ("Depressie", True),
        (" en ", False),
        ("slaapmedicatie", True),
        (".", False),
    ]
    assert highlight("depressief", ("depressie",)) == [("depressief", False)]


def test_term_lists_are_lower_case_data() -> None:
    patterns = [p for group in terms.HEALTH_TERMS.values() for p in group]
    assert set(terms.HEALTH_TERMS) == {"diagnosis", "symptoms", "treatment", "medication", "pregnancy"}
    for p in (*patterns, *terms.TERMINATION_PHRASES, *terms.CONDITION_WORK):
        assert p == p.lower() and p.strip("*") and "**" not in p, p


def test_findings_carry_their_matches_into_the_output() -> None:
    from datetime import date

    from werkvrede.guideline import advice_to_dict, evaluate, parse_situation
    from werkvrede.guideline.tests.builders import advice, sit, variant

    text = "Vanwege depressie nu 2 uur per dag. Pas weer aan het werk als het conflict is opgelost."
    data = sit(sick_report=variant("B"), ba_advice=[advice(free_text=text)])
    out = advice_to_dict(evaluate(parse_situation(data), today=date.fromisoformat(data["today"])))
    by_code = {f["code"]: f for f in out["findings"] if f["subject"] == "ba_advice[0].free_text"}
    assert by_code["R-133"]["matches"] == ["depressie"]
    assert by_code["R-030"]["matches"] == ["Pas weer aan het werk als het conflict is opgelost"]
