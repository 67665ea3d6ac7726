from django.contrib import admin

from werkvrede.audit.models import AuditChainHead, AuditEvent
from werkvrede.core.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("chain", "seq", "occurred_at", "action", "outcome", "user_id")
    list_filter = ("outcome",)


admin.site.register(AuditChainHead, ReadOnlyAdmin)
