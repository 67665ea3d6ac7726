"""Importing people from an HR system's CSV file: preview first, per-row errors, re-import changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import World
from werkvrede.accounts import people_import
from werkvrede.accounts.actors import actor_for
from werkvrede.accounts.models import Invitation, Membership
from werkvrede.audit.models import AuditEvent
from werkvrede.core.refusals import NotPossible
from werkvrede.core.roles import Role

GOOD = (
    "email;name;roles;manager_email\n"
    "jan@hr.test;Jan Jansen;WN;lisa@hr.test\n"
    'lisa@hr.test;Lisa de Vries;"LG;HR";\n'
)


def _admin(world: World) -> Any:
    return actor_for(world.a.users[Role.ADMIN], world.a.organisation.pk)


def _upload(client: Client, text: str | bytes, name: str = "mensen.csv") -> Any:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        reverse("accounts:people-import"), {"file": SimpleUploadedFile(name, data, "text/csv")}
    )


def _confirm(client: Client, response: Any, only_valid: bool = False) -> Any:
    preview_id = response.context["confirm"].initial["preview_id"]
    body = {"preview_id": preview_id, **({"only_valid": "on"} if only_valid else {})}
    return client.post(reverse("accounts:people-import-confirm"), body)


def test_a_valid_file_with_semicolons_and_a_bom_is_previewed_then_imported(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    preview = _upload(client, "\ufeff" + GOOD)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Regel 2" in html and "Regel 3" in html and "wordt uitgenodigd" in html
    assert not Invitation.objects.filter(invitee__email="jan@hr.test").exists()  # nothing yet
    done = _confirm(client, preview)
    assert done.status_code == 200
    assert done.context["result"].counts["invited"] == 2
    lisa = Invitation.objects.get(invitee__email="lisa@hr.test", organisation=world.a.organisation)
    assert lisa.role_list == [Role.HR_ADVISER, Role.LINE_MANAGER]
    assert AuditEvent.objects.filter(
        action="accounts.people.imported", organisation_id=world.a.organisation.pk
    ).exists()


def test_importing_the_same_file_again_changes_nothing(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    employee = world.a.users[Role.EMPLOYEE]
    text = GOOD + f"{employee.email};Bestaande Werknemer;WN;\n"
    _confirm(client, _upload(client, text))
    invitations = Invitation.objects.filter(organisation=world.a.organisation).count()
    again = _upload(client, text)
    rows = again.context["preview"].rows
    assert [r.outcome for r in rows] == ["already_invited", "already_invited", "unchanged"]
    result = _confirm(client, again).context["result"]
    assert (
        result.counts["invited"] == 0
        and result.counts["already_invited"] == 2
        and result.counts["unchanged"] == 1
    )
    assert Invitation.objects.filter(organisation=world.a.organisation).count() == invitations
    assert set(world.a.memberships[Role.EMPLOYEE].grants.values_list("role", flat=True)) == {"WN"}


BAD = (
    "email,name,roles\n"
    "goed@hr.test,Goed Persoon,WN\n"
    "geen-adres,Fout Adres,WN\n"
    "rol@hr.test,Foute Rol,XX\n"
    "med@hr.test,Mediator HR,MED;HR\n"
    "goed@hr.test,Dubbel,WN\n"
    "sup@hr.test,Steun,SUP\n"
    "leeg@hr.test,,WN\n"
)


def test_per_row_errors_name_the_row_and_column_and_nothing_is_imported(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    preview = _upload(client, BAD)
    errors = {r.line: r.errors for r in preview.context["preview"].invalid}
    assert errors[3][0][0] == "email"
    assert errors[4][0][0] == "roles" and "XX" in errors[4][0][1]
    assert errors[5][0][0] == "roles" and "SOD-2" in errors[5][0][1]
    assert errors[6][0][0] == "email" and "regel 2" in errors[6][0][1]
    assert errors[7][0][0] == "roles"
    assert errors[8][0][0] == "name"
    html = preview.content.decode()
    assert "Regel 4" in html and "kolom roles" in html
    refused = _confirm(client, preview)
    assert refused.status_code == 409 and "6 regel(s)" in refused.content.decode()
    assert not Invitation.objects.filter(invitee__email="goed@hr.test").exists()


def test_the_beheerder_may_choose_to_import_only_the_valid_rows(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    result = _confirm(client, _upload(client, BAD), only_valid=True).context["result"]
    assert result.counts["invited"] == 1 and result.counts["skipped"] == 6
    assert Invitation.objects.filter(invitee__email="goed@hr.test").count() == 1
    assert not Invitation.objects.filter(invitee__email="med@hr.test").exists()


def test_the_preview_is_kept_on_the_server_not_re_posted(
    world: World, client_as: Callable[..., Client]
) -> None:
    client = client_as(Role.ADMIN)
    _upload(client, GOOD)
    forged = client.post(
        reverse("accounts:people-import-confirm"), {"preview_id": "0" * 32, "email": "x@y.test"}
    )
    assert forged.status_code == 302 and forged["Location"] == reverse("accounts:people-import")
    assert not Invitation.objects.filter(invitee__email="jan@hr.test").exists()
    # Another Beheerder's session does not know this preview.
    other = client_as(Role.ADMIN)
    preview_id = client.session[people_import.SESSION_KEY]["id"]
    assert (
        other.post(reverse("accounts:people-import-confirm"), {"preview_id": preview_id}).status_code == 302
    )
    assert not Invitation.objects.filter(invitee__email="jan@hr.test").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"email,name\nx@y.test,X\n", "roles"),
        (b"", "leeg"),
        ("email,name,roles\n".encode("utf-16"), "UTF-8"),
        (b"email,name,roles\n", "geen regels"),
        (b"x" * (people_import.MAX_BYTES + 1), "2 MB"),
    ],
)
def test_an_unreadable_file_is_refused_beside_the_field(
    client_as: Callable[..., Client], data: bytes, message: str
) -> None:
    response = _upload(client_as(Role.ADMIN), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_too_many_rows_are_refused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people_import, "MAX_ROWS", 2)
    preview = people_import.preview(
        actor=_admin(world), data=b"email,name,roles\na@x.test,A,WN\nb@x.test,B,WN\nc@x.test,C,WN\n"
    )
    assert preview.file_errors and "meer dan 2" in preview.file_errors[0]


def test_an_invalid_manager_email_is_an_error_and_a_valid_one_is_ignored(world: World) -> None:
    preview = people_import.preview(
        actor=_admin(world),
        data=b"email,name,roles,manager_email\na@x.test,A,WN,geen-adres\nb@x.test,B,WN,a@x.test\n",
    )
    assert preview.rows[0].errors == [("manager_email", "Geen geldig e-mailadres.")]
    assert preview.rows[1].is_valid


def test_import_refuses_all_when_a_row_is_invalid_without_the_choice(world: World) -> None:
    rows = people_import.read_rows(b"email,name,roles\na@x.test,A,WN\nfout,B,WN\n")
    with pytest.raises(NotPossible):
        people_import.import_rows(actor=_admin(world), rows=rows, only_valid=False)
    assert not Membership.objects.filter(user__email="a@x.test").exists()
    assert not Invitation.objects.filter(invitee__email="a@x.test").exists()
