from django.urls import path

from werkvrede.accounts import invitation_views, people_views, views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("organisatie/wisselen/", views.organisation_switch, name="organisation-switch"),
    path("mensen/", views.people_list, name="people"),
    path("mensen/<int:membership_id>/", views.person_detail, name="person"),
    path("mensen/<int:membership_id>/heractiveren/", views.person_reactivate, name="person-reactivate"),
    path("mensen/uitnodigen/", people_views.person_invite, name="person-invite"),
    path("mensen/importeren/", people_views.people_import_upload, name="people-import"),
    path("mensen/importeren/bevestigen/", people_views.people_import_confirm, name="people-import-confirm"),
    path("mensen/<int:membership_id>/rollen/", people_views.person_roles, name="person-roles"),
    path("mensen/<int:membership_id>/deactiveren/", people_views.person_deactivate, name="person-deactivate"),
    path(
        "mensen/uitnodigingen/<int:invitation_id>/opnieuw/",
        people_views.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "mensen/uitnodigingen/<int:invitation_id>/intrekken/",
        people_views.invitation_withdraw,
        name="invitation-withdraw",
    ),
    path("uitnodiging/", invitation_views.invitation_accept, name="invitation"),
]
