"""The Django admin is for superusers (operators) only; see werkvrede.core.admin."""

from django.contrib import admin

from werkvrede.accounts.models import Membership, Organisation, RoleGrant, User
from werkvrede.core.admin import ReadOnlyAdmin

admin.site.register(Organisation, ReadOnlyAdmin)
admin.site.register(Membership, ReadOnlyAdmin)
admin.site.register(RoleGrant, ReadOnlyAdmin)


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ("email", "full_name", "is_active", "is_superuser")
    search_fields = ("email", "full_name")
    exclude = ("password",)
