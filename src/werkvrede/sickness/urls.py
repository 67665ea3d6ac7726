from django.urls import URLPattern

app_name = "sickness"

urlpatterns: list[URLPattern] = []
