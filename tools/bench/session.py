"""Print a session key for the bench HR user and the id of a case in the middle of the bench data."""

from __future__ import annotations

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.bench")
django.setup()

from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from werkvrede.accounts.middleware import ACTIVE_ORGANISATION_SESSION_KEY  # noqa: E402
from werkvrede.accounts.models import Organisation, User  # noqa: E402
from werkvrede.cases.models import Case  # noqa: E402

if __name__ == "__main__":
    cases = int(sys.argv[1])
    user = User.objects.get(email="hr@bench.werkvrede.nl")
    organisation = Organisation.objects.get(slug="bench-bv")
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[ACTIVE_ORGANISATION_SESSION_KEY] = organisation.pk
    session.create()
    middle = (
        Case.objects.filter(organisation=organisation).order_by("pk").values_list("pk", flat=True)[cases // 2]
    )
    print(session.session_key, middle)
