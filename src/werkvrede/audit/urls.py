from django.urls import path

from werkvrede.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.log, name="log"),
    path("mijn-inzage/", views.my_reads, name="my-reads"),
]
