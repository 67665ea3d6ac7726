from django.urls import path

from werkvrede.fairness import views

app_name = "fairness"

urlpatterns = [
    path("<int:invitation_id>/", views.answer, name="answer"),
    path("uitkomsten/", views.results, name="results"),
]
