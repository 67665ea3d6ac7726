"""Referrals with the melder's consent (R-102, CC-6, SM-6 row 5), the mediator route (R-064) and the
mediator's pause that lands in the VP's inbox (R-077).

D15 markers: a report's messages never reach a referral's recipient; only the summary the melder
agreed to does, and only while the consent holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from conftest import World
from werkvrede.audit.models import AuditEvent
from werkvrede.audit.reads import READ_ACTION
from werkvrede.confidential import referral_selectors, referrals
from werkvrede.confidential.facts import situation
from werkvrede.confidential.models import (
    Channel,
    Referral,
    ReferralStatus,
    ReferralTarget,
    Report,
    ReportMessage,
    ReportState,
)
from werkvrede.confidential.referrals import ProposalInput
from werkvrede.confidential.tests.helpers import TODAY, anonymous_report, person, report_at, vp
from werkvrede.consent import services as consent_services
from werkvrede.consent.models import Consent
from werkvrede.core.actor import Actor
from werkvrede.core.policy import AccessDenied as NotAllowed
from werkvrede.core.refusals import Blocked, Invalid, NotPossible
from werkvrede.core.roles import Role
from werkvrede.guideline import evaluate, parse_situation
from werkvrede.mediation import selectors as mediation_selectors
from werkvrede.mediation import services as mediation_services
from werkvrede.mediation.models import MediationParty, MediationState, PartySide

STORY = "MARKER-D15-STORY-8c1f: mijn teamleider scheldt mij uit."
SUMMARY = "MARKER-D15-SUMMARY-3e7a: de melder wil praten over de werksfeer in het team."


@pytest.fixture
def advised(world: World) -> Report:
    """A named report of the employee of organisation A, in ADVICE, with a story in it."""
    report = report_at(world, "a", ReportState.ADVICE)
    referrals_message(world, report)
    return report


def referrals_message(world: World, report: Report) -> None:
    from werkvrede.confidential import services

    services.message_write(actor=melder(world), report=report, text=STORY, today=TODAY)


def melder(world: World, tenant: str = "a") -> Actor:
    return person(world, Role.EMPLOYEE, tenant)


def user_id(world: World, role: Role, tenant: str = "a") -> int:
    return int(world.tenant(tenant).users[role].pk)


def propose(world: World, report: Report, target: str = ReferralTarget.HR, **kw: Any) -> Referral:
    recipient = {
        ReferralTarget.HR: Role.HR_ADVISER,
        ReferralTarget.BA: Role.OCCUPATIONAL_PHYSICIAN,
        ReferralTarget.BMW: Role.COMPANY_SOCIAL_WORKER,
        ReferralTarget.MED: Role.MEDIATOR,
    }.get(ReferralTarget(target))
    data = ProposalInput(
        target=target,
        summary=SUMMARY,
        recipient_id=user_id(world, recipient) if recipient else None,
        **kw,
    )
    return referrals.referral_propose(actor=vp(world), report=report, data=data, today=TODAY)


def accept(world: World, referral: Referral) -> Referral:
    return referrals.referral_accept(actor=melder(world), referral=referral, consent=True, today=TODAY)


def seen_by(client: Client, *paths: str) -> str:
    return "\n".join(
        client.get(path).content.decode() for path in ("/vertrouwenspersoon/verwijzingen/", *paths)
    )


# --- a proposal passes nothing ----------------------------------------------------------------


def test_r102_fires_when_the_vp_proposes_a_mediator_and_not_otherwise(advised: Report) -> None:
    def codes(**facts: Any) -> set[str]:
        parsed = parse_situation(situation(advised, **facts))
        return {f.code for f in evaluate(parsed, today=TODAY).findings}

    assert "R-102" in codes(mediator_proposed=True)
    assert "R-102" not in codes(mediator_proposed=False)  # near miss: no mediator proposed


def test_a_proposal_alone_passes_nothing_and_keeps_the_state(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    referral = propose(world, advised)
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE
    assert referral.status == ReferralStatus.PROPOSED and referral.consent is None
    assert not Consent.objects.filter(data_subject=world.a.users[Role.EMPLOYEE]).exists()
    hr = person(world, Role.HR_ADVISER)
    assert referral_selectors.referrals_to_me(hr) == []
    assert SUMMARY not in seen_by(client_as(Role.HR_ADVISER))
    # The melder sees the proposal on the own report, recipient and scope spelled out.
    page = client_as(Role.EMPLOYEE).get(f"/vertrouwenspersoon/verwijzing/{referral.pk}/").content.decode()
    assert SUMMARY in page and world.a.users[Role.HR_ADVISER].full_name in page


def test_declined_passes_nothing(world: World, advised: Report, client_as: Callable[..., Client]) -> None:
    referral = propose(world, advised)
    referrals.referral_decline(actor=melder(world), referral=referral, today=TODAY)
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.DECLINED
    assert SUMMARY not in seen_by(client_as(Role.HR_ADVISER))
    with pytest.raises(NotPossible):
        accept(world, referral)


def test_accepting_needs_the_tick_of_consent(world: World, advised: Report) -> None:
    referral = propose(world, advised)
    with pytest.raises(Invalid) as exc:
        referrals.referral_accept(actor=melder(world), referral=referral, consent=False, today=TODAY)
    assert "consent" in exc.value.errors
    advised.refresh_from_db()
    assert advised.state == ReportState.ADVICE
    assert not Consent.objects.exists()


def test_only_the_melder_answers(world: World, advised: Report) -> None:
    referral = propose(world, advised)
    for role in (Role.CONFIDENTIAL_ADVISER, Role.HR_ADVISER, Role.LINE_MANAGER):
        with pytest.raises(NotAllowed):
            referrals.referral_accept(actor=person(world, role), referral=referral, consent=True, today=TODAY)
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.PROPOSED


# --- CC-6: with consent the recipient sees exactly the summary ---------------------------------------


def test_consent_moves_to_referred_and_the_recipient_sees_exactly_the_summary(
    world: World,
    advised: Report,
    client_as: Callable[..., Client],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    referral = propose(world, advised)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        referral = accept(world, referral)
    advised.refresh_from_db()
    assert advised.state == ReportState.REFERRED and advised.route == "REFERRED"
    consent = referral.consent
    assert consent is not None
    assert consent.recipient_id == user_id(world, Role.HR_ADVISER)
    assert consent.recipient_role == "HR" and consent.categories == ["D15"]
    assert consent.data_subject_id == user_id(world, Role.EMPLOYEE)
    assert "HR-adviseur" in consent.purpose

    views = referral_selectors.referrals_to_me(person(world, Role.HR_ADVISER))
    assert [v.summary for v in views] == [SUMMARY]
    page = seen_by(client_as(Role.HR_ADVISER), f"/vertrouwenspersoon/melding/{advised.pk}/")
    assert SUMMARY in page and STORY not in page
    # The read is audited on the basis of the consent.
    assert AuditEvent.objects.filter(action=READ_ACTION, legal_basis=f"consent:{consent.pk}").exists()

    # Nobody else who could be a recipient sees it.
    for role in (Role.OCCUPATIONAL_PHYSICIAN, Role.COMPANY_SOCIAL_WORKER, Role.MEDIATOR):
        assert SUMMARY not in seen_by(client_as(role))
    assert SUMMARY not in seen_by(client_as(Role.HR_ADVISER, "b"))

    # The recipient gets a link, not a word of the report or the summary.
    to_hr = [m for m in mail.outbox if m.to == [world.a.users[Role.HR_ADVISER].email]]
    assert len(to_hr) == 1 and "/vertrouwenspersoon/verwijzingen/" in to_hr[0].body
    mailed = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    assert SUMMARY not in mailed and STORY not in mailed


def test_the_report_itself_stays_closed_to_the_recipient(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    accept(world, propose(world, advised))
    assert client_as(Role.HR_ADVISER).get(f"/vertrouwenspersoon/melding/{advised.pk}/").status_code in (
        403,
        404,
    )
    sealed = ReportMessage.objects.filter(report=advised).first()
    assert sealed is not None


def test_withdrawing_the_consent_closes_the_recipients_access_at_once(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    referral = accept(world, propose(world, advised))
    assert SUMMARY in seen_by(client_as(Role.HR_ADVISER))
    referrals.referral_withdraw(actor=melder(world), referral=referral, today=TODAY)
    assert referral_selectors.referrals_to_me(person(world, Role.HR_ADVISER)) == []
    assert SUMMARY not in seen_by(client_as(Role.HR_ADVISER))
    consent = Consent.objects.get(pk=referral.consent.pk if referral.consent else 0)
    assert consent.withdrawn_at is not None


def test_withdrawing_on_the_consent_page_closes_it_too(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    referral = accept(world, propose(world, advised))
    assert referral.consent_id is not None
    consent_services.consent_withdraw(actor=melder(world), consent_id=referral.consent_id)
    assert SUMMARY not in seen_by(client_as(Role.HR_ADVISER))


def test_nothing_of_the_report_reaches_the_audit_log(world: World, advised: Report) -> None:
    accept(world, propose(world, advised))
    logged = "\n".join(str(d) for d in AuditEvent.objects.values_list("data", flat=True))
    assert "MARKER-D15" not in logged
    codes = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"confidential.referral.proposed", "confidential.referral.accepted"} <= codes


def test_a_referral_outside_the_organisation_has_no_recipient_in_werkvrede(
    world: World, advised: Report
) -> None:
    referral = accept(world, propose(world, advised, ReferralTarget.CARE))
    assert referral.recipient_id is None and referral.consent is not None
    assert referral.consent.recipient_role == "CARE"
    for role in Role:
        assert referral_selectors.referrals_to_me(person(world, role)) == []


def test_an_anonymous_melder_is_asked_for_a_name(world: World) -> None:
    report, _receipt = anonymous_report(world)
    from werkvrede.confidential import services

    services.category_record(actor=vp(world), report=report, category="BULLYING", today=TODAY)
    with pytest.raises(NotPossible) as exc:
        propose(world, report)
    assert "CC-6" in str(exc.value)
    assert not Referral.objects.exists()


def test_a_proposal_outside_advice_is_refused(world: World) -> None:
    report = report_at(world, "a", ReportState.INTAKE)
    with pytest.raises(NotAllowed):
        propose(world, report)


def test_the_recipient_must_hold_the_role(world: World, advised: Report) -> None:
    with pytest.raises(Invalid) as exc:
        referrals.referral_propose(
            actor=vp(world),
            report=advised,
            data=ProposalInput(
                target=ReferralTarget.BA, summary=SUMMARY, recipient_id=user_id(world, Role.HR_ADVISER)
            ),
            today=TODAY,
        )
    assert "recipient" in exc.value.errors


# --- a referral to a mediator -----------------------------------------------------------


def mediator_referral(world: World, report: Report) -> Referral:
    return propose(
        world,
        report,
        ReferralTarget.MED,
        other_party_id=user_id(world, Role.LINE_MANAGER),
        mediation_subject="Samenwerking met de teamleider",
    )


def test_a_mediator_referral_arrives_in_the_mediators_list_after_consent(
    world: World, advised: Report
) -> None:
    referral = mediator_referral(world, advised)
    mediator = person(world, Role.MEDIATOR)
    assert mediation_selectors.mediations_for(mediator) == []  # nothing before consent
    referral = accept(world, referral)
    mediation = referral.mediation
    assert mediation is not None
    assert mediation.referrer_role == "VP" and mediation.mediator_id == user_id(world, Role.MEDIATOR)
    assert mediation.state == MediationState.REFERRED and mediation.case_id is None
    parties = {(p.user_id, p.side) for p in MediationParty.objects.filter(mediation=mediation)}
    assert parties == {
        (user_id(world, Role.EMPLOYEE), PartySide.EMPLOYEE),
        (user_id(world, Role.LINE_MANAGER), PartySide.OTHER),
    }
    assert mediation_selectors.mediations_for(mediator) == [mediation]
    assert STORY not in mediation.subject and SUMMARY not in mediation.subject


def test_r064_the_vp_is_never_the_mediator(world: World, advised: Report) -> None:
    with pytest.raises(Invalid) as exc:
        referrals.referral_propose(
            actor=vp(world),
            report=advised,
            data=ProposalInput(
                target=ReferralTarget.MED,
                summary=SUMMARY,
                recipient_id=vp(world).uid,
                other_party_id=user_id(world, Role.LINE_MANAGER),
                mediation_subject="Samenwerking",
            ),
            today=TODAY,
        )
    assert "R-064" in " ".join(exc.value.errors["recipient"])
    t = world.a
    with pytest.raises(Blocked) as blocked:
        mediation_services.mediation_refer_by_vp(
            actor=vp(world),
            organisation_id=t.organisation.pk,
            melder_id=user_id(world, Role.EMPLOYEE),
            other_party_id=user_id(world, Role.LINE_MANAGER),
            mediator_id=vp(world).uid,
            subject="Samenwerking",
            today=TODAY,
        )
    assert "R-064" in {f.code for f in blocked.value.findings}


def test_only_a_vp_refers_to_mediation_this_way(world: World) -> None:
    with pytest.raises(NotAllowed):
        mediation_services.mediation_refer_by_vp(
            actor=person(world, Role.HR_ADVISER),
            organisation_id=world.a.organisation.pk,
            melder_id=user_id(world, Role.EMPLOYEE),
            other_party_id=user_id(world, Role.LINE_MANAGER),
            mediator_id=user_id(world, Role.MEDIATOR),
            subject="Samenwerking",
            today=TODAY,
        )


# --- the mediator's pause lands in the VP's inbox ----------------------------------------------


def test_r077_pausing_a_mediation_opens_a_contact_report_without_content(world: World) -> None:
    from werkvrede.mediation.tests.helpers import TODAY as MED_TODAY
    from werkvrede.mediation.tests.helpers import actor as med_actor
    from werkvrede.mediation.tests.helpers import in_intake

    mediation = in_intake(world)
    before = Report.objects.count()
    paused = mediation_services.pause_for_vp(
        actor=med_actor(world, Role.MEDIATOR), mediation_id=mediation.pk, today=MED_TODAY
    )
    report = Report.objects.get(channel=Channel.MEDIATION_PAUSE)
    assert Report.objects.count() == before + 1
    assert report.state == ReportState.CONTACT
    assert report.melder_id == user_id(world, Role.EMPLOYEE)
    assert not ReportMessage.objects.filter(report=report).exists()  # no content
    from werkvrede.confidential import selectors

    assert report in selectors.inbox_for(vp(world))
    # The mediation learns nothing back: it holds no link to the report and only its own pause.
    paused.refresh_from_db()
    assert paused.state == MediationState.PAUSED_VP_REFERRAL
    assert not any("confidential" in f.name for f in paused._meta.get_fields())


def test_d15_markers_stay_out_of_the_mediation_pages(
    world: World, advised: Report, client_as: Callable[..., Client]
) -> None:
    referral = accept(world, mediator_referral(world, advised))
    assert referral.mediation is not None
    mediation_pages = ["/mediation/", f"/mediation/{referral.mediation.pk}/"]
    mediator = seen_by(client_as(Role.MEDIATOR), *mediation_pages)
    assert STORY not in mediator and SUMMARY in mediator  # the summary only on the referrals page
    other = seen_by(client_as(Role.LINE_MANAGER), *mediation_pages)
    assert STORY not in other and SUMMARY not in other


def test_an_anonymous_melder_reads_that_a_referral_needs_a_name(world: World) -> None:
    from werkvrede.confidential import services

    report, receipt = anonymous_report(world)
    holder = services.receipt_holder(receipt)
    assert holder is not None
    from django.template.loader import render_to_string

    from werkvrede.confidential.referral_views import referral_section

    html = render_to_string(
        "confidential/_referrals.html",
        {"report": report, **referral_section(holder, report)},  # type: ignore[arg-type]
    )
    assert "schriftelijke toestemming met je naam" in html and "CC-6" in html
