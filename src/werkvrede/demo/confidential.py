"""The demo vertrouwenspersoon (Vera Meijer): her contact details, a named report from Fatima that is
in the advice phase, and an anonymous report about the warehouse. Built through the services as
people would; created once."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.demo import DEMO_ORGANISATION
from werkvrede.accounts.models import Organisation, User
from werkvrede.confidential import services
from werkvrede.confidential.models import Report
from werkvrede.core.actor import Actor

VP = "vertrouwenspersoon@demo.werkvrede.nl"
MELDER = "fatima@demo.werkvrede.nl"


def _actor(email: str, organisation: Organisation) -> Actor:
    return actor_for(User.objects.get(email=email), organisation.pk)


@transaction.atomic
def load_demo_reports(*, today: date) -> int:
    """Create the demo reports once; return how many were created."""
    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION[1])
    if (
        Report.objects.filter(organisation=organisation).exists()
        or not User.objects.filter(email=MELDER).exists()
    ):
        return 0
    vp, melder = _actor(VP, organisation), _actor(MELDER, organisation)
    services.profile_save(
        actor=vp,
        contact="Telefoon 06-12345678 (maandag tot en met woensdag)\nvera.meijer@demo.werkvrede.nl",
        external=True,
    )
    start = today - timedelta(days=12)
    report = services.report_write(
        actor=melder,
        message=(
            "Sinds de reorganisatie maakt een collega in het teamoverleg steeds kleinerende opmerkingen over "
            "mij. Ik durf er niets meer te zeggen. Ik wil eerst weten wat mijn mogelijkheden zijn."
        ),
        registration_consent=True,
        today=start,
    )
    services.message_write(
        actor=vp,
        report=report,
        text=(
            "Dank je dat je me schrijft. Zullen we donderdag bellen? Dan bespreken we wat je wilt en welke "
            "wegen er zijn: zelf het gesprek aangaan met steun, je leidinggevende of HR, of een klacht."
        ),
        today=start + timedelta(days=1),
    )
    services.category_record(actor=vp, report=report, category="BULLYING", today=start + timedelta(days=4))
    services.anonymous_report(
        organisation_id=organisation.pk,
        category="AGGRESSION_VIOLENCE",
        message="In het magazijn wordt er geschreeuwd en met dozen gegooid als de planning niet lukt.",
        today=today - timedelta(days=3),
    )
    return 2
