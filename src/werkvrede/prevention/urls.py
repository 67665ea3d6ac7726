from django.urls import path

from werkvrede.prevention import views

app_name = "prevention"

urlpatterns = [
    path("", views.pulse_list, name="pulses"),
    path("starten/", views.pulse_start, name="start"),
    path("<int:pulse_id>/", views.pulse_detail, name="pulse"),
    path("<int:pulse_id>/sluiten/", views.pulse_close, name="close"),
]
