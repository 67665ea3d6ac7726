"""The task that sends a queued e-mail commits and rolls back with the mail (ADR 0159).

The crash tests found e-mails committed without their task: the process was killed between the
commit and the hand-over after it, and only `send_due_mail` sent them. With the database backend the
task row is now written in the same transaction.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from conftest import World
from werkvrede.core.mail import mail_queue
from werkvrede.core.roles import Role
from werkvrede.notifications.models import OutgoingMail
from werkvrede.notifications.services import MAIL_KIND

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def _queue(world: World) -> int:
    return mail_queue(
        kind=MAIL_KIND,
        reference=1,
        recipient_id=world.a.users[Role.OCCUPATIONAL_PHYSICIAN].pk,
        organisation_id=world.a.organisation.pk,
    )


def test_the_task_is_written_in_the_transaction_that_queues_the_mail(world: World) -> None:
    with override_settings(TASKS=DATABASE_TASKS), transaction.atomic():
        mail_id = _queue(world)
        # Before the commit: the task is there, in this transaction, beside its mail.
        task = DBTaskResult.objects.get()
        assert task.args_kwargs == {"args": [mail_id], "kwargs": {}}
        assert task.task_path.endswith("outgoing_mail_send_task")


def test_a_rolled_back_mail_leaves_no_task(world: World) -> None:
    with override_settings(TASKS=DATABASE_TASKS):
        with transaction.atomic():
            _queue(world)
            transaction.set_rollback(True)
        assert not OutgoingMail.objects.exists() and not DBTaskResult.objects.exists()
