"""Anchors (a) and (c) of `make bench`: the one-query view and a generic admin changelist of cases.

Only `settings.bench_plain` uses this URLconf, with Django's own middleware and none of Werkvrede's; it
is never served in production, and the production admin (`beheer/`) does not list cases.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from werkvrede.cases.models import Case
from werkvrede.config.bench_views import raw_one_query, raw_one_query_logged_in

site = admin.AdminSite(name="bench_admin")


class CaseAdmin(admin.ModelAdmin[Case]):
    """The changelist a generic CRUD would give: search on the reference, filter on the state."""

    list_display = ("reference", "organisation", "state", "signalled_on")
    list_filter = ("state",)
    search_fields = ("reference",)
    list_select_related = ("organisation",)


site.register(Case, CaseAdmin)

urlpatterns = [
    path("bench/raw/", raw_one_query),
    path("bench/raw-login/", raw_one_query_logged_in),
    path("bench/admin/", site.urls),
]
