"""create_organisation and list_organisations (issue #11 point 1)."""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from werkvrede.accounts.models import Invitation, Membership, Organisation, User
from werkvrede.audit.models import AuditEvent
from werkvrede.core.roles import Role


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _link(message: Any) -> str:
    found = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert found
    return found.group(1)


@pytest.mark.django_db
def test_create_organisation_invites_its_first_beheerder_who_accepts_and_is_adm(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        out = _run(
            "create_organisation",
            "--name",
            "Gemeente Nergens",
            "--slug",
            "nergens",
            "--admin-email",
            "Beheer@Nergens.test",
        )
    assert "Created organisation 'nergens'" in out and "beheer@nergens.test" in out
    organisation = Organisation.objects.get(slug="nergens")
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.role_list == [Role.ADMIN] and invitation.purpose == "accounts.people"
    assert AuditEvent.objects.filter(
        action="accounts.organisation.created", organisation_id=organisation.pk
    ).exists()
    [message] = mail.outbox
    assert message.to == ["beheer@nergens.test"]
    assert "7 dagen" in message.body
    client = Client()
    link = _link(message)
    response = client.post(
        link, {"new_password1": "een lang goed wachtwoord 42", "new_password2": "een lang goed wachtwoord 42"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation, user__email="beheer@nergens.test")
    assert list(membership.grants.values_list("role", flat=True)) == ["ADM"]


@pytest.mark.django_db
def test_running_it_again_with_the_same_slug_and_name_changes_nothing_and_says_so(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    args = (
        "create_organisation",
        "--name",
        "Bedrijf",
        "--slug",
        "bedrijf",
        "--admin-email",
        "a@bedrijf.test",
    )
    with django_capture_on_commit_callbacks(execute=True):
        _run(*args)
        out = _run(*args)
    assert "already exists; nothing changed" in out
    assert Organisation.objects.filter(slug="bedrijf").count() == 1
    assert Invitation.objects.filter(organisation__slug="bedrijf").count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--name", "Ander", "--slug", "org-x", "--admin-email", "a@x.test"), "already used"),
        (("--name", "Bedrijf", "--slug", "geen spaties!", "--admin-email", "a@x.test"), "--slug"),
        (("--name", "Bedrijf", "--slug", "goed", "--admin-email", "geen-adres"), "--admin-email"),
        (("--name", "   ", "--slug", "goed", "--admin-email", "a@x.test"), "--name"),
        (("--name", "Bedrijf", "--slug", "ontvangstcode", "--admin-email", "a@x.test"), "public addresses"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(args: tuple[str, ...], named: str) -> None:
    Organisation.objects.create(name="Bestaand", slug="org-x")
    # Other tests may have left their organisations in this database: count what this one adds.
    before = (Organisation.objects.count(), Invitation.objects.count())
    with pytest.raises(CommandError) as raised:
        call_command("create_organisation", *args, stdout=StringIO())
    assert raised.value.returncode == 2
    assert named in str(raised.value)
    assert (Organisation.objects.count(), Invitation.objects.count()) == before


@pytest.mark.django_db(transaction=True)
def test_list_organisations_says_when_there_are_none() -> None:
    # Other tests may have left organisations (the shared world is committed): empty the database as a
    # transactional test's end does anyway.
    call_command("flush", "--no-input", verbosity=0)
    assert "No organisations yet" in _run("list_organisations")


@pytest.mark.django_db
def test_list_organisations_shows_slug_name_active_members_and_created() -> None:
    organisation = Organisation.objects.create(name="Zorg & Co", slug="zorg")
    for index, active in enumerate([True, True, False]):
        user = User.objects.create_user(email=f"p{index}@zorg.test", full_name="P")
        Membership.objects.create(user=user, organisation=organisation, is_active=active)
    out = _run("list_organisations").splitlines()
    assert out[0].split() == ["slug", "name", "members", "created"]
    (line,) = [row for row in out[1:] if row.split()[0] == "zorg"]  # other tests' organisations may be listed
    assert "Zorg & Co" in line
    assert line.split()[4] == "2"
