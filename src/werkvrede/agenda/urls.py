"""One's own calendar feed link, under the account pages (/account/agenda/)."""

from django.urls import path

from werkvrede.agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.feed_settings, name="settings"),
    path("aanmaken/", views.feed_create, name="create"),
    path("intrekken/", views.feed_revoke, name="revoke"),
]
