"""A small harness to play a scenario (SC-xx, docs/rules.md) through the JSON API, day by day.

Each step runs on the scenario's own date (the API reads "today" from `timezone.localdate`), as the
people of the organisation fixture, so the deadlines and findings can be compared with what the
guideline engine says about the same scenario file.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from conftest import World, logged_in
from werkvrede.core.roles import Role
from werkvrede.guideline import evaluate, parse_situation
from werkvrede.guideline.output import advice_to_dict

SCENARIOS = Path(__file__).resolve().parents[2] / "src" / "werkvrede" / "guideline" / "tests" / "scenarios"


def scenario_input(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCENARIOS / name).read_text())
    return data


def engine(name: str, **changes: Any) -> dict[str, Any]:
    """What the guideline engine says about a scenario file (as `werkvrede advise` prints it)."""
    data = {**scenario_input(name), **changes}
    today = date.fromisoformat(data["today"])
    return advice_to_dict(evaluate(parse_situation(data), today=today))


def codes(findings: list[dict[str, Any]], *severities: str) -> set[str]:
    return {f["code"] for f in findings if not severities or f["severity"] in severities}


def engine_deadline(result: dict[str, Any], code: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [d for d in result["deadlines"] if d["code"] == code]
    assert len(found) == 1, (code, result["deadlines"])
    return found[0]


class Story:
    def __init__(self, world: World, monkeypatch: pytest.MonkeyPatch, on_commit: Any) -> None:
        self.world = world
        self.monkeypatch = monkeypatch
        # The test runs in one transaction; run what a real commit would (the deadline refresh).
        self.on_commit = on_commit
        self.clients: dict[Role, Client] = {}
        self.case_id = 0

    def on(self, day: str) -> Story:
        today = date.fromisoformat(day)
        self.monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
        return self

    def client(self, role: Role) -> Client:
        if role not in self.clients:
            self.clients[role] = logged_in(self.world.a.users[role])
        return self.clients[role]

    def membership(self, role: Role) -> int:
        return self.world.a.memberships[role].pk

    def post(self, role: Role, path: str, body: dict[str, Any], expect: int | None = None) -> Any:
        with self.on_commit(execute=True):
            response = self.client(role).post(
                f"/api/v1{path.format(case=self.case_id)}", json.dumps(body), content_type="application/json"
            )
        if expect is not None:
            assert response.status_code == expect, (path, response.status_code, response.content[:2000])
        return response

    def run_due(self) -> str:
        """The hourly `run_due_transitions` on the scenario's date: steps that follow the calendar."""
        out = io.StringIO()
        with self.on_commit(execute=True):
            call_command("run_due_transitions", today=timezone.localdate(), stdout=out)
        return out.getvalue()

    def get(self, role: Role, path: str) -> Any:
        response = self.client(role).get(f"/api/v1{path.format(case=self.case_id)}")
        assert response.status_code == 200, (path, response.status_code, response.content[:500])
        return response.json()

    # --- the common first steps ---------------------------------------------------------------

    def signal_by_employee(self, day: str) -> int:
        self.on(day)
        body = {
            "signalled_on": day,
            "other_party_membership_id": self.membership(Role.LINE_MANAGER),
            "description": "Het nieuwe rooster wordt me opgelegd.",
        }
        self.case_id = self.post(Role.EMPLOYEE, "/cases", body, 201).json()["id"]
        return self.case_id

    def intake(self, **facts: Any) -> dict[str, Any]:
        body = {"configuration": "INDIVIDUAL_INDIVIDUAL", "employee_feels_obstructed": True, **facts}
        result: dict[str, Any] = self.post(Role.HR_ADVISER, "/cases/{case}/intake", body, 200).json()
        return result

    def give_role(self, role: Role, case_role: str) -> None:
        body = {"membership_id": self.membership(role), "role": case_role}
        self.post(Role.HR_ADVISER, "/cases/{case}/participants", body, 201)

    def deadlines(self, role: Role = Role.HR_ADVISER) -> dict[str, dict[str, Any]]:
        rows = self.get(role, "/cases/{case}/deadlines")
        by_code: dict[str, dict[str, Any]] = {}
        for row in rows:
            assert row["code"] not in by_code, f"one {row['code']} per case expected"
            by_code[row["code"]] = row
        return by_code
