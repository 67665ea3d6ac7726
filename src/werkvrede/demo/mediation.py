"""A living demo mediation for "Demo BV": Sanne (case C) and her manager Lars with mediator Mira.

Built through the services as people would: HR refers, the mediator declares impartiality and holds
both intakes, both say yes, all three sign the mediation agreement, Sanne's supporter Sam is
admitted under CC-8, and the first session is planned a few days from today. What still waits:
Mark has just asked Sam to support him too (not opened yet), and a visitor's contact request waits
for Mira.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.demo import DEMO_ORGANISATION
from werkvrede.accounts.invitations import invitation_accept, invitations_for
from werkvrede.accounts.models import Organisation, User
from werkvrede.cases.models import Case, CaseParty
from werkvrede.cases.selectors import case_get_for
from werkvrede.contact import services as contact
from werkvrede.core.actor import Actor
from werkvrede.documents.models import Document, DocumentKind
from werkvrede.mediation import services as mediation
from werkvrede.mediation.models import Mediation, MediationParty, PartySide
from werkvrede.supporters import services as supporters

EMPLOYEE = "werknemer@demo.werkvrede.nl"
MANAGER = "leidinggevende@demo.werkvrede.nl"
MEDIATOR = "mediator@demo.werkvrede.nl"
SUPPORTER = "steunpersoon@demo.werkvrede.nl"
SECOND_EMPLOYEE = "mark@demo.werkvrede.nl"
HR = "hr@demo.werkvrede.nl"


def _actor(email: str, organisation: Organisation) -> Actor:
    return actor_for(User.objects.get(email=email), organisation.pk)


def _sign(person: Actor, item: Mediation, document: Document, today: date) -> None:
    mediation.mediation_document_sign(
        actor=person,
        mediation_id=item.pk,
        document_id=document.pk,
        typed_name=person.display_name,
        today=today,
    )


@transaction.atomic
def load_demo_mediation(*, today: date) -> int:
    """Create the demo mediation once; return 1 when created, 0 when it exists or case C is missing."""
    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION[1])
    if Mediation.objects.filter(organisation=organisation).exists():
        return 0
    employee_user = User.objects.get(email=EMPLOYEE)
    case = Case.objects.filter(
        organisation=organisation, parties__user=employee_user, parties__side=CaseParty.Side.EMPLOYEE
    ).first()
    if case is None:
        return 0
    hr, med = _actor(HR, organisation), _actor(MEDIATOR, organisation)
    employee, manager = _actor(EMPLOYEE, organisation), _actor(MANAGER, organisation)
    referred_on = today - timedelta(days=10)
    item = mediation.mediation_refer(
        actor=hr,
        case_id=case.pk,
        data=mediation.ReferralInput(
            subject="Het nieuwe rooster en de samenwerking met de leidinggevende",
            parties=[
                mediation.PartyInput(employee_user.pk, PartySide.EMPLOYEE),
                mediation.PartyInput(User.objects.get(email=MANAGER).pk, PartySide.EMPLOYER_REPRESENTATIVE),
            ],
            mediator_id=med.uid,
        ),
        today=referred_on,
    )
    mediation.impartiality_declare(actor=med, mediation_id=item.pk, today=referred_on)
    intake_on = today - timedelta(days=7)
    stories = {
        EMPLOYEE: ("Het rooster moet terug naar het oude.", "Zeggenschap over mijn werktijden.",
                   "Ik voel me niet gehoord sinds de reorganisatie."),
        MANAGER: ("Het nieuwe rooster blijft.", "Een eerlijke verdeling van de avonddiensten.",
                  "Weinig tijd voor overleg met het team."),
    }  # fmt: skip
    for email, (positions, interests, causes) in stories.items():
        party = MediationParty.objects.get(mediation=item, user__email=email)
        mediation.intake_record(
            actor=med,
            mediation_id=item.pk,
            data=mediation.IntakeInput(
                party_id=party.pk, held_on=intake_on, positions=positions, interests=interests, causes=causes
            ),
            today=intake_on,
        )
    for person in (employee, manager):
        mediation.willingness_record(actor=person, mediation_id=item.pk, willing=True, today=intake_on)
    agreement = mediation.agreement_draft(
        actor=med,
        mediation_id=item.pk,
        data=mediation.AgreementInput(
            voluntary=True,
            confidential=True,
            neutrality=True,
            reglement="MfN-mediationreglement",
            fees="€ 150 per uur, exclusief btw",
            paid_by="Demo BV",
            reporting="Alleen statusberichten aan de verwijzer",
            interim_agreements="Schriftelijk, door alle partijen getekend",
        ),
        today=intake_on,
    )
    for person in (employee, manager, med):
        _sign(person, item, agreement, intake_on)
    mediation.track_set(actor=med, mediation_id=item.pk, track="RESTORATION", today=intake_on)
    _supporter_admitted(organisation, case, item, employee, manager, intake_on)
    starts = timezone.make_aware(datetime.combine(today + timedelta(days=3), time(10, 0)))
    mediation.session_plan(
        actor=med,
        mediation_id=item.pk,
        data=mediation.SessionInput(
            starts_at=starts,
            duration_minutes=90,
            participant_ids=[employee.uid, manager.uid, User.objects.get(email=SUPPORTER).pk],
        ),
        today=intake_on,
    )
    _supporter_invited(organisation, today)
    _contact_request(med, today)
    return 1


def _supporter_invited(organisation: Organisation, today: date) -> None:
    """Mark invites Sam for his own case; Sam has not opened the preparation yet."""
    mark = User.objects.filter(email=SECOND_EMPLOYEE).first()
    case = Case.objects.filter(
        organisation=organisation, parties__user=mark, parties__side=CaseParty.Side.EMPLOYEE
    ).first()
    if mark is None or case is None:
        return
    employee = _actor(SECOND_EMPLOYEE, organisation)
    supporters.supporter_invite(
        actor=employee, access=case_get_for(employee, case.pk), email=SUPPORTER, full_name="Sam Steun"
    )


def _contact_request(med: Actor, today: date) -> None:
    """Mira takes contact requests; a small employer asks for a first, free conversation."""
    contact.settings_update(actor=med, accepts=True)
    contact.contact_request_submit(
        data=contact.RequestInput(
            name="Ingrid de Ondernemer",
            organisation_name="Bakkerij Ondernemer",
            email="ingrid@bakkerij.example",
            phone="",
            requester_role="EMPLOYER",
            people_involved=2,
            preferred_contact="EMAIL",
        ),
        today=today,
    )


def _supporter_admitted(
    organisation: Organisation, case: Case, item: Mediation, employee: Actor, manager: Actor, today: date
) -> None:
    """Sanne invites Sam as her supporter; both parties consent and Sam signs confidentiality (CC-8)."""
    grant = supporters.supporter_invite(
        actor=employee, access=case_get_for(employee, case.pk), email=SUPPORTER, full_name="Sam Steun"
    )
    # Sam opens the link in the invitation e-mail and accepts.
    (invitation,) = invitations_for(supporters.INVITATION_PURPOSE, str(grant.pk))
    invitation_accept(invitation=invitation, today=today)
    admission = mediation.admission_request(
        actor=employee,
        mediation_id=item.pk,
        user_id=grant.supporter_id,
        kind="SUPPORTER",
        for_party_id=None,
        today=today,
    )
    for person in (employee, manager):
        mediation.admission_consent(
            actor=person, mediation_id=item.pk, admission_id=admission.pk, today=today
        )
    statement = Document.objects.filter(
        owner_kind=mediation.ADMISSION_OWNER,
        owner_id=admission.pk,
        kind=DocumentKind.CONFIDENTIALITY_STATEMENT,
    ).latest("version")
    _sign(_actor(SUPPORTER, organisation), item, statement, today)
