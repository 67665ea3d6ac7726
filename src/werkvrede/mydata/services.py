""" "Mijn gegevens": ask, produce (the task worker), download, expire (docs/adr/0170-my-data-export.md)."""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import datetime
from typing import Literal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db.backend import DatabaseBackend

from werkvrede.accounts.models import User
from werkvrede.audit import reads
from werkvrede.audit import services as audit
from werkvrede.core.actor import Actor
from werkvrede.core.policy import authorize
from werkvrede.core.refusals import NotPossible
from werkvrede.documents.storage import documents_storage
from werkvrede.mydata.builder import build_export
from werkvrede.mydata.models import ExportRequest, ExportState
from werkvrede.mydata.rendering import to_json, to_pdf
from werkvrede.vault.crypto import decrypt, encrypt, keyring

logger = logging.getLogger(__name__)

Format = Literal["json", "pdf"]
LANGUAGES = ("nl", "en")
# The right of access (AVG art. 15) is the basis of every read the export makes and of the download.
BASIS = reads.RIGHT_OF_ACCESS


def _audit(actor: Actor, action: str, export: ExportRequest, **data: object) -> None:
    audit.record(
        action,
        organisation_id=export.organisation_id,
        user_id=actor.user_id,
        roles=actor.role_codes,
        object_type="mydata.exportrequest",
        object_id=str(export.pk),
        legal_basis=BASIS,
        subject_id=export.user_id,
        data=dict(data),
    )


@transaction.atomic
def export_request(*, actor: Actor, language: str) -> ExportRequest:
    """Ask for an export; while one is queued or running, that one is the answer (one at a time)."""
    authorize(actor, "mydata.export.request")
    user = User.objects.select_for_update(no_key=True).get(pk=actor.uid)
    running = ExportRequest.objects.filter(
        user=user, state__in=[ExportState.QUEUED, ExportState.RUNNING]
    ).first()
    if running is not None:
        return running
    exports_expire_due(user_id=user.pk)
    export = ExportRequest.objects.create(
        user=user,
        organisation_id=actor.organisation_id,
        language=language if language in LANGUAGES else "nl",
    )
    _audit(actor, "mydata.export.requested", export, language=export.language)
    _hand_over(export.pk)
    return export


def _hand_over(export_id: int) -> None:
    """To the task worker in this transaction (the database backend's task is a row that commits with
    the request), or after the commit for a backend that acts at once (the tests), as the outbox does."""
    from werkvrede.mydata.tasks import export_produce_task

    if isinstance(export_produce_task.get_backend(), DatabaseBackend):
        export_produce_task.enqueue(export_id)
    else:
        transaction.on_commit(lambda: export_produce_task.enqueue(export_id))


def _associated_data(export: ExportRequest, fmt: Format) -> bytes:
    return f"werkvrede.mydata|{export.pk}|{export.user_id}|{fmt}".encode()


def _store(export: ExportRequest, fmt: Format, payload: bytes) -> tuple[str, bytes]:
    key_id, nonce, ciphertext = encrypt(
        keyring(), base64.b64encode(payload).decode(), _associated_data(export, fmt)
    )
    export.key_id = key_id
    name = documents_storage().save(f"mydata/{uuid.uuid4().hex}.{fmt}.enc", ContentFile(ciphertext))
    return name, nonce


def _progress(export_id: int, value: int) -> None:
    ExportRequest.objects.filter(pk=export_id).update(progress=max(1, min(value, 99)))


def export_produce(export_id: int) -> bool:
    """Make the files of a queued export (the task). Runs as the person: each context's section reads
    only what the person may read, and the sealed reads are audited as theirs."""
    with transaction.atomic():
        export = ExportRequest.objects.select_for_update(no_key=True).filter(pk=export_id).first()
        if export is None or export.state != ExportState.QUEUED:
            return False
        export.state, export.progress = ExportState.RUNNING, 1
        export.save(update_fields=["state", "progress"])
    try:
        user = User.objects.get(pk=export.user_id)
        # One read event per category, case and subject for the whole export, on the right of access.
        with reads.request_scope(), reads.own_data_basis(BASIS):
            data = build_export(user, language=export.language, progress=lambda v: _progress(export_id, v))
        json_bytes = to_json(data).encode()
        pdf_bytes = to_pdf(data)
        export.json_name, export.json_nonce = _store(export, "json", json_bytes)
        export.pdf_name, export.pdf_nonce = _store(export, "pdf", pdf_bytes)
    except Exception as exc:
        logger.exception("data export %s failed", export_id)
        ExportRequest.objects.filter(pk=export_id).update(state=ExportState.FAILED, error=type(exc).__name__)
        return False
    now = timezone.now()
    export.state, export.progress = ExportState.READY, 100
    export.finished_at, export.expires_at = now, ExportRequest.expiry_from(now)
    export.save()
    return True


@transaction.atomic
def export_download(*, actor: Actor, export: ExportRequest, fmt: Format) -> bytes:
    """The file's bytes for its owner while valid, the download audited. Not yet made or expired: the
    export exists for its owner, so the refusal says which (NotPossible), never "not found"."""
    authorize(actor, "mydata.export.download", export)
    if export.shown_state() == ExportState.EXPIRED:
        raise NotPossible(_("Deze export is verlopen en de bestanden zijn verwijderd; vraag een nieuwe aan."))
    if export.state == ExportState.FAILED:
        raise NotPossible(_("Het maken van deze export is mislukt; vraag een nieuwe aan."))
    if export.state != ExportState.READY:
        raise NotPossible(_("Deze export wordt nog gemaakt; download hem zodra hij klaar is."))
    name, nonce = (
        (export.json_name, export.json_nonce) if fmt == "json" else (export.pdf_name, export.pdf_nonce)
    )
    with documents_storage().open(name, "rb") as handle:
        ciphertext = handle.read()
    text = decrypt(keyring(), export.key_id, bytes(nonce), ciphertext, _associated_data(export, fmt))
    _audit(actor, "mydata.export.downloaded", export, format=fmt)
    return base64.b64decode(text)


def exports_expire_due(*, now: datetime | None = None, user_id: int | None = None) -> int:
    """Delete the files of every export past its date and mark it expired (`manage.py mydata_expire`;
    a person's own at each new request). Returns how many expired."""
    now = now or timezone.now()
    storage = documents_storage()
    count = 0
    due = ExportRequest.objects.filter(state=ExportState.READY, expires_at__lte=now)
    if user_id is not None:
        due = due.filter(user_id=user_id)
    for export in due:
        for name in (export.json_name, export.pdf_name):
            if name:
                storage.delete(name)
        ExportRequest.objects.filter(pk=export.pk).update(
            state=ExportState.EXPIRED, json_name="", pdf_name="", json_nonce=b"", pdf_nonce=b""
        )
        count += 1
    return count
