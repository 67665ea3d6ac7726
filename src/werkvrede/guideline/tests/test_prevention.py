"""The prevention scan's reference data and its pure scoring, suppression and comparison (PF-x)."""

import pytest

from werkvrede.guideline import prevention as p


def _all(value: int, **overrides: int) -> dict[str, int]:
    out = dict.fromkeys(p.STATEMENT_CODES, value)
    out.update({k.replace("_", "-"): v for k, v in overrides.items()})
    return out


def test_every_factor_is_asked_and_every_statement_names_a_factor() -> None:
    assert 10 <= len(p.STATEMENTS) <= 15
    assert {s.factor for s in p.STATEMENTS} == set(p.FACTOR_CODES)
    assert len(set(p.STATEMENT_CODES)) == len(p.STATEMENTS)
    groups = {f.group for f in p.FACTORS}
    assert groups == set(p.FactorGroup)
    for f in p.FACTORS:
        assert f.advice_nl and f.advice_en and f.name_nl and f.name_en
    for s in p.STATEMENTS:
        assert s.text_nl.endswith(".") and s.text_en.endswith(".")


def test_a_protective_statement_is_reversed() -> None:
    protective = next(s for s in p.STATEMENTS if s.protective)
    risky = next(s for s in p.STATEMENTS if not s.protective)
    assert p.risk_of(protective, 5) == 1 and p.risk_of(protective, 1) == 5
    assert p.risk_of(risky, 5) == 5 and p.risk_of(risky, 2) == 2


def test_answers_must_cover_every_statement_on_the_scale() -> None:
    assert p.validate_answers(_all(3)) == _all(3)
    with pytest.raises(p.InvalidAnswers):
        p.validate_answers(dict.fromkeys(p.STATEMENT_CODES[:-1], 3))
    with pytest.raises(p.InvalidAnswers):
        p.validate_answers({**_all(3), "PS-99": 3})
    for wrong in (0, 6, True):
        with pytest.raises(p.InvalidAnswers):
            p.validate_answers(_all(3, PS_1=wrong))


def test_below_min_cell_nothing_is_shown_not_even_the_count() -> None:
    result = p.score([_all(5)] * 2, min_cell=3)
    assert result.suppressed and result.respondents is None
    assert all(f.suppressed and f.score is None and f.respondents is None for f in result.factors)
    assert result.high == ()


def test_at_exactly_min_cell_the_results_are_shown() -> None:
    result = p.score([_all(3)] * 3, min_cell=3)
    assert not result.suppressed and result.respondents == 3
    assert all(not f.suppressed and f.respondents == 3 and f.score == 3.0 for f in result.factors)


def test_no_answers_is_shown_as_none_rather_than_suppressed() -> None:
    result = p.score([], min_cell=3)
    assert not result.suppressed and result.respondents == 0
    assert all(f.score is None and f.respondents == 0 for f in result.factors)


def test_the_factor_score_is_the_mean_risk_and_high_factors_get_advice() -> None:
    # PS-7 (too much work, adds risk) 5 and PS-8 (resources, protects) 1: workload risk 5 for everyone.
    rows = [_all(3, PS_7=5, PS_8=1)] * 2 + [_all(3, PS_7=4, PS_8=2)]
    result = p.score(rows, min_cell=3)
    workload = result.of("PF-5")
    assert workload.score == round((5 + 5 + 4) / 3, 1) == 4.7
    assert workload.high
    assert [f.factor for f in result.high] == ["PF-5"]
    assert p.factor("PF-5").advice_nl.startswith("Breng de werkdruk")


def test_a_score_just_below_the_threshold_is_not_high() -> None:
    # Near miss: PS-5 risk 3 and PS-6 risk 4 give role clarity 3.5 (high); 3 and 3 give 3.0 (not high).
    high = p.score([_all(3, PS_6=4)] * 3, min_cell=3).of("PF-4")
    assert high.score == 3.5 and high.high
    low = p.score([_all(3, PS_6=3)] * 3, min_cell=3).of("PF-4")
    assert low.score == 3.0 and not low.high


def test_the_change_is_shown_only_where_both_pulses_pass_min_cell() -> None:
    before = p.score([_all(3, PS_7=5, PS_8=1)] * 3, min_cell=3)
    now = p.score([_all(3, PS_7=3, PS_8=3)] * 4, min_cell=3)
    change = {c.factor: c for c in p.compare(before, now)}["PF-5"]
    assert change.comparable and change.before == 5.0 and change.now == 3.0 and change.change == -2.0
    suppressed_before = p.score([_all(3)] * 2, min_cell=3)
    assert not any(c.comparable for c in p.compare(suppressed_before, now))
    assert all(c.before is None and c.now is None for c in p.compare(suppressed_before, now))
    assert not any(c.comparable for c in p.compare(now, suppressed_before))


def test_min_cell_must_be_positive() -> None:
    with pytest.raises(ValueError):
        p.score([], min_cell=0)
