""" "Mijn gegevens" (ADR 0170, 0198): the person's account (name, e-mail, when made, last log-in, the
two-factor devices by name — never a secret), their membership of one organisation and its roles."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkvrede.accounts.models import Invitation, Membership, RoleGrant, User
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
                source="accounts.membership",
            )
        )
    grants = RoleGrant.objects.filter(
        membership__user_id=actor.user_id, membership__organisation_id=actor.organisation_id
    )
    for grant in grants.order_by("granted_at", "pk"):
        records.append(
            ExportRecord(
                "accounts.role",
                _("Rol: %(role)s") % {"role": grant.get_role_display()},
                fields(("role", _("Rol"), grant.get_role_display())),
                ExportRecord.when(grant.granted_at),
                source="accounts.rolegrant",
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
                source="accounts.invitation",
            )
        )
    sent = Invitation.objects.filter(invited_by_id=actor.user_id, organisation_id=actor.organisation_id)
    for invitation in sent.order_by("created_at", "pk"):
        records.append(
            ExportRecord(
                "accounts.invitation_sent",
                _("Uitnodiging door mij verstuurd"),
                fields(
                    ("invited_name", _("Aan"), invitation.invited_name),
                    ("roles", _("Rollen"), _role_words(invitation.roles.split(","))),
                ),
                ExportRecord.when(invitation.created_at),
                source="accounts.invitation",
            )
        )
    return records


def account_records(actor: Actor) -> list[ExportRecord]:
    """The account itself (also at the top of the export) and its two-factor devices."""
    if actor.user_id is None:
        return []
    user = User.objects.get(pk=actor.user_id)
    records = [
        ExportRecord(
            "accounts.user",
            _("Mijn account"),
            fields(
                ("full_name", _("Naam"), user.full_name),
                ("email", _("E-mailadres"), user.email),
                ("is_active", _("Actief"), user.is_active),
                ("date_joined", _("Aangemaakt op"), ExportRecord.when(user.date_joined)),
                ("last_login", _("Laatst ingelogd op"), ExportRecord.when(user.last_login)),
            ),
            ExportRecord.when(user.date_joined),
            source="accounts.user",
        )
    ]
    for device in TOTPDevice.objects.filter(user_id=user.pk).order_by("pk"):
        records.append(
            ExportRecord(
                "accounts.totp_device",
                _("Authenticator-app voor de tweestapsverificatie"),
                fields(
                    ("name", _("Naam"), device.name),
                    ("confirmed", _("Bevestigd"), device.confirmed),
                ),
                None,
                source="otp_totp.totpdevice",
            )
        )
    for static in StaticDevice.objects.filter(user_id=user.pk).order_by("pk"):
        records.append(
            ExportRecord(
                "accounts.backup_codes",
                _("Herstelcodes voor de tweestapsverificatie"),
                fields(
                    ("name", _("Naam"), static.name),
                    ("unused", _("Ongebruikte codes"), static.token_set.count()),
                ),
                None,
                source="otp_static.staticdevice",
            )
        )
    return records


ACCOUNT_SECTION = ExportSection(
    key="account",
    title=gettext_lazy("Mijn account"),
    provider=account_records,
    order=5,
    scope="person",
    sources=("accounts.user", "otp_totp.totpdevice", "otp_static.staticdevice"),
    left_out=(
        gettext_lazy(
            "Je wachtwoord (alleen als controlewaarde bewaard) en de geheime sleutels van de "
            "tweestapsverificatie: inloggeheimen, die in een bestand niet veilig zijn."
        ),
    ),
)


SECTION = ExportSection(
    key="accounts",
    title=gettext_lazy("Organisaties en rollen"),
    provider=membership_records,
    order=10,
    scope="organisation",
    sources=("accounts.membership", "accounts.rolegrant", "accounts.invitation"),
    left_out=(),
)
