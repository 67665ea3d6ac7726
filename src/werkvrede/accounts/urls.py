from django.urls import path

from werkvrede.accounts import invitation_views, views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("organisatie/wisselen/", views.organisation_switch, name="organisation-switch"),
    path("mensen/", views.people_list, name="people"),
    path("mensen/<int:membership_id>/", views.person_detail, name="person"),
    path("mensen/<int:membership_id>/heractiveren/", views.person_reactivate, name="person-reactivate"),
    path("uitnodiging/", invitation_views.invitation_accept, name="invitation"),
]
