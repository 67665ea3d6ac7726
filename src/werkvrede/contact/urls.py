from django.urls import path

from werkvrede.contact import views

app_name = "contact"

urlpatterns = [
    path("", views.request_form, name="request"),
    path("bedankt/", views.thanks, name="thanks"),
    path("aanvragen/", views.request_list, name="list"),
    path("aanvragen/instellingen/", views.settings_edit, name="settings"),
    path("aanvragen/<int:request_id>/", views.request_detail, name="detail"),
    path("aanvragen/<int:request_id>/oppakken/", views.request_take, name="take"),
    path("aanvragen/<int:request_id>/inrichten/", views.request_setup, name="setup"),
]
