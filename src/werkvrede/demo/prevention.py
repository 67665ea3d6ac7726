"""The demo prevention pulse: HR (Hanna de Vries) asked the warehouse team two months ago; six people
answered and the pulse is closed, so its results per factor show, with workload and the physical
environment high (docs/prevention.md). Built through the services; created once."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.demo import DEMO_ORGANISATION
from werkvrede.accounts.models import Organisation, User
from werkvrede.guideline import prevention
from werkvrede.prevention import services
from werkvrede.prevention.models import Pulse

HR = "hr@demo.werkvrede.nl"
TEAM = "Team Magazijn"
# Six people's answers, by exception to "3": too much work, too few resources, noise and heat.
ANSWERS: tuple[dict[str, int], ...] = (
    {"PS-7": 5, "PS-8": 2, "PS-13": 5, "PS-14": 2, "PS-5": 4},
    {"PS-7": 4, "PS-8": 1, "PS-13": 4, "PS-14": 2, "PS-11": 4},
    {"PS-7": 5, "PS-8": 2, "PS-13": 5, "PS-14": 1, "PS-6": 4},
    {"PS-7": 4, "PS-8": 2, "PS-13": 4, "PS-14": 2, "PS-15": 4},
    {"PS-7": 3, "PS-8": 3, "PS-13": 4, "PS-14": 3, "PS-1": 4},
    {"PS-7": 5, "PS-8": 1, "PS-13": 5, "PS-14": 2, "PS-10": 2},
)


@transaction.atomic
def load_demo_pulse(*, today: date) -> int:
    """Create the demo pulse once; return how many were created."""
    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION[1])
    if Pulse.objects.filter(organisation=organisation).exists() or not User.objects.filter(email=HR).exists():
        return 0
    hr = actor_for(User.objects.get(email=HR), organisation.pk)
    started = today - timedelta(days=60)
    pulse = services.pulse_start(actor=hr, team=TEAM, closes_on=started + timedelta(days=14), today=started)
    for exceptions in ANSWERS:
        answers = {**dict.fromkeys(prevention.STATEMENT_CODES, 3), **exceptions}
        services.pulse_answer(pulse=pulse, answers=answers, today=started + timedelta(days=3))
    services.pulse_close(actor=hr, pulse=pulse, today=started + timedelta(days=14))
    return 1
