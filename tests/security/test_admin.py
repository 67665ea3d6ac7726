"""The Django admin is for active superusers only, and read-only (Refs issue #2)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from conftest import World, logged_in
from werkvrede.accounts.models import User
from werkvrede.core.roles import Role


def test_end_users_of_every_role_do_not_get_into_the_admin(client_as: Callable[..., Client]) -> None:
    for role in Role:
        response = client_as(role).get("/beheer/")
        assert response.status_code == 302
        assert "/beheer/login/" in response["Location"]


def test_staff_without_superuser_does_not_get_in(world: World, client: Client) -> None:
    user = world.a.users[Role.ADMIN]
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client.force_login(user)
    assert client.get("/beheer/").status_code == 302


def test_a_superuser_can_read_but_not_change_workflow_data(world: World, client: Client) -> None:
    superuser = User.objects.create_superuser(
        email="root@operator.test", full_name="Operator", password="x" * 16
    )
    logged_in(superuser, client)  # with the second factor: the admin site needs it (ADR 0072)
    assert client.get("/beheer/").status_code == 200
    organisation = world.a.organisation
    assert client.get(f"/beheer/accounts/organisation/{organisation.pk}/change/").status_code == 200
    client.post(
        f"/beheer/accounts/organisation/{organisation.pk}/change/", {"name": "Hacked", "slug": "hacked"}
    )
    organisation.refresh_from_db()
    assert organisation.name == "Organisatie A"
    assert client.get("/beheer/accounts/organisation/add/").status_code == 403
