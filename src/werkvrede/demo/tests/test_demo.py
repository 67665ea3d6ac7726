"""The demo organisation loads idempotently: one person per role and five living cases (Refs #2, #4)."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from werkvrede.accounts.models import Membership, RoleGrant, User
from werkvrede.confidential.models import AnnualReport, Report
from werkvrede.core.roles import Role

pytestmark = pytest.mark.django_db


@override_settings(WERKVREDE_DEMO=True)
def test_load_demo_is_idempotent_and_covers_every_role() -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)
    counts = (User.objects.count(), Membership.objects.count(), RoleGrant.objects.count())
    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    assert (User.objects.count(), Membership.objects.count(), RoleGrant.objects.count()) == counts
    demo_roles = set(
        RoleGrant.objects.filter(membership__organisation__slug="demo-bv").values_list("role", flat=True)
    )
    assert demo_roles == {role.value for role in Role}
    assert "hr@demo.werkvrede.nl" in out.getvalue()
    # The vertrouwenspersoon has three reports, one of them anonymous, one a first contact waiting for
    # the intake (made once).
    live = Report.objects.exclude(state="DOSSIER_DESTROYED")
    assert sorted(live.values_list("channel", flat=True)) == ["ANONYMOUS", "CASE_CHOICE", "NAMED"]
    assert live.get(channel="CASE_CHOICE").state == "CONTACT"
    # … and last year's annual report, whose dossiers are destroyed: only the counts remain.
    annual = AnnualReport.objects.get()
    assert annual.year == timezone.localdate().year - 1 and annual.aggregates
    assert Report.objects.filter(state="DOSSIER_DESTROYED", melder__isnull=True).count() == 5


def test_load_demo_refuses_outside_the_development_settings() -> None:
    with pytest.raises(CommandError, match="WERKVREDE_DEMO"):
        call_command("load_demo", stdout=StringIO())


def test_make_run_loads_the_demo_without_showing_tracebacks(tmp_path: Path) -> None:
    """The development settings allow the demo while DEBUG stays off (ADR 0064): `make run` works."""
    base = {k: v for k, v in os.environ.items() if k not in ("WERKVREDE_DEBUG", "DJANGO_SETTINGS_MODULE")}
    result = subprocess.run(
        [sys.executable, "-c", "import werkvrede.config.settings.dev as s; print(s.WERKVREDE_DEMO, s.DEBUG)"],
        env={**base, "WERKVREDE_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["True", "False"]


@override_settings(WERKVREDE_DEMO=True)
def test_the_demo_has_six_living_cases(django_capture_on_commit_callbacks: Any) -> None:
    from werkvrede.cases.models import Case, CaseDeadline
    from werkvrede.interventions.models import ConflictLeave, InterventionPeriod
    from werkvrede.sickness.models import ConflictFinding

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet-logins", stdout=StringIO())
    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    assert Case.objects.filter(organisation__slug="demo-bv").count() == 6
    assert sorted(ConflictFinding.objects.values_list("variant", flat=True)) == ["A", "B", "C"]
    assert list(InterventionPeriod.objects.values_list("state", flat=True)) == ["ACTIVE"]
    assert list(ConflictLeave.objects.values_list("state", flat=True)) == ["APPROVED"]
    assert CaseDeadline.objects.filter(code="T-03").exists()  # the Poortwachter clock runs for A and B
    # The demo organisation's protocol is public: the guide and the protocol page show it without log-in.
    public = Client().get("/protocol/demo-bv/")
    assert public.status_code == 200
    assert "Demo BV" in public.content.decode()


@override_settings(WERKVREDE_DEMO=True)
def test_the_demo_has_a_living_mediation_with_an_admitted_supporter() -> None:
    from werkvrede.documents.models import DocumentKind
    from werkvrede.documents.services import latest, signed_by_all
    from werkvrede.mediation.models import Admission, Mediation, Session
    from werkvrede.supporters.models import SupporterGrant

    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    item = Mediation.objects.get(organisation__slug="demo-bv")
    agreement = latest("mediation.mediation", item.pk, DocumentKind.MEDIATION_AGREEMENT)
    assert agreement is not None and signed_by_all(agreement)
    assert Admission.objects.get(mediation=item).admitted_at is not None
    assert SupporterGrant.objects.get(case=item.case).accepted_at is not None
    assert Session.objects.filter(mediation=item).count() == 1


@override_settings(WERKVREDE_DEMO=True, WERKVREDE_DEMO_TOTP_KEY="48656c6c6f21deadbeef")
def test_demo_people_with_a_two_factor_role_get_the_documented_demo_secret() -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    out = StringIO()
    call_command("load_demo", stdout=out)
    keys = dict(TOTPDevice.objects.filter(confirmed=True).values_list("user__email", "key"))
    people = ("bedrijfsarts", "taakdelegatie", "mediator", "vertrouwenspersoon", "meldpunt", "beheer")
    expected = {f"{name}@demo.werkvrede.nl": "48656c6c6f21deadbeef" for name in people}
    assert keys == expected
    assert "JBSWY3DPEHPK3PXP" in out.getvalue()


@override_settings(WERKVREDE_DEMO=True)
def test_without_the_development_setting_the_demo_has_no_known_secret() -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert not TOTPDevice.objects.exists()
    assert "Two-factor" not in out.getvalue()


@override_settings(WERKVREDE_DEMO=True)
def test_the_demo_has_a_closed_pulse_whose_results_show() -> None:
    from werkvrede.prevention import selectors
    from werkvrede.prevention.models import Pulse

    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    pulse = Pulse.objects.get(organisation__slug="demo-bv")
    assert pulse.is_closed(timezone.localdate())
    results = selectors.results_of(pulse, closed=True)
    assert results.result is not None and not results.result.suppressed
    assert {f.factor for f in results.result.high} == {"PF-5", "PF-9"}
