from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.audit.selectors import VP_EVENTS
from werkvrede.core.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("chain", "seq", "occurred_at", "action", "outcome", "user_id")
    list_filter = ("outcome",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # D15: the platform's administrators do not learn who turned to a vertrouwenspersoon.
        return super().get_queryset(request).exclude(VP_EVENTS)


admin.site.register(AuditChainHead, ReadOnlyAdmin)
