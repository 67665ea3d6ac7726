"""Five living demo cases for "Demo BV", built through the services as people would build them.

Dates are relative to today, so the deadlines on the start pages are due soon or overdue whenever
the demo is loaded: a variant A, B and C sick report, an approved conflict leave, and an active
interventieperiode.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.demo import DEMO_ORGANISATION, DEMO_PASSWORD
from werkvrede.accounts.models import Membership, Organisation, User
from werkvrede.accounts.services import membership_grant, user_create
from werkvrede.cases import services as cases
from werkvrede.cases.models import Case, CaseNote
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role
from werkvrede.interventions import services as interventions
from werkvrede.protocol.services import protocol_ensure_default
from werkvrede.sickness import services as sickness
from werkvrede.sickness import wvp


@dataclass(frozen=True)
class DemoEmployee:
    email: str
    name: str


# The people whose cases the demo shows; each can log in to see their own case.
DEMO_EMPLOYEES = {
    "A": DemoEmployee("fatima@demo.werkvrede.nl", "Fatima el Amrani"),
    "B": DemoEmployee("mark@demo.werkvrede.nl", "Mark de Jong"),
    "C": DemoEmployee("werknemer@demo.werkvrede.nl", "Sanne Bakker"),
    "LEAVE": DemoEmployee("lotte@demo.werkvrede.nl", "Lotte van Dijk"),
    "IP": DemoEmployee("youssef@demo.werkvrede.nl", "Youssef Haddou"),
    "NEW": DemoEmployee("noah@demo.werkvrede.nl", "Noah Smit"),
}


def _member(organisation: Organisation, person: DemoEmployee) -> Membership:
    user = User.objects.filter(email=person.email).first()
    if user is None:
        user = user_create(email=person.email, full_name=person.name, password=DEMO_PASSWORD)
    return membership_grant(user=user, organisation=organisation, roles=[Role.EMPLOYEE])


def _actor(email: str, organisation: Organisation) -> Actor:
    return actor_for(User.objects.get(email=email), organisation.pk)


class _Demo:
    def __init__(self, organisation: Organisation, today: date) -> None:
        self.organisation = organisation
        self.today = today
        self.hr = _actor("hr@demo.werkvrede.nl", organisation)
        self.ba = _actor("bedrijfsarts@demo.werkvrede.nl", organisation)
        self.manager = Membership.objects.get(
            user__email="leidinggevende@demo.werkvrede.nl", organisation=organisation
        )

    def days(self, n: int) -> date:
        return self.today + timedelta(days=n)

    def case(self, employee: Membership, story: str, *, glasl: int) -> Case:
        """The employee signals a conflict with the manager; HR completes the intake."""
        case = cases.case_signal(
            actor=actor_for(employee.user, self.organisation.pk),
            data=cases.SignalInput(
                signalled_on=self.days(-30),
                employee_membership_id=None,
                employee_name="",
                other_party_name="",
                other_party_membership_id=self.manager.pk,
                description=story,
                description_visibility=CaseNote.Visibility.HANDLERS,
            ),
        )
        cases.case_complete_intake(
            actor=self.hr,
            case_id=case.pk,
            data=cases.IntakeInput(
                configuration="INDIVIDUAL_INDIVIDUAL",
                domains=("RELATIONS", "TERMS"),
                acknowledged_by_other=False,
                employee_feels_obstructed=True,
                other_feels_obstructed=False,
                undesirable_behaviour_suspected=False,
                glasl_stage=glasl,
                conflict_type="EMPLOYEE_MANAGER",
            ),
            today=self.days(-28),
        )
        return case

    def sick(
        self, case: Case, *, first_sick_day: date, ao: bool, conflict: bool, prolongs: bool = False
    ) -> None:
        """HR records the sick report; the bedrijfsarts holds the consult and gives verdict and finding."""
        physician = Membership.objects.get(
            user__email="bedrijfsarts@demo.werkvrede.nl", organisation=self.organisation
        )
        cases.participant_add(actor=self.hr, case_id=case.pk, membership_id=physician.pk, role="BA")
        consult_on = first_sick_day + timedelta(days=3)
        sickness.report_save(
            actor=self.hr,
            case_id=case.pk,
            data=sickness.ReportInput(
                first_sick_day=first_sick_day,
                notified_to_ba_on=first_sick_day + timedelta(days=1),
                expected_duration="onbekend",
            ),
            today=first_sick_day + timedelta(days=1),
            expected_version=0,
        )
        sickness.consult_record(
            actor=self.ba, case_id=case.pk, consult_on=consult_on,
            note="Spreekuur gehouden; de werknemer vertelde over het rooster.", today=consult_on,
        )  # fmt: skip
        sickness.verdict_record(
            actor=self.ba,
            case_id=case.pk,
            data=sickness.VerdictInput(
                value="AO" if ao else "NOT_AO",
                degree_pct=100 if ao else None,
                expected_duration="enkele weken" if ao else "",
                no_work_capacity=False,
                limitations="Geen werk onder tijdsdruk" if ao else "",
                possibilities="Twee uur per dag aangepast werk" if ao else "",
                recorded_on=consult_on,
            ),
            today=consult_on,
        )
        sickness.finding_record(
            actor=self.ba, case_id=case.pk, conflict=conflict, recorded_on=consult_on, today=consult_on
        )

    def fresh_sick_report(self, case: Case) -> None:
        """HR records yesterday's sick report; nobody has reported it to the bedrijfsarts yet (T-01).

        The casemanager's step on the demo day: "Wat nu?" leads them to it (docs/adr/0139-wat-nu-complete.md).
        """
        physician = Membership.objects.get(
            user__email="bedrijfsarts@demo.werkvrede.nl", organisation=self.organisation
        )
        cases.participant_add(actor=self.hr, case_id=case.pk, membership_id=physician.pk, role="BA")
        sickness.report_save(
            actor=self.hr,
            case_id=case.pk,
            data=sickness.ReportInput(first_sick_day=self.days(-1), expected_duration="onbekend"),
            today=self.today,
            expected_version=0,
        )

    def action_plan(self, case: Case) -> None:
        """HR drafts the plan van aanpak (T-04); HR and the employee still sign it (R-151)."""
        wvp.draft_save(
            actor=self.hr,
            case_id=case.pk,
            kind="ACTION_PLAN",
            values={
                "casemanager": "Chris Jansen",
                "goal": "Weer samen aan het werk met een rooster dat voor beiden werkt.",
                "activities": "Gesprekken onder leiding van een mediator.",
                "agreements": "Elke twee weken een kort overleg over het rooster.",
            },
            today=self.today,
        )

    def leave(self, case: Case, employee: Membership) -> None:
        """The employee asks for conflict leave from tomorrow; HR approves it with an appointment."""
        start = self.days(1)
        while start.weekday() >= 5:
            start += timedelta(days=1)
        request = interventions.leave_request(
            actor=actor_for(employee.user, self.organisation.pk),
            case_id=case.pk,
            start_on=start,
            end_on=start + timedelta(days=1),
            today=self.today,
        )
        interventions.leave_approve(
            actor=self.hr,
            case_id=case.pk,
            leave_id=request.pk,
            appointment=interventions.AppointmentInput(
                with_role="HR",
                with_person="Hanna de Vries",
                with_membership_id=None,
                chaired_by="",
                meeting_on=start,
            ),
            today=self.today,
        )

    def intervention_period(self, case: Case) -> None:
        """HR starts a week at another workplace under the protocol, with an appointment on day 2."""
        period = interventions.period_propose(
            actor=self.hr,
            case_id=case.pk,
            data=interventions.PeriodInput(
                initiated_by="HR", form="ALT_WORKPLACE", released_reason="",
                start_on=self.days(-2), end_on=self.days(4), exceptional_reason="",
            ),
            today=self.days(-3),
        )  # fmt: skip
        interventions.period_decide(
            actor=self.hr, case_id=case.pk, period_id=period.pk, approve=True, today=self.days(-3)
        )
        interventions.period_record_appointment(
            actor=self.hr,
            case_id=case.pk,
            period_id=period.pk,
            data=interventions.AppointmentInput(
                with_role="LG", with_person="Lars Visser", with_membership_id=self.manager.pk, chaired_by="",
                meeting_on=self.days(0),
            ),
            today=self.days(-3),
        )  # fmt: skip
        # The start date was reached two days ago: the hourly run took the step (SM-3 row 5).
        interventions.period_due_transitions(today=self.days(-2))


@transaction.atomic
def load_demo_cases(*, today: date) -> int:
    """Create the six demo cases once; return how many were created (0 when they exist)."""
    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION[1])
    if Case.objects.filter(organisation=organisation).exists():
        return 0
    # Public, so that /protocol/<slug>/ and the guide at /hulp/<slug>/ show it in the demo.
    protocol_ensure_default(organisation=organisation, conflict_leave_enabled=True, is_public=True)
    members = {key: _member(organisation, person) for key, person in DEMO_EMPLOYEES.items()}
    demo = _Demo(organisation, today)
    case_a = demo.case(members["A"], "Collega's vinden dat ik mijn aangepaste taken niet verdien.", glasl=2)
    demo.sick(case_a, first_sick_day=demo.days(-12), ao=True, conflict=False)
    case_b = demo.case(members["B"], "Na de reorganisatie word ik buitengesloten door mijn manager.", glasl=4)
    demo.sick(case_b, first_sick_day=demo.days(-40), ao=True, conflict=True, prolongs=True)
    case_c = demo.case(
        members["C"], "Het nieuwe rooster wordt me opgelegd; ik kan hem niet meer onder ogen komen.", glasl=3
    )
    demo.sick(case_c, first_sick_day=demo.days(-6), ao=False, conflict=True)
    demo.action_plan(case_c)
    case_leave = demo.case(
        members["LEAVE"], "Ik heb even afstand nodig na het gesprek van vorige week.", glasl=2
    )
    demo.leave(case_leave, members["LEAVE"])
    case_ip = demo.case(members["IP"], "Sinds het incident in de winkel is het team in rep en roer.", glasl=3)
    demo.intervention_period(case_ip)
    case_new = demo.case(
        members["NEW"], "Sinds de nieuwe planning voel ik me niet gehoord door mijn manager.", glasl=2
    )
    demo.fresh_sick_report(case_new)
    return 6
