from django.urls import path

from werkvrede.whistleblower import views

app_name = "whistleblower"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("mijn/", views.mine, name="mine"),
    path("melden/", views.write, name="write"),
    path("instellingen/", views.settings_page, name="settings"),
    path("melding/<int:report_id>/", views.report_detail, name="report"),
    path("melding/<int:report_id>/bericht/", views.message_add, name="message-add"),
    path("melding/<int:report_id>/bevestigen/", views.acknowledge, name="acknowledge"),
    path("melding/<int:report_id>/beoordelen/", views.assess, name="assess"),
    path("melding/<int:report_id>/opvolgen/", views.follow_up, name="follow-up"),
    path("melding/<int:report_id>/terugkoppelen/", views.feedback, name="feedback"),
    path("melding/<int:report_id>/afsluiten/", views.close, name="close"),
    path("melding/<int:report_id>/doorgeleiden/", views.route, name="route"),
    path("melding/<int:report_id>/toestemming/", views.route_consent, name="route-consent"),
]
