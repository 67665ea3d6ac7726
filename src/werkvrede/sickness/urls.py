from django.urls import path

from werkvrede.sickness import views

app_name = "sickness"

urlpatterns = [
    path("open-spreekuur/", views.open_consults, name="open-consults"),
    path("<int:case_id>/", views.section, name="section"),
    path("<int:case_id>/melding/", views.report, name="report"),
    path("<int:case_id>/spreekuur/", views.consult, name="consult"),
    path("<int:case_id>/aantekening/", views.note, name="note"),
    path("<int:case_id>/oordeel/", views.verdict, name="verdict"),
    path("<int:case_id>/conflict/", views.finding, name="finding"),
    path("<int:case_id>/diagnose/", views.diagnosis, name="diagnosis"),
    path("<int:case_id>/belastbaarheid/", views.capacity, name="capacity"),
    path("<int:case_id>/advies/", views.advice, name="advice"),
    path("<int:case_id>/advies/controle/", views.advice_check, name="advice-check"),
    path("<int:case_id>/advies/<int:advice_id>/terugkoppeling.pdf", views.advice_pdf, name="advice-pdf"),
    path("<int:case_id>/advies/<int:advice_id>/terugkoppeling.html", views.advice_html, name="advice-html"),
    path("<int:case_id>/poortwachter/<str:kind>/", views.wvp, name="wvp"),
    path("<int:case_id>/poortwachter/document/<int:document_id>.pdf", views.wvp_pdf, name="wvp-pdf"),
]
