from django.urls import path

from werkvrede.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("taal/", views.set_language, name="set-language"),
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
]
