"""The Django admin: operators (superusers) only, and read-only.

The admin bypasses workflow rules, so it never edits; end users never reach it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


class SuperuserAdminSite(admin.AdminSite):
    site_header = "Werkvrede — beheer (alleen-lezen)"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        # No second password form: every log-in passes the one throttled page (ADR 0055).
        from django.contrib.auth.views import redirect_to_login  # loads models: not at app loading

        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, settings.LOGIN_URL)


class WerkvredeAdminConfig(AdminConfig):
    default_site = "werkvrede.core.admin.SuperuserAdminSite"


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
