from django.urls import path

from werkvrede.mydata import views

app_name = "mydata"

urlpatterns = [
    path("", views.page, name="page"),
    path("aanvragen/", views.export_request, name="request"),
    path("schema.json", views.schema, name="schema"),
    path("<int:export_id>/json/", views.download_json, name="download-json"),
    path("<int:export_id>/pdf/", views.download_pdf, name="download-pdf"),
]
