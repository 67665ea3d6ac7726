"""The VP's pages cost the same number of queries however many reports there are (#18 point 3)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from conftest import World
from tests.queries import page_queries
from werkvrede.confidential import categories
from werkvrede.confidential.models import ReportCategory
from werkvrede.confidential.tests.helpers import named_report
from werkvrede.core.roles import Role

INBOX = "/vertrouwenspersoon/"
TRENDS = reverse("confidential:trends")


def test_the_inbox_reads_the_category_labels_once(world: World, client_as: Callable[..., Client]) -> None:
    """Each row's category label came from its own read of the organisation's categories: 100 reports
    in the inbox cost 100 queries more."""
    named_report(world)
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    few = page_queries(client, INBOX)
    for _ in range(5):
        named_report(world)
    assert page_queries(client, INBOX) == few


def _one_more_category(world: World) -> None:
    categories.categories_of(world.a.organisation.pk)  # the defaults, stored on first use
    ReportCategory.objects.create(
        organisation=world.a.organisation, code="WORKLOAD", label="Werkdruk", label_en="Workload", position=9
    )


def test_trends_read_the_category_labels_once(world: World, client_as: Callable[..., Client]) -> None:
    """Each category row read the organisation's categories again: a category more cost a query more."""
    client = client_as(Role.CONFIDENTIAL_ADVISER)
    categories.categories_of(world.a.organisation.pk)
    few = page_queries(client, TRENDS)
    _one_more_category(world)
    assert page_queries(client, TRENDS) == few
    assert "Werkdruk" in client.get(TRENDS).content.decode()
