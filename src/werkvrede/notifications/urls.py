from django.urls import path

from werkvrede.notifications import views

app_name = "notifications"

urlpatterns = [
    path("mislukt/", views.failed_mail, name="failed-mail"),
    path("mislukt/opnieuw-versturen/", views.failed_mail_resend, name="failed-mail-resend"),
]
