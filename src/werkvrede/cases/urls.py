from django.urls import path

from werkvrede.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("nieuw/", views.case_signal, name="signal"),
    # The self-help guide's "start a signal with these answers" (docs/self-help.md).
    path("nieuw/uit-de-hulpwijzer/", views.case_signal_prefill, name="signal-prefill"),
    path("overzicht/", views.overview, name="overview"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/intake/", views.case_intake, name="intake"),
    path("<int:case_id>/verslagen/", views.note_add, name="note-add"),
    path("<int:case_id>/deelnemers/", views.participant_add, name="participant-add"),
    path("<int:case_id>/keuze-melder/", views.melder_choice, name="melder-choice"),
    path("<int:case_id>/bewaarplicht/", views.legal_hold_set, name="legal-hold-set"),
    path("<int:case_id>/bewaarplicht/opheffen/", views.legal_hold_lift, name="legal-hold-lift"),
]
