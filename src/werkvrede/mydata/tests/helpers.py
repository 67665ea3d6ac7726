"""Plant data with unique markers in every context, as people would (through the services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from werkvrede.accounts.invitations import invitation_accept, invitations_for
from werkvrede.accounts.models import User
from werkvrede.accounts.services import membership_grant, user_create
from werkvrede.cases import services as case_services
from werkvrede.cases.models import CaseNote
from werkvrede.cases.selectors import case_get_for
from werkvrede.cases.tests.helpers import actor_of, signal
from werkvrede.confidential import services as vp_services
from werkvrede.consent.tests.helpers import give
from werkvrede.contact import services as contact_services
from werkvrede.core.roles import Role
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.models import Session
from werkvrede.mediation.tests.helpers import in_session
from werkvrede.sickness.tests.helpers import consulted, finding, pa_draft, report, verdict
from werkvrede.supporters import services as supporter_services
from werkvrede.supporters.models import Section
from werkvrede.whistleblower.tests.helpers import named_report as whistle_report

TODAY = date(2025, 3, 20)
PASSWORD = "correct horse battery staple"
MELDER_NAME = "Melder Verborgen Mk7"

PRIVATE, HANDLERS, SHARED = (
    CaseNote.Visibility.PRIVATE,
    CaseNote.Visibility.HANDLERS,
    CaseNote.Visibility.SHARED,
)


@dataclass(frozen=True)
class Planted:
    melder: User


def _note(world: Any, role: Role, case_id: int, text: str, visibility: str) -> None:
    t = world.a
    case_services.note_add(
        actor=actor_of(t.users[role], t.organisation.pk), case_id=case_id, text=text, visibility=visibility
    )


def plant(world: Any) -> Planted:
    t = world.a
    org = t.organisation.pk
    employee, hr = actor_of(t.users[Role.EMPLOYEE], org), actor_of(t.users[Role.HR_ADVISER], org)
    case = signal(t.users[Role.EMPLOYEE], org, other=t.memberships[Role.LINE_MANAGER])
    for role, case_role in ((Role.HR_ADVISER, "HR"), (Role.OCCUPATIONAL_PHYSICIAN, "BA")):
        case_services.participant_add(
            actor=hr, case_id=case.pk, membership_id=t.memberships[role].pk, role=case_role
        )
    # Accounts (D05): own ones, a shared one of the other party, and ones kept from the employee.
    _note(world, Role.EMPLOYEE, case.pk, "MK-WN-PRIVATE", PRIVATE)
    _note(world, Role.EMPLOYEE, case.pk, "MK-WN-SHARED", SHARED)
    _note(world, Role.LINE_MANAGER, case.pk, "MK-LG-PRIVATE", PRIVATE)
    _note(world, Role.LINE_MANAGER, case.pk, "MK-LG-SHARED", SHARED)
    _note(world, Role.HR_ADVISER, case.pk, "MK-HR-HANDLERS", HANDLERS)
    # Sickness: the employer part (D02) and the bedrijfsarts' sealed note (D01, R own).
    report(world, case, expected_duration="MK-SICK-DURATION")
    consulted(world, case, note="MK-D01-NOTE")
    # The BA's verdict (D04) and conflict finding (D04, step 3): the employee's, not the other party's.
    verdict(world, case, limitations="MK-VERDICT-LIMITS")
    finding(world, case)
    # The BA drafts the probleemanalyse (D10): its signers read the draft, its author has drawn it up.
    pa_draft(world, case, possibilities="MK-PA-POSSIBILITIES")
    # The Glasl history (on the timeline for whoever opens the case) and a legal hold whose reason is
    # for the handlers only (ADR 0101): nobody gets the reason in an export.
    case_services.glasl_record(actor=hr, case_id=case.pk, stage=4, conflict_type="EMPLOYEE_MANAGER")
    case_services.legal_hold_set(
        actor=hr, case_id=case.pk, category="PENDING_LITIGATION", reason="MK-HOLD-REASON"
    )
    # Mediation: intakes ("positie WN"/"positie LG") and the mediator's sealed session note.
    mediation = in_session(world, case=case)
    session = Session.objects.filter(mediation=mediation).first()
    assert session is not None
    mediation_services.session_note_add(
        actor=actor_of(t.users[Role.MEDIATOR], org),
        mediation_id=mediation.pk,
        session_id=session.pk,
        text="MK-MEDIATOR-NOTE",
        today=TODAY,
    )
    # Supporter: invited and accepted; both write in the preparation space (D17).
    grant = supporter_services.supporter_invite(
        actor=employee,
        access=case_get_for(employee, case.pk),
        email=t.users[Role.SUPPORTER].email,
        full_name=t.users[Role.SUPPORTER].full_name,
    )
    (invitation,) = invitations_for(supporter_services.INVITATION_PURPOSE, str(grant.pk))
    invitation_accept(invitation=invitation, today=TODAY)
    grant.refresh_from_db()
    supporter_services.note_write(
        actor=actor_of(t.users[Role.SUPPORTER], org), grant=grant, section=Section.NOTES, text="MK-SUP-NOTE"
    )
    supporter_services.note_write(actor=employee, grant=grant, section=Section.OWN_POINTS, text="MK-WN-PREP")
    # Consent (D20) given by the employee.
    give(world, purpose="MK-CONSENT-PURPOSE")
    # A named report to the vertrouwenspersoon by a colleague about the line manager (D15).
    melder = user_create(email="melder.mk7@org-a.test", full_name=MELDER_NAME, password=PASSWORD)
    membership_grant(user=melder, organisation=t.organisation, roles=[Role.EMPLOYEE])
    vp_services.report_write(
        actor=actor_of(melder, org),
        message="MK-VP-STORY over de leidinggevende",
        registration_consent=True,
        today=TODAY,
    )
    # A whistleblower report by the employee naming the line manager as concerned (D18).
    whistle_report(world, text="MK-WB-STORY", concerned=(Role.LINE_MANAGER,))
    # A contact request from a visitor to the mediator (who takes requests): the visitor has no account,
    # so what they wrote is in nobody's export; the mediator gets that a request came to them.
    contact_services.settings_update(actor=actor_of(t.users[Role.MEDIATOR], org), accepts=True)
    contact_services.contact_request_submit(
        data=contact_services.RequestInput(
            name="MK-CONTACT-VISITOR",
            organisation_name="Bezoeker BV",
            email="bezoeker@example.test",
            phone="",
            requester_role="EMPLOYEE",
            people_involved=2,
            preferred_contact="EMAIL",
        ),
        today=TODAY,
    )
    return Planted(melder=melder)
