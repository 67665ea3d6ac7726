from django.urls import path

from werkvrede.mediation import views

app_name = "mediation"

urlpatterns = [
    path("", views.mediation_list, name="list"),
    path("nieuw/", views.create_direct, name="create"),
    path("zaak/<int:case_id>/", views.case_section, name="case-section"),
    path("zaak/<int:case_id>/verwijzen/", views.refer, name="refer"),
    path("<int:mediation_id>/", views.detail, name="detail"),
    path("<int:mediation_id>/intake/", views.intake, name="intake"),
    path("<int:mediation_id>/intakes/", views.intakes, name="intakes"),
    path("<int:mediation_id>/overeenkomst/", views.agreement, name="agreement"),
    path("<int:mediation_id>/gesprek/nieuw/", views.session_new, name="session-new"),
    path("<int:mediation_id>/gesprek/<int:session_id>/", views.session_detail, name="session"),
    path(
        "<int:mediation_id>/gesprek/<int:session_id>/agenda.ics",
        views.session_ics_download,
        name="session-ics",
    ),
    path("<int:mediation_id>/afspraken/", views.outcome, name="outcome"),
    path("<int:mediation_id>/bericht/nieuw/", views.message_new, name="message-new"),
    path("<int:mediation_id>/toelating/nieuw/", views.admission_new, name="admission-new"),
    path("<int:mediation_id>/stoppen/", views.withdraw, name="withdraw"),
    path("<int:mediation_id>/beeindigen/", views.end, name="end"),
    path("<int:mediation_id>/document/<int:document_id>/", views.document, name="document"),
    path(
        "<int:mediation_id>/document/<int:document_id>/<str:fmt>/",
        views.document_download,
        name="document-download",
    ),
    path(
        "zaak/<int:case_id>/beeindigingsovereenkomst/", views.termination_new_on_case, name="termination-new"
    ),
    path(
        "<int:mediation_id>/beeindigingsovereenkomst/",
        views.termination_new_in_mediation,
        name="termination-new-in-mediation",
    ),
    path("beeindigingsovereenkomst/<int:agreement_id>/", views.termination_detail, name="termination"),
    path(
        "beeindigingsovereenkomst/<int:agreement_id>/<str:kind>.pdf",
        views.termination_download,
        name="termination-download",
    ),
]
