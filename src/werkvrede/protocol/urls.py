from django.urls import URLPattern

app_name = "protocol"

urlpatterns: list[URLPattern] = []
