from django.urls import path

from werkvrede.supporters import views

app_name = "supporters"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("zaak/<int:case_id>/", views.case_section, name="case"),
    path("zaak/<int:case_id>/uitnodigen/", views.invite, name="invite"),
    path("mediation/<int:mediation_id>/", views.mediation_section, name="mediation"),
    path("mediation/<int:mediation_id>/uitnodigen/", views.mediation_invite, name="mediation-invite"),
    path("<int:grant_id>/", views.grant_detail, name="grant"),
    path("<int:grant_id>/notitie/", views.note_add, name="note-add"),
    path("<int:grant_id>/intrekken/", views.revoke, name="revoke"),
]
