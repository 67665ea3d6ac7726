from django.urls import path

from werkvrede.mediation import views

app_name = "mediation"

urlpatterns = [
    path("zaak/<int:case_id>/", views.case_section, name="case-section"),
]
