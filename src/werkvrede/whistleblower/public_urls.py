"""The public whistleblower pages, mounted at /melden/ before the VP's (no log-in; docs/whistleblower.md).

Both have two segments, so neither shadows the VP's /melden/<slug>/ or /melden/ontvangstcode/."""

from django.urls import path

from werkvrede.whistleblower import public_views

app_name = "whistleblowing"

urlpatterns = [
    path("klokkenluider/ontvangstcode/", public_views.read, name="read"),
    path("<slug:slug>/klokkenluider/", public_views.report_form, name="report"),
]
