"""The public pulse page, mounted at /peiling/ (no log-in; docs/prevention.md)."""

from django.urls import path

from werkvrede.prevention import public_views

app_name = "pulse"

urlpatterns = [path("<str:token>/", public_views.answer, name="answer")]
