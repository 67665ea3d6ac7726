from django.urls import path

from werkvrede.consent import views

app_name = "consent"

urlpatterns = [
    path("", views.consent_list, name="list"),
    path("<int:consent_id>/intrekken/", views.consent_withdraw, name="withdraw"),
]
