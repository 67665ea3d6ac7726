"""Background tasks: ids in, one service call."""

from __future__ import annotations

from django_tasks import task

from werkvrede.mydata.services import export_produce


@task()
def export_produce_task(export_id: int) -> bool:
    return export_produce(export_id)
