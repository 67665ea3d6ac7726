""" "Mijn gegevens" (ADR 0170): the person's membership of one organisation and its roles."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkvrede.accounts.models import Invitation, Membership
from werkvrede.core.actor import Actor
from werkvrede.core.exports import ExportRecord, ExportSection, fields
from werkvrede.core.roles import Role


def _role_words(codes: list[str]) -> str:
    return ", ".join(str(Role(code).label) for code in sorted(codes) if code in Role.values)


def membership_records(actor: Actor) -> list[ExportRecord]:
    if actor.user_id is None or actor.organisation_id is None:
        return []
    records = []
    for membership in Membership.objects.filter(
        user_id=actor.user_id, organisation_id=actor.organisation_id
    ).select_related("organisation"):
        roles = list(membership.grants.values_list("role", flat=True))
        records.append(
            ExportRecord(
                "accounts.membership",
                _("Lidmaatschap van %(organisation)s") % {"organisation": membership.organisation.name},
                fields(
                    ("organisation", _("Organisatie"), membership.organisation.name),
                    ("roles", _("Rollen"), _role_words(roles)),
                    ("active", _("Actief"), membership.is_active),
                ),
                ExportRecord.when(membership.created_at),
            )
        )
    for invitation in Invitation.objects.filter(
        invitee_id=actor.user_id, organisation_id=actor.organisation_id
    ).order_by("created_at", "pk"):
        records.append(
            ExportRecord(
                "accounts.invitation",
                _("Uitnodiging"),
                fields(
                    ("invited_name", _("Naam in de uitnodiging"), invitation.invited_name),
                    ("roles", _("Rollen"), _role_words(invitation.roles.split(","))),
                    ("accepted_at", _("Aangenomen op"), ExportRecord.when(invitation.accepted_at)),
                    ("declined_at", _("Afgewezen op"), ExportRecord.when(invitation.declined_at)),
                ),
                ExportRecord.when(invitation.created_at),
            )
        )
    return records


SECTION = ExportSection(
    key="accounts",
    title=gettext_lazy("Organisaties en rollen"),
    provider=membership_records,
    order=10,
    scope="organisation",
    left_out=(),
)
