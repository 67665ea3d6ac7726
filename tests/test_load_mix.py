"""The load mix's logic at a tiny scale against the live server (tools/bench/mix.py, ADR 0194).

The mix itself runs in `make bench-mix`; here: its requests succeed as it expects, and its marker
check finds another organisation's data in an answer when some is planted there.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.bench.scripts import load
from werkvrede.accounts.models import Organisation
from werkvrede.cases.models import Case, CaseParty

mix = load("mix")


def test_the_marker_check_names_only_other_organisations() -> None:
    body = f"<h1>{mix.marker_of(3)}</h1> {mix.marker_of(3)}-1-2 en {mix.marker_of(12)}"
    assert mix.foreign_markers(body, 3) == {12}
    assert mix.foreign_markers(f"{mix.marker_of(3)} Mixmerk3x Mixmerk0004x", 3) == set()


@pytest.mark.django_db(transaction=True)
def test_the_mix_runs_clean_and_its_marker_check_catches_a_planted_marker(live_server: Any) -> None:
    organisations = mix.prepare(3)
    # One connection: the live server shares SQLite's in-memory connection between its threads.
    tally = mix.run(live_server.url, organisations, seconds=600, connections=1, limit=60)
    kinds = set(tally.latencies)
    assert sum(len(v) for v in tally.latencies.values()) == 60
    assert {"start page", "case (HTML)", "case list (API)"} <= kinds
    assert tally.errors == {}, tally.error_samples
    assert tally.leaks == []

    # Plant the second organisation's marker in the first one's data: every answer to it shows it.
    first = Organisation.objects.get(slug="mix-000")
    Organisation.objects.filter(pk=first.pk).update(name=f"Mix {mix.marker_of(0)} {mix.marker_of(1)}")
    for case in Case.objects.filter(organisation=first):
        Case.objects.filter(pk=case.pk).update(reference=f"{mix.marker_of(1)}-{case.pk}")
    CaseParty.objects.filter(case__organisation=first, side="WP").update(name=f"Chef {mix.marker_of(1)}")
    planted = mix.run(live_server.url, organisations[:1], seconds=600, connections=1, limit=10)
    assert len(planted.leaks) >= 5 and all("shows [1]" in leak for leak in planted.leaks)
