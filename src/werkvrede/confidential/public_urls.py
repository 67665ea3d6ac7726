"""The public reporting pages, mounted at /melden/ (no log-in; docs/anonymous-reporting.md)."""

from django.urls import path

from werkvrede.confidential import public_views

app_name = "reporting"

urlpatterns = [
    # Before the organisation's page: "ontvangstcode" is not an organisation.
    path("ontvangstcode/", public_views.read, name="read"),
    path("<slug:slug>/", public_views.report_form, name="report"),
    # The self-help guide's "start a report with these answers" (docs/self-help.md).
    path("<slug:slug>/uit-de-hulpwijzer/", public_views.report_prefill, name="prefill"),
]
