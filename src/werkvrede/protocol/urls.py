from django.urls import path

from werkvrede.protocol import views

app_name = "protocol"

urlpatterns = [
    path("", views.protocol_page, name="page"),
    path("instellingen/", views.protocol_settings, name="settings"),
]
