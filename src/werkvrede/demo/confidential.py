"""The demo vertrouwenspersoon (Vera Meijer): her contact details, a named report from Fatima that is
in the advice phase, Mark's first contact from his case waiting for the intake, an anonymous report
about the warehouse, and last year's annual report (its dossiers destroyed, only the counts left).
Built through the services as people would; created once."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.demo import DEMO_ORGANISATION
from werkvrede.accounts.models import Organisation, User
from werkvrede.confidential import annual_services, services
from werkvrede.confidential.models import Channel, Report
from werkvrede.core.actor import Actor

VP = "vertrouwenspersoon@demo.werkvrede.nl"
MELDER = "fatima@demo.werkvrede.nl"
FIRST_CONTACT = "mark@demo.werkvrede.nl"
# Last year: five reports by four people, closed, counted in the annual report and destroyed.
LAST_YEAR = (
    ("mark@demo.werkvrede.nl", "BULLYING", "INFORMAL"),
    ("lotte@demo.werkvrede.nl", "BULLYING", "INFORMAL"),
    ("youssef@demo.werkvrede.nl", "BULLYING", "FORMAL_COMPLAINT"),
    ("werknemer@demo.werkvrede.nl", "AGGRESSION_VIOLENCE", "INFORMAL"),
    ("mark@demo.werkvrede.nl", "OTHER", "INFORMAL"),
)


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
    if User.objects.filter(email=FIRST_CONTACT).exists():
        # Mark chose the vertrouwenspersoon on his case: waiting for Vera's intake.
        services.route_open(
            organisation_id=organisation.pk,
            melder_id=User.objects.get(email=FIRST_CONTACT).pk,
            channel=Channel.CASE_CHOICE,
            today=today - timedelta(days=1),
        )
    services.anonymous_report(
        organisation_id=organisation.pk,
        category="AGGRESSION_VIOLENCE",
        message="In het magazijn wordt er geschreeuwd en met dozen gegooid als de planning niet lukt.",
        today=today - timedelta(days=3),
    )
    _last_year(organisation, vp, today)
    return Report.objects.filter(organisation=organisation).exclude(state="DOSSIER_DESTROYED").count()


def _last_year(organisation: Organisation, vp: Actor, today: date) -> None:
    year = today.year - 1
    for i, (email, category, route) in enumerate(LAST_YEAR):
        if not User.objects.filter(email=email).exists():
            continue
        day = date(year, 2 + 2 * i, 10)
        report = services.report_write(
            actor=_actor(email, organisation),
            message="Een melding uit het vorige jaar, al afgesloten.",
            registration_consent=True,
            today=day,
        )
        report = services.category_record(actor=vp, report=report, category=category, today=day)
        report = services.route_record(actor=vp, report=report, route=route, today=day)
        report = services.aftercare_start(actor=vp, report=report, today=day)
        services.report_close(actor=vp, report=report, today=day)
    compiled_on = date(year + 1, 1, 15)
    annual = annual_services.annual_compile(
        actor=vp,
        year=year,
        recommendations=(
            "Pesten kwam het vaakst voor, vooral na de reorganisatie. Advies: bespreek omgangsregels in "
            "elk team en train leidinggevenden in het vroeg signaleren van pesten."
        ),
        today=compiled_on,
    )
    annual_services.dossiers_destroy(actor=vp, annual_report=annual, today=compiled_on)
