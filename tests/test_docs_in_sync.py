"""docs/permissions.md and docs/audit-events.md list everything the code declares (Refs issue #2)."""

from __future__ import annotations

import re
from pathlib import Path

from werkvrede.core.classification import personal_data_doc
from werkvrede.core.doors import permissions_doc
from werkvrede.core.policy import declared_actions

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "src" / "werkvrede"
CODE = re.compile(
    r"""\b(?:audit\.)?record(?:_for)?\(\s*(?:\w+,\s*)?"([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,})\""""
)


def test_every_declared_action_is_documented() -> None:
    documented = (REPO / "docs" / "permissions.md").read_text()
    missing = [action for action in declared_actions() if f"`{action}`" not in documented]
    assert missing == []


def test_every_audit_code_in_the_source_is_documented() -> None:
    codes = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        codes.update(CODE.findall(path.read_text()))
    assert "core.access.denied" in codes
    assert len(codes) >= 10
    documented = (REPO / "docs" / "audit-events.md").read_text()
    assert sorted(c for c in codes if f"`{c}`" not in documented) == []


def test_the_doors_and_actions_in_permissions_md_are_those_the_code_declares() -> None:
    """docs/permissions.md's tables are written from the declarations (manage.py permissions_doc)."""
    current = (REPO / "docs" / "permissions.md").read_text()
    assert permissions_doc(current) == current, "run: manage.py permissions_doc"


def test_every_command_the_readme_names_exists() -> None:
    """The production section's commands and cron lines (#11) name commands that exist."""
    from django.core.management import get_commands

    readme = (REPO / "README.md").read_text()
    named = set(re.findall(r"manage\.py ([a-z_]+)", readme))
    cron = {"audit_anchor", "audit_verify", "clearsessions", "prune_db_task_results", "send_due_mail"}
    assert cron | {"create_organisation", "list_organisations", "resend_failed_mail"} <= named
    assert sorted(named - set(get_commands())) == []


def test_every_image_the_readme_shows_exists() -> None:
    readme = (REPO / "README.md").read_text()
    images = set(re.findall(r"(docs/screenshots/[\w.-]+\.png)", readme))
    # The screenshots #11 asks for: the people page and the two-factor enrolment.
    assert {"docs/screenshots/people-adm.png", "docs/screenshots/totp-enrol.png"} <= images
    assert sorted(image for image in images if not (REPO / image).is_file()) == []


def test_the_readme_names_every_variable_production_reads_and_weasyprints_packages() -> None:
    readme = (REPO / "README.md").read_text()
    settings = (SOURCE / "config" / "settings" / "prod.py").read_text()
    variables = set(re.findall(r"\b((?:WERKVREDE|DJANGO)_[A-Z_]+)\b", settings)) - {"DJANGO_SETTINGS_MODULE"}
    assert {"WERKVREDE_AUDIT_KEYS", "WERKVREDE_AUDIT_ANCHOR_FILE", "WERKVREDE_SMTP_HOST"} <= variables
    assert sorted(v for v in variables if v not in readme) == []
    assert "libpango-1.0-0" in readme and "libharfbuzz-subset0" in readme


def test_the_registry_in_personal_data_md_is_the_one_the_code_declares() -> None:
    """docs/personal-data.md's registry is written from the declarations (manage.py personal_data_doc)."""
    current = (REPO / "docs" / "personal-data.md").read_text()
    assert personal_data_doc(current) == current, "run: manage.py personal_data_doc"
    assert "### `sickness.medicalnote`" in current
