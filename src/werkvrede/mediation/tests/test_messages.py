"""R-083: the mediator's written messages to the parties; one party only → the guidance first (ADR 0117)."""

from __future__ import annotations

from typing import Any

import pytest

from werkvrede.audit.models import AuditEvent
from werkvrede.core.policy import AccessDenied
from werkvrede.core.refusals import NeedsAttention, NotPossible
from werkvrede.core.roles import Role
from werkvrede.mediation import selectors, services
from werkvrede.mediation.facts import mediation_engine_facts
from werkvrede.mediation.tests.helpers import TODAY, actor, in_intake

pytestmark = pytest.mark.django_db


def _send(world: Any, mediation: Any, roles: tuple[Role, ...], **kw: Any) -> Any:
    return services.party_message_send(
        actor=actor(world, Role.MEDIATOR),
        mediation_id=mediation.pk,
        recipient_ids=[world.a.users[r].pk for r in roles],
        text="Graag uw reactie vóór vrijdag.",
        today=TODAY,
        **kw,
    )


def test_message_to_one_party_shows_the_r083_guidance_before_sending(world: Any) -> None:
    mediation = in_intake(world)
    with pytest.raises(NeedsAttention) as exc:
        _send(world, mediation, (Role.EMPLOYEE,))
    finding = next(f for f in exc.value.findings if f.code == "R-083")
    assert "partijdigheid" in finding.message.nl and "partiality" in finding.message.en
    assert not mediation.messages.exists()  # nothing sent yet
    message = _send(world, mediation, (Role.EMPLOYEE,), acknowledged=["R-083"])
    assert message.one_sided is True
    assert mediation_engine_facts(mediation)["one_sided_messages"] == 1
    event = AuditEvent.objects.filter(action="mediation.message.sent").get()
    assert event.data["one_sided"] is True and event.data["acknowledged"] == "R-083"


def test_message_to_every_party_needs_no_acknowledgement_near_miss(world: Any) -> None:
    mediation = in_intake(world)
    _send(world, mediation, (Role.EMPLOYEE,), acknowledged=["R-083"])
    message = _send(world, mediation, (Role.EMPLOYEE, Role.LINE_MANAGER))  # no R-083 even after one
    assert message.one_sided is False


def test_only_the_recipients_and_the_mediator_read_a_message(world: Any) -> None:
    mediation = in_intake(world)
    _send(world, mediation, (Role.EMPLOYEE,), acknowledged=["R-083"])
    for role, count in ((Role.EMPLOYEE, 1), (Role.LINE_MANAGER, 0), (Role.MEDIATOR, 1)):
        a = actor(world, role)
        rows = selectors.messages_for(a, selectors.mediation_get_for(a, mediation.pk))
        assert len(rows) == count
        assert all(r.text == "Graag uw reactie vóór vrijdag." for r in rows)


def test_messages_go_to_parties_only_and_only_from_the_mediator(world: Any) -> None:
    mediation = in_intake(world)
    with pytest.raises(NotPossible):
        _send(world, mediation, (Role.HR_ADVISER,))
    with pytest.raises(AccessDenied):
        services.party_message_send(
            actor=actor(world, Role.EMPLOYEE), mediation_id=mediation.pk,
            recipient_ids=[world.a.users[Role.LINE_MANAGER].pk], text="x", today=TODAY,
        )  # fmt: skip


def test_no_messages_after_the_end_near_miss(world: Any) -> None:
    mediation = in_intake(world)
    services.mediator_end(
        actor=actor(world, Role.MEDIATOR), mediation_id=mediation.pk,
        typed_name=world.a.users[Role.MEDIATOR].full_name, today=TODAY,
    )  # fmt: skip
    with pytest.raises(NotPossible):
        _send(world, mediation, (Role.EMPLOYEE, Role.LINE_MANAGER))
