"""What erasing a person's data in one organisation removes and what must stay, and why (AVG art. 17).

The preview and the erasure read the same plan, so the erasure removes exactly what the preview said
goes (docs/adr/0180-erasure-on-request.md). The plan is in counts and plain words, never content.
What lies in a segregated store (the bedrijfsarts' file D01…D08, supporter notes D17, the
vertrouwenspersoon D15, the whistleblower channel D18: R-135, R-139) is described in the same words
whether or not there is any, so the preview tells the Beheerder nothing they may not know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkvrede.accounts.models import Membership
from werkvrede.agenda.models import CalendarFeed
from werkvrede.cases.models import Case, CaseParticipant, CaseParty, CaseState, LegalHold
from werkvrede.retention import holds as retention
from werkvrede.retention.models import PersonHold
from werkvrede.sickness.models import SickReport
from werkvrede.supporters.models import SupporterGrant

GOES = "goes"
STAYS = "stays"
ANONYMISED = "anonymised"

# SM-1: a case in one of these states is over; any other state is an open case.
ENDED_STATES = frozenset(
    {CaseState.RESOLVED_CONTINUED, CaseState.RESOLVED_EXIT, CaseState.CLOSED_UNRESOLVED, CaseState.CLOSED}
)
# The employer's sick-report fields that are the person's absence administration (D02, R-140).
ABSENCE_FIELDS = (
    "phone",
    "address",
    "expected_duration",
    "ongoing_appointments",
    "ongoing_work",
)
ERASED_NAME = "Verwijderde persoon"


# Every model whose rows can be about a person (the personal-data registry, docs/personal-data.md)
# and the line of the plan that says what erasure does with it; a test keeps it complete. Rows the
# registry marks TECHNICAL follow their parent row or are pruned by their own command.
COVERAGE = {
    "accounts.invitation": "accounts.account",
    "accounts.loginsession": "accounts.account",
    "accounts.membership": "accounts.account",
    "accounts.rolegrant": "accounts.account",
    "accounts.user": "accounts.account",
    "otp_static.staticdevice": "accounts.account",
    "otp_static.statictoken": "accounts.account",
    "otp_totp.totpdevice": "accounts.account",
    "agenda.calendarfeed": "agenda.feeds",
    "audit.auditevent": "audit",
    "cases.case": "cases.closed",
    "cases.casedeadline": "cases.closed",
    "cases.casenote": "cases.closed",
    "cases.caseparticipant": "cases.closed",
    "cases.caseparty": "cases.closed",
    "cases.glaslrecord": "cases.closed",
    "cases.legalhold": "cases.closed",
    "cases.timelineevent": "cases.closed",
    "interventions.intervention": "cases.closed",
    "sickness.sickreport": "sickness.absence.ended",
    "sickness.capacityassessment": "sickness.ba_file",
    "sickness.conflictdiagnosis": "sickness.ba_file",
    "sickness.medicalnote": "sickness.ba_file",
    "sickness.openconsultation": "sickness.ba_file",
    "sickness.conflictfinding": "sickness.reintegration",
    "sickness.sentadvice": "sickness.reintegration",
    "sickness.workcapacityverdict": "sickness.reintegration",
    "interventions.appointment": "sickness.reintegration",
    "interventions.conflictleave": "sickness.reintegration",
    "interventions.interventionperiod": "sickness.reintegration",
    "supporters.preparationnote": "supporters.notes",
    "supporters.supportergrant": "supporters.notes",
    "confidential.adviserprofile": "confidential.whistleblower",
    "confidential.annualreport": "confidential.whistleblower",
    "confidential.breachreview": "confidential.whistleblower",
    "confidential.managementadvice": "confidential.whistleblower",
    "confidential.referral": "confidential.whistleblower",
    "confidential.report": "confidential.whistleblower",
    "confidential.reportmessage": "confidential.whistleblower",
    "whistleblower.concernedperson": "confidential.whistleblower",
    "whistleblower.whistlemessage": "confidential.whistleblower",
    "whistleblower.whistlereport": "confidential.whistleblower",
    "mediation.admission": "mediation",
    "mediation.admissionconsent": "mediation",
    "mediation.intakerecord": "mediation",
    "mediation.mediation": "mediation",
    "mediation.mediationparty": "mediation",
    "mediation.partymessage": "mediation",
    "mediation.session": "mediation",
    "mediation.sessionnote": "mediation",
    "mediation.terminationagreement": "mediation",
    "mediation.trackchange": "mediation",
    "consent.consent": "other",
    "fairness.invitation": "other",
    "fairness.answer": "other",
    "contact.contactrecipient": "other",
    "contact.contactrequest": "other",
    "notifications.outgoingmail": "other",  # the mail log: its own term (OUTBOX, 90 days)
    "contact.mediatorcontactsetting": "other",
    "prevention.pulse": "other",
    "protocol.conflictprotocol": "other",
    "retention.personhold": "other",
}


@dataclass(frozen=True)
class Item:
    key: str
    context: str | Promise
    category: str
    verdict: str
    reason: str | Promise
    count: int | None = None  # None: not counted (a segregated store, or nothing to count)
    rule: str = ""


@dataclass(frozen=True)
class Hold:
    on: str  # retention.holds.PERSON or CASE
    case_reference: str  # empty for a hold on the person
    category: str
    reason: str
    since: date


@dataclass
class Plan:
    membership: Membership
    items: list[Item] = field(default_factory=list)
    holds: list[Hold] = field(default_factory=list)
    active: list[retention.Hold] = field(default_factory=list)  # the same, as the retention context's
    # Ids the erasure acts on: exactly what the items above say goes or is anonymised.
    closed_case_ids: list[int] = field(default_factory=list)
    open_case_ids: list[int] = field(default_factory=list)
    absence_report_ids: list[int] = field(default_factory=list)
    ended_grant_ids: list[int] = field(default_factory=list)
    live_feed_ids: list[int] = field(default_factory=list)
    elsewhere: bool = False

    @property
    def blocked(self) -> bool:
        return bool(self.holds)

    @property
    def anything_stays(self) -> bool:
        return bool(self.open_case_ids) or any(i.verdict == STAYS and i.count for i in self.items)

    def counts(self) -> dict[str, int]:
        """What goes or is anonymised, in numbers (the audit event's data; no segregated store)."""
        return {
            "cases_anonymised": len(self.closed_case_ids),
            "sick_reports_cleared": len(self.absence_report_ids),
            "calendar_feeds_revoked": len(self.live_feed_ids),
        }


def _case_ids(membership: Membership) -> set[int]:
    user_id, organisation_id = membership.user_id, membership.organisation_id
    as_party = CaseParty.objects.filter(user_id=user_id, case__organisation_id=organisation_id)
    as_participant = CaseParticipant.objects.filter(user_id=user_id, case__organisation_id=organisation_id)
    return set(as_party.values_list("case_id", flat=True)) | set(
        as_participant.values_list("case_id", flat=True)
    )


def _holds(plan: Plan, cases: list[Case]) -> None:
    """Every active hold on the person or one of their cases, and on another party of those cases:
    anonymising a record under any of them would change what must be kept (R-140)."""
    organisation_id = plan.membership.organisation_id
    found = {
        h.reference: h
        for h in retention.active_holds(organisation=organisation_id, user=plan.membership.user_id)
    }
    for case in cases:
        found.update(
            (h.reference, h) for h in retention.active_holds(organisation=organisation_id, case=case.pk)
        )
    plan.active = [found[k] for k in sorted(found)]
    references = {c.pk: c.reference for c in Case.objects.filter(pk__in=[h.case_id for h in plan.active])}
    case_holds = LegalHold.objects.in_bulk([h.id for h in plan.active if h.on == retention.CASE])
    person_holds = PersonHold.objects.in_bulk([h.id for h in plan.active if h.on == retention.PERSON])
    for hold in plan.active:
        row: LegalHold | PersonHold = (case_holds if hold.on == retention.CASE else person_holds)[hold.id]
        plan.holds.append(
            Hold(
                on=hold.on,
                case_reference=references.get(hold.case_id or 0, ""),
                category=row.get_category_display(),
                reason=row.reason,
                since=timezone.localdate(row.set_at),
            )
        )


def plan_for(membership: Membership, *, today: date) -> Plan:
    """The plan for the person of `membership`, within its organisation only."""
    plan = Plan(membership=membership)
    user_id, organisation_id = membership.user_id, membership.organisation_id
    cases = list(Case.objects.filter(pk__in=_case_ids(membership)).order_by("pk"))
    plan.open_case_ids = [c.pk for c in cases if c.state not in ENDED_STATES]
    plan.closed_case_ids = [c.pk for c in cases if c.state in ENDED_STATES]
    _holds(plan, cases)
    plan.elsewhere = (
        Membership.objects.filter(user_id=user_id).exclude(organisation_id=organisation_id).exists()
    )

    if plan.open_case_ids:
        plan.items.append(
            Item(
                "cases.open",
                _("Zaken"),
                "D05",
                STAYS,
                _("De zaak loopt nog; wat erin staat is nodig om haar af te handelen."),
                count=len(plan.open_case_ids),
            )
        )
    if plan.closed_case_ids:
        plan.items.append(
            Item(
                "cases.closed",
                _("Zaken"),
                "D05",
                ANONYMISED,
                _(
                    "De zaak is afgesloten, maar gaat ook over een ander (de andere partij). De naam en de "
                    "koppeling met deze persoon worden verwijderd; de rest blijft zonder naam."
                ),
                count=len(plan.closed_case_ids),
            )
        )

    reports = list(
        SickReport.objects.filter(employee_id=user_id, organisation_id=organisation_id).order_by("pk")
    )
    running = [r for r in reports if r.case_id in plan.open_case_ids or membership.is_active]
    ended = [r for r in reports if r not in running]
    plan.absence_report_ids = [r.pk for r in ended]
    if running:
        plan.items.append(
            Item(
                "sickness.absence.running",
                _("Ziekmeldingen (gegevens van de werkgever)"),
                "D02",
                STAYS,
                _(
                    "Het dienstverband of de zaak loopt nog: de werkgever houdt de verzuimadministratie bij "
                    "tot uiterlijk twee jaar na het einde van het dienstverband."
                ),
                count=len(running),
                rule="R-140",
            )
        )
    if ended:
        plan.items.append(
            Item(
                "sickness.absence.ended",
                _("Ziekmeldingen (gegevens van de werkgever)"),
                "D02",
                GOES,
                _(
                    "Het dienstverband is beëindigd: de termijn is een maximum, geen plicht om te bewaren. "
                    "Telefoon, adres en de andere gegevens van de ziekmelding worden gewist; alleen de data "
                    "blijven als deel van de afgesloten zaak."
                ),
                count=len(ended),
                rule="R-140",
            )
        )

    # Segregated stores: the same words whether or not there is anything.
    plan.items.append(
        Item(
            "sickness.ba_file",
            _("Dossier van de bedrijfsarts"),
            "D01",
            STAYS,
            _(
                "Het medisch dossier blijft twintig jaar na de laatste wijziging (WGBO). Het valt onder het "
                "medisch beroepsgeheim: hier staat daarom niet of er iets is. De bedrijfsarts beheert het."
            ),
            rule="R-144",
        )
    )
    plan.items.append(
        Item(
            "sickness.reintegration",
            _("Oordelen en adviezen van de bedrijfsarts voor de werkgever"),
            "D04",
            STAYS,
            _(
                "Het re-integratiedossier (oordeel, bevindingen, adviezen, interventies en verlof) blijft "
                "tot twee jaar na het einde van de re-integratie; het hoort ook bij het dossier van de "
                "bedrijfsarts. Hier staat niet of er iets is."
            ),
            rule="R-141",
        )
    )
    grants = SupporterGrant.objects.filter(organisation_id=organisation_id).filter(
        Q(employee_id=user_id) | Q(supporter_id=user_id)
    )
    plan.ended_grant_ids = list(grants.filter(revoked_at__isnull=False).values_list("pk", flat=True))
    plan.items.append(
        Item(
            "supporters.notes",
            _("Voorbereidingsnotities met een steunpersoon"),
            "D17",
            GOES,
            _(
                "Notities van een beëindigde begeleiding worden vernietigd; die van een lopende begeleiding "
                "blijven tot die eindigt. Afgeschermd: hier staat niet of er iets is."
            ),
            rule="R-147",
        )
    )
    plan.items.append(
        Item(
            "confidential.whistleblower",
            _("Vertrouwenspersoon en klokkenluiderskanaal"),
            "D15",
            STAYS,
            _(
                "Niet zichtbaar voor de beheerder en hier niet geteld. Wie daar gegevens wil laten wissen, "
                "vraagt het de vertrouwenspersoon of de meldingsfunctionaris."
            ),
        )
    )
    plan.items.append(
        Item(
            "mediation",
            _("Mediation en ondertekende documenten"),
            "D11",
            STAYS,
            _(
                "De mediator en de partijen zijn elk verantwoordelijk voor wat zij bewaren; ondertekende "
                "documenten zijn bewijs en blijven tot hun termijn afloopt."
            ),
            rule="R-146",
        )
    )
    plan.items.append(
        Item(
            "audit",
            _("Auditlog"),
            "D21",
            STAYS,
            _(
                "Wie wat deed en inzag blijft vastgelegd zolang het langst bewaarde gegeven waarnaar het "
                "verwijst."
            ),
            rule="R-149",
        )
    )

    plan.items.append(
        Item(
            "other",
            _("Overige gegevens"),
            "D20",
            STAYS,
            _(
                "Toestemmingen (bewijs van wat met toestemming is gedeeld), uitnodigingen voor vragenlijsten "
                "en wat bij het behandelen van contactverzoeken is vastgelegd blijven tot hun eigen termijn "
                "afloopt; het opschonen van bewaartermijnen verwijdert ze dan."
            ),
        )
    )
    plan.live_feed_ids = list(
        CalendarFeed.objects.filter(
            user_id=user_id, organisation_id=organisation_id, revoked_at__isnull=True
        ).values_list("pk", flat=True)
    )
    if plan.live_feed_ids:
        plan.items.append(
            Item(
                "agenda.feeds",
                _("Agendalinks"),
                "",
                GOES,
                _("De geheime agendalinks werken daarna niet meer."),
                count=len(plan.live_feed_ids),
            )
        )

    plan.items.append(_account_item(plan))
    return plan


def _account_item(plan: Plan) -> Item:
    if plan.elsewhere:
        return Item(
            "accounts.membership",
            _("Account"),
            "",
            GOES,
            _(
                "De persoon is ook lid van een andere organisatie: alleen het lidmaatschap hier eindigt "
                "(rollen, sessies, agendalinks). Het account en de gegevens elders blijven."
            ),
        )
    if plan.anything_stays:
        return Item(
            "accounts.account",
            _("Account"),
            "",
            STAYS,
            _(
                "Er moet nog iets over deze persoon blijven: het lidmaatschap eindigt (geen rollen, geen "
                "sessies), de naam blijft zolang dat nodig is."
            ),
            count=1,
        )
    return Item(
        "accounts.account",
        _("Account"),
        "",
        ANONYMISED,
        _(
            "Naam en e-mailadres worden onbruikbaar gemaakt, het account wordt inactief, sessies en "
            "tweestapsverificatie worden verwijderd — tenzij een afgeschermd dossier de naam nog nodig "
            "heeft; dan eindigt alleen de toegang."
        ),
    )
