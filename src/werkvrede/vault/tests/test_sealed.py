"""Sealed storage: unreadable at rest, bound to its row, rotatable, every read audited (Refs issue #2)."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from werkvrede.accounts.models import Organisation
from werkvrede.audit.models import AuditEvent
from werkvrede.core import policy
from werkvrede.core.actor import Actor
from werkvrede.core.roles import Role
from werkvrede.vault.models import SealedContent
from werkvrede.vault.services import SealedContentError, rotate_data_keys, seal, unseal

pytestmark = pytest.mark.django_db

MARKER = "MARKER-slapeloosheid-7f3a"
READ_ACTION = "vault.test.read_medical"
ABOUT: dict[str, Any] = {"subjects": [42], "basis": "role:BA"}


def _key(key_id: str) -> str:
    return f"{key_id}:{base64.b64encode(os.urandom(32)).decode()}"


@pytest.fixture(autouse=True)
def read_rule() -> Iterator[None]:
    """A rule of the kind later contexts declare: only the bedrijfsarts of the organisation reads D01."""

    def check(actor: Actor, obj: Any) -> bool:
        return Role.OCCUPATIONAL_PHYSICIAN in actor.roles and obj.organisation_id == actor.organisation_id

    policy._RULES[READ_ACTION] = check
    yield
    del policy._RULES[READ_ACTION]


@pytest.fixture
def organisation() -> Organisation:
    return Organisation.objects.create(name="Kluis BV", slug="kluis")


@pytest.fixture
def physician(organisation: Organisation) -> Actor:
    return Actor(user_id=11, organisation_id=organisation.pk, roles=frozenset({Role.OCCUPATIONAL_PHYSICIAN}))


def _raw_rows() -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, compartment, key_id, nonce, ciphertext FROM vault_sealedcontent")
        return list(cursor.fetchall())


def test_sealed_values_cannot_be_read_from_the_raw_table(
    organisation: Organisation, physician: Actor
) -> None:
    seal(
        actor=physician,
        organisation_id=organisation.pk,
        compartment="D01",
        plaintext=f"{MARKER} en hartkloppingen",
    )
    rows = _raw_rows()
    assert len(rows) == 1
    raw = b"".join(bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode() for v in rows[0])
    assert MARKER.encode() not in raw
    assert b"hartkloppingen" not in raw


def test_the_allowed_reader_gets_the_plaintext_and_the_read_is_audited(
    organisation: Organisation, physician: Actor
) -> None:
    sealed = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext=MARKER)
    assert (
        unseal(actor=physician, sealed=sealed, action=READ_ACTION, subjects=[42], case_id=7, basis="role:BA")
        == MARKER
    )
    event = AuditEvent.objects.get(action="audit.data.read")
    assert event.object_id == str(sealed.pk)
    assert (event.legal_basis, event.category, event.subject_id, event.case_id) == ("role:BA", "D01", 42, 7)
    assert MARKER not in str(event.data)


def test_another_role_is_refused_and_the_refusal_is_audited(
    organisation: Organisation, physician: Actor
) -> None:
    sealed = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext=MARKER)
    hr = Actor(user_id=12, organisation_id=organisation.pk, roles=frozenset({Role.HR_ADVISER}))
    with pytest.raises(policy.AccessDenied) as caught:
        unseal(actor=hr, sealed=sealed, action=READ_ACTION, **ABOUT)
    caught.value.record()  # what the request edge does once the refused work is rolled back
    assert AuditEvent.objects.filter(action="core.access.denied", user_id=12).exists()
    assert not AuditEvent.objects.filter(action="audit.data.read").exists()


def test_values_decrypt_after_rotate_data_key(organisation: Organisation, physician: Actor) -> None:
    old, new = _key("k1"), _key("k2")
    with override_settings(WERKVREDE_DATA_KEYS=old):
        sealed = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext=MARKER)
    with override_settings(WERKVREDE_DATA_KEYS=f"{new},{old}"):
        out = StringIO()
        call_command("rotate_data_key", stdout=out)
        assert "OK: 1 sealed values" in out.getvalue()
    with override_settings(WERKVREDE_DATA_KEYS=new):  # the old key is gone
        sealed.refresh_from_db()
        assert sealed.key_id == "k2"
        assert unseal(actor=physician, sealed=sealed, action=READ_ACTION, **ABOUT) == MARKER
        assert rotate_data_keys() == 0


def test_a_wrong_key_raises_a_clear_error_and_is_audited(
    organisation: Organisation, physician: Actor
) -> None:
    with override_settings(WERKVREDE_DATA_KEYS=_key("k1")):
        sealed = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext=MARKER)
    with (
        override_settings(WERKVREDE_DATA_KEYS=_key("k1")),
        pytest.raises(SealedContentError, match="altered"),
    ):
        unseal(actor=physician, sealed=sealed, action=READ_ACTION, **ABOUT)
    with (
        override_settings(WERKVREDE_DATA_KEYS=_key("k9")),
        pytest.raises(SealedContentError, match="'k1' is not configured"),
    ):
        unseal(actor=physician, sealed=sealed, action=READ_ACTION, **ABOUT)
    assert AuditEvent.objects.filter(action="vault.sealed.read_failed").count() == 2


def test_a_tampered_row_raises_and_is_audited(organisation: Organisation, physician: Actor) -> None:
    sealed = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext=MARKER)
    tampered = bytearray(bytes(sealed.ciphertext))
    tampered[0] ^= 0x01
    SealedContent.objects.filter(pk=sealed.pk).update(ciphertext=bytes(tampered))
    sealed.refresh_from_db()
    with pytest.raises(SealedContentError, match="altered"):
        unseal(actor=physician, sealed=sealed, action=READ_ACTION, **ABOUT)
    event = AuditEvent.objects.get(action="vault.sealed.read_failed")
    assert event.outcome == "failed"


def test_a_ciphertext_moved_to_another_row_does_not_open(
    organisation: Organisation, physician: Actor
) -> None:
    secret = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext=MARKER)
    other = seal(actor=physician, organisation_id=organisation.pk, compartment="D01", plaintext="harmless")
    SealedContent.objects.filter(pk=other.pk).update(nonce=secret.nonce, ciphertext=secret.ciphertext)
    other.refresh_from_db()
    with pytest.raises(SealedContentError):
        unseal(actor=physician, sealed=other, action=READ_ACTION, **ABOUT)


def test_only_sealed_categories_are_accepted(organisation: Organisation, physician: Actor) -> None:
    with pytest.raises(ValueError, match="not a sealed data category"):
        seal(actor=physician, organisation_id=organisation.pk, compartment="D02", plaintext="x")


def test_rotate_data_key_generate_adds_a_local_key_first(
    organisation: Organisation, physician: Actor, tmp_path: Any
) -> None:
    from werkvrede.config.settings.local_keys import local_data_keys

    first = local_data_keys(tmp_path)
    with override_settings(WERKVREDE_DATA_KEYS=first, DATA_DIR=tmp_path):
        sealed = seal(actor=physician, organisation_id=organisation.pk, compartment="D11", plaintext=MARKER)
        out = StringIO()
        call_command("rotate_data_key", "--generate", stdout=out)
    keys = (tmp_path / "keys" / "data_keys").read_text()
    assert keys.startswith("dev2:")
    assert keys.endswith(first)
    sealed.refresh_from_db()
    assert sealed.key_id == "dev2"
    with override_settings(WERKVREDE_DATA_KEYS=keys.split(",")[0]):
        assert unseal(actor=physician, sealed=sealed, action=READ_ACTION, **ABOUT) == MARKER
