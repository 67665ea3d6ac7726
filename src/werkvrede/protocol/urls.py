from django.urls import path

from werkvrede.protocol import views

app_name = "protocol"

urlpatterns = [
    path("", views.protocol_page, name="page"),
    path("instellingen/", views.protocol_settings, name="settings"),
    # After the protocol's own pages: an organisation's slug never hides them (ADR 0087).
    path("<slug:slug>/", views.public_page, name="public"),
    path("<slug:slug>/pdf/", views.public_pdf, name="public-pdf"),
]
