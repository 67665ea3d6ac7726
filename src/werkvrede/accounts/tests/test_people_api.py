"""/api/v1/people: the same services as the pages; bad input 422 naming the field, refusals 409."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from conftest import World, logged_in
from werkvrede.accounts.models import Invitation, Membership
from werkvrede.core.roles import Role


def _version(membership: Membership) -> int:
    return Membership.objects.get(pk=membership.pk).version


def _send(client: Client, method: str, name: str, body: Any = None, **kwargs: Any) -> Any:
    return client.generic(method, reverse(name, kwargs=kwargs), json.dumps(body or {}), "application/json")


def test_invite_answers_201_with_the_outcome_and_422_naming_the_field(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    body = {"email": "api@voorbeeld.test", "full_name": "Api", "roles": ["WN"]}
    created = _send(client, "POST", "api:people-invite", body)
    assert created.status_code == 201 and created.json() == {
        "outcome": "invited",
        "email": "api@voorbeeld.test",
    }
    assert _send(client, "POST", "api:people-invite", body).json()["outcome"] == "already_invited"
    bad_email = _send(client, "POST", "api:people-invite", {**body, "email": "geen-adres"})
    assert bad_email.status_code == 422 and "email" in json.dumps(bad_email.json())
    bad_role = _send(client, "POST", "api:people-invite", {**body, "roles": ["XX"]})
    assert bad_role.status_code == 422 and "roles" in json.dumps(bad_role.json())
    sod = _send(
        client, "POST", "api:people-invite", {**body, "email": "b@voorbeeld.test", "roles": ["MED", "LG"]}
    )
    assert sod.status_code == 422
    assert sod.json()["errors"][0]["path"] == "roles" and "SOD-2" in sod.json()["errors"][0]["message"]
    sup = _send(client, "POST", "api:people-invite", {**body, "email": "c@voorbeeld.test", "roles": ["SUP"]})
    assert sup.status_code == 422


def test_roles_deactivate_and_the_last_beheerder_through_the_api(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    employee = world.a.memberships[Role.EMPLOYEE]
    changed = _send(
        client,
        "PUT",
        "api:people-roles",
        {"version": _version(employee), "roles": ["WN", "LG"]},
        membership_id=employee.pk,
    )
    assert changed.status_code == 200 and changed.json()["roles"] == ["LG", "WN"]
    refused = _send(
        client,
        "PUT",
        "api:people-roles",
        {"version": _version(employee), "roles": ["WN", "VP", "HR"]},
        membership_id=employee.pk,
    )
    assert refused.status_code == 422 and "SOD-1" in json.dumps(refused.json())
    stale = _send(
        client, "PUT", "api:people-roles", {"version": 1, "roles": ["WN"]}, membership_id=employee.pk
    )
    assert stale.status_code == 409 and stale.json()["detail"] == "stale_version"
    assert stale.json()["current"] == {"roles": ["LG", "WN"]} and stale.json()["version"] == _version(
        employee
    )
    own = world.a.memberships[Role.ADMIN]
    last = _send(client, "POST", "api:people-deactivate", membership_id=own.pk)
    assert last.status_code == 409 and "laatste actieve beheerder" in last.json()["message"]
    leaver_client = logged_in(world.a.users[Role.EMPLOYEE])
    assert leaver_client.get(reverse("api:me")).status_code == 200
    gone = _send(client, "POST", "api:people-deactivate", membership_id=employee.pk)
    assert gone.status_code == 200 and gone.json()["is_active"] is False and gone.json()["roles"] == []
    assert leaver_client.get(reverse("api:me")).status_code == 401
    again = _send(client, "POST", "api:people-deactivate", membership_id=employee.pk)
    assert again.status_code == 409


def test_resend_and_withdraw_through_the_api(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.ADMIN)
    _send(
        client, "POST", "api:people-invite", {"email": "r@voorbeeld.test", "full_name": "R", "roles": ["WN"]}
    )
    invitation = Invitation.objects.get(invitee__email="r@voorbeeld.test")
    resent = _send(client, "POST", "api:people-invitation-resend", invitation_id=invitation.pk)
    assert resent.status_code == 200
    withdrawn = _send(client, "POST", "api:people-invitation-withdraw", invitation_id=invitation.pk)
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"] is not None
    assert (
        _send(client, "POST", "api:people-invitation-resend", invitation_id=invitation.pk).status_code == 409
    )
    # Another organisation's Beheerder does not find it.
    other = client_as(Role.ADMIN, "b")
    assert (
        _send(other, "POST", "api:people-invitation-withdraw", invitation_id=invitation.pk).status_code == 404
    )


def test_the_list_is_searchable_and_paged(world: World, client_as: Callable[..., Client]) -> None:
    client = client_as(Role.CASEMANAGER)
    found = client.get(reverse("api:people-list"), {"q": world.a.users[Role.MEDIATOR].email})
    assert found.status_code == 200
    assert [m["id"] for m in found.json()["results"]] == [world.a.memberships[Role.MEDIATOR].pk]
    page = client.get(reverse("api:people-list"), {"limit": 2}).json()
    assert len(page["results"]) == 2 and page["next_offset"] == 2
    assert client.get(reverse("api:people-list"), {"limit": 0}).status_code == 422


def test_import_preview_then_import_only_valid_rows_then_again_nothing(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    csv = "email,name,roles\nx1@voorbeeld.test,X1,WN\nfout,X2,WN\n"
    preview = _send(client, "POST", "api:people-import-preview", {"csv": csv})
    assert preview.status_code == 200
    data = preview.json()
    assert data["all_valid"] is False
    assert data["rows"][1]["errors"][0]["column"] == "email" and data["rows"][1]["line"] == 3
    refused = _send(client, "POST", "api:people-import", {"preview_id": data["preview_id"]})
    assert refused.status_code == 409
    done = _send(client, "POST", "api:people-import", {"preview_id": data["preview_id"], "only_valid": True})
    assert done.status_code == 200 and done.json()["counts"]["invited"] == 1
    assert _send(client, "POST", "api:people-import", {"preview_id": data["preview_id"]}).status_code == 422
    again = _send(client, "POST", "api:people-import-preview", {"csv": csv}).json()
    assert again["rows"][0]["outcome"] == "already_invited"
    unreadable = _send(client, "POST", "api:people-import-preview", {"csv": "naam\nx\n"}).json()
    assert unreadable["preview_id"] is None and unreadable["file_errors"]
    control = _send(client, "POST", "api:people-import-preview", {"csv": "email\x07"})
    assert control.status_code == 422 and "csv" in json.dumps(control.json())
    assert Membership.objects.filter(user__email="x1@voorbeeld.test").count() == 0
