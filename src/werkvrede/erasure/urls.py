from django.urls import path

from werkvrede.erasure import views

app_name = "erasure"

urlpatterns = [
    path("<int:membership_id>/wissen/", views.erase, name="erase"),
]
