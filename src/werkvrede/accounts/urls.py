from django.urls import path

from werkvrede.accounts import invitation_views, mfa_views, password_views, people_views, views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("inloggen/code/", mfa_views.mfa_verify, name="mfa-verify"),
    path("inloggen/herstelcode/", mfa_views.mfa_recovery, name="mfa-recovery"),
    path("tweestaps/instellen/", mfa_views.mfa_enrol, name="mfa-enrol"),
    path("tweestaps/herstelcodes/", mfa_views.mfa_recovery_codes, name="mfa-recovery-codes"),
    path("", mfa_views.account, name="account"),
    path("overal-uitloggen/", mfa_views.logout_everywhere, name="logout-everywhere"),
    path("wachtwoord/", password_views.password_change, name="password-change"),
    path("wachtwoord-vergeten/", password_views.password_reset, name="password-reset"),
    path("wachtwoord-vergeten/verstuurd/", password_views.password_reset_done, name="password-reset-done"),
    path(
        "wachtwoord-vergeten/klaar/", password_views.password_reset_complete, name="password-reset-complete"
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        password_views.password_reset_confirm,
        name="password-reset-confirm",
    ),
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
    path(
        "mensen/<int:membership_id>/tweestaps-herstellen/",
        mfa_views.person_mfa_reset,
        name="person-mfa-reset",
    ),
    path("uitnodiging/", invitation_views.invitation_accept, name="invitation"),
]
