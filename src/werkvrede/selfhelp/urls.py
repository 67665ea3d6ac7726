from django.urls import path

from werkvrede.selfhelp import views

app_name = "selfhelp"

urlpatterns = [
    path("", views.guide, name="guide"),
    path("<slug:slug>/", views.guide_organisation, name="organisation"),
]
