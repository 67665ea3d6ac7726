from django.urls import path

from werkvrede.retention import views

app_name = "retention"

urlpatterns = [
    path("", views.report, name="report"),
    path("bewaarplicht/", views.holds, name="holds"),
    path("mensen/<int:membership_id>/bewaarplicht/", views.person_hold, name="person-hold"),
    path(
        "mensen/<int:membership_id>/bewaarplicht/opheffen/", views.person_hold_lift, name="person-hold-lift"
    ),
]
