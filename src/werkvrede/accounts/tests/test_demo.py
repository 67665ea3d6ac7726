"""The demo organisation loads idempotently, with one person per role (Refs issue #2)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from werkvrede.accounts.models import Membership, RoleGrant, User
from werkvrede.core.roles import Role

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_load_demo_is_idempotent_and_covers_every_role() -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)
    counts = (User.objects.count(), Membership.objects.count(), RoleGrant.objects.count())
    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    assert (User.objects.count(), Membership.objects.count(), RoleGrant.objects.count()) == counts
    demo_roles = set(
        RoleGrant.objects.filter(membership__organisation__slug="demo-bv").values_list("role", flat=True)
    )
    assert demo_roles == {role.value for role in Role}
    assert "hr@demo.werkvrede.nl" in out.getvalue()


def test_load_demo_refuses_without_debug() -> None:
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())
