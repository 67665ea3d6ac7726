"""Who may see and do what with consent records (D20, CC-10 and D20 fn 30 in docs/rules.md).

The data subject (WN) gives, reads and withdraws their own consents. Anyone else in the
organisation reads only the consents addressed to them: to them by name, or to one of their roles
without a name. The organisation admin's "metadata" reading is not offered here.
"""

from __future__ import annotations

from typing import Any

from werkvrede.consent.models import Consent
from werkvrede.core.actor import Actor
from werkvrede.core.policy import rule
from werkvrede.core.roles import Role


def _same_organisation(actor: Actor, consent: Any) -> bool:
    return isinstance(consent, Consent) and consent.organisation_id == actor.organisation_id


def addressed_to(actor: Actor, consent: Consent) -> bool:
    if consent.recipient_id is not None:
        return consent.recipient_id == actor.user_id
    return consent.recipient_role in {str(r) for r in actor.roles}


@rule("consent.consent.list", "See one's consents page: anyone in an organisation (own and addressed only).")
def can_list(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None


@rule("consent.consent.give", "Give consent about one's own data (D20 RW): the employee.")
def can_give(actor: Actor, obj: Any) -> bool:
    return actor.organisation_id is not None and Role.EMPLOYEE in actor.roles


@rule("consent.consent.view", "Read a consent: its data subject, or the person or role it is addressed to.")
def can_view(actor: Actor, consent: Any) -> bool:
    if not _same_organisation(actor, consent):
        return False
    return bool(consent.data_subject_id == actor.user_id or addressed_to(actor, consent))


@rule("consent.consent.withdraw", "Withdraw a consent (R-172): only its data subject.")
def can_withdraw(actor: Actor, consent: Any) -> bool:
    return _same_organisation(actor, consent) and consent.data_subject_id == actor.user_id
