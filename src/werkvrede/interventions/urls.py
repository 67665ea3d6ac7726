from django.urls import path

from werkvrede.interventions import views

app_name = "interventions"

urlpatterns = [
    path("afspraken/", views.appointments, name="appointments"),
    path("zaak/<int:case_id>/", views.section, name="section"),
    path("zaak/<int:case_id>/interventieperiode/nieuw/", views.period_new, name="period-new"),
    path("zaak/<int:case_id>/interventieperiode/<int:period_id>/", views.period_detail, name="period"),
    path("zaak/<int:case_id>/verlof/nieuw/", views.leave_new, name="leave-new"),
    path("zaak/<int:case_id>/verlof/<int:leave_id>/", views.leave_detail, name="leave"),
    path("zaak/<int:case_id>/interventie/nieuw/", views.intervention_new, name="intervention-new"),
    path(
        "zaak/<int:case_id>/interventie/<int:intervention_id>/",
        views.intervention_detail,
        name="intervention",
    ),
]
