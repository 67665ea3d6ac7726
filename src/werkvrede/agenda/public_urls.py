"""The calendar feed URL, mounted at /agenda/ (no log-in; docs/adr/0118-the-calendar-feed.md)."""

from django.urls import path

from werkvrede.agenda import public_views

app_name = "agenda-feed"

urlpatterns = [path("<str:token>.ics", public_views.feed, name="feed")]
