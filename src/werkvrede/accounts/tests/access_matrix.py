from typing import Any

from tests.security.matrix import ALL, Row
from werkvrede.accounts.models import Invitation, Membership
from werkvrede.core.roles import Role

PEOPLE = frozenset({Role.ADMIN, Role.HR_ADVISER, Role.CASEMANAGER})
ADMIN = frozenset({Role.ADMIN})
# They see the people and the open invitations, but may not change them: 403 on an object they see.
VIEWERS = frozenset({Role.CASEMANAGER, Role.HR_ADVISER})


def _membership_id(world: Any, tenant: str) -> dict[str, int]:
    return {"membership_id": world.tenant(tenant).memberships[Role.EMPLOYEE].pk}


def _invitation_id(world: Any, tenant: str) -> dict[str, int]:
    t = world.tenant(tenant)
    invitation = Invitation.objects.create(
        organisation=t.organisation,
        invitee=t.users[Role.EMPLOYEE],
        invited_name="Uitgenodigd",
        roles="LG",
        invited_by=t.users[Role.ADMIN],
        purpose="accounts.people",
    )
    return {"invitation_id": invitation.pk}


CSV = "email,name,roles\nnieuw@example.test,Nieuw Persoon,WN\n"

ROWS = {
    "accounts:people": Row("get", PEOPLE, 200),
    "accounts:person": Row("get", PEOPLE, 200, object_in=_membership_id),
    "accounts:person-reactivate": Row(
        "get",
        frozenset({Role.ADMIN}),
        200,
        object_in=_membership_id,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER}),
    ),
    "accounts:person-mfa-reset": Row(
        "get",
        frozenset({Role.ADMIN}),
        200,
        object_in=_membership_id,
        forbidden=frozenset({Role.CASEMANAGER, Role.HR_ADVISER}),
    ),
    # One's own account (ADR 0072): everyone logged in. A verified session has no step left to take.
    "accounts:account": Row("get", ALL, 200),
    "accounts:mfa-verify": Row("get", ALL, 302),
    "accounts:mfa-recovery": Row("get", ALL, 302),
    "accounts:mfa-enrol": Row("get", ALL, 200),
    "accounts:mfa-recovery-codes": Row("post", ALL, 302),
    "accounts:password-change": Row("get", ALL, 200),
    "accounts:logout-everywhere": Row("post", ALL, 302),
    "accounts:organisation-switch": Row(
        "post", ALL, 302, body=lambda world: {"organisation": world.a.organisation.pk}
    ),
    "accounts:person-invite": Row("get", ADMIN, 200),
    "accounts:people-import": Row("get", ADMIN, 200),
    # An unknown preview sends the Beheerder back to the upload page.
    "accounts:people-import-confirm": Row("post", ADMIN, 302, body=lambda world: {"preview_id": "x"}),
    "accounts:person-roles": Row("get", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "accounts:person-deactivate": Row("get", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "accounts:invitation-resend": Row("post", ADMIN, 302, object_in=_invitation_id, forbidden=VIEWERS),
    "accounts:invitation-withdraw": Row("get", ADMIN, 200, object_in=_invitation_id, forbidden=VIEWERS),
    "api:people-list": Row("get", PEOPLE, 200, refused=403),
    "api:people-invite": Row(
        "post",
        ADMIN,
        201,
        body=lambda world: {"email": "nieuw@example.test", "full_name": "Nieuw", "roles": ["WN"]},
        json=True,
        refused=403,
    ),
    "api:people-invitation-resend": Row("post", ADMIN, 200, object_in=_invitation_id, forbidden=VIEWERS),
    "api:people-invitation-withdraw": Row("post", ADMIN, 200, object_in=_invitation_id, forbidden=VIEWERS),
    "api:people-roles": Row(
        "put",
        ADMIN,
        200,
        object_in=_membership_id,
        body=lambda world: {
            # The member's version now (the same in each tenant: built alike), ADR 0146.
            "version": Membership.objects.get(pk=world.a.memberships[Role.EMPLOYEE].pk).version,
            "roles": ["WN", "LG"],
        },
        json=True,
        forbidden=VIEWERS,
    ),
    "api:people-deactivate": Row("post", ADMIN, 200, object_in=_membership_id, forbidden=VIEWERS),
    "api:people-import-preview": Row(
        "post", ADMIN, 200, body=lambda world: {"csv": CSV}, json=True, refused=403
    ),
    # An unknown preview is refused naming the field.
    "api:people-import": Row(
        "post", ADMIN, 422, body=lambda world: {"preview_id": "x"}, json=True, refused=403
    ),
}
