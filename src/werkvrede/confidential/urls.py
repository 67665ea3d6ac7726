from django.urls import path

from werkvrede.confidential import referral_views, views

app_name = "confidential"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("mijn/", views.mine, name="mine"),
    path("schrijven/", views.write, name="write"),
    path("contact-geteld/", views.contact_count, name="contact-count"),
    path("instellingen/", views.settings_page, name="settings"),
    path("instellingen/profiel/", views.profile_save, name="profile-save"),
    path("instellingen/categorie/", views.category_add, name="category-add"),
    path("instellingen/categorie/<int:category_id>/", views.category_toggle, name="category-toggle"),
    path("melding/<int:report_id>/", views.report_detail, name="report"),
    path("melding/<int:report_id>/bericht/", views.message_add, name="message-add"),
    path("melding/<int:report_id>/intake/", views.intake, name="intake"),
    path("melding/<int:report_id>/categorie/", views.category, name="category"),
    path("melding/<int:report_id>/weg/", views.route, name="route"),
    path("melding/<int:report_id>/nazorg/", views.aftercare, name="aftercare"),
    path("melding/<int:report_id>/afsluiten/", views.close, name="close"),
]

# Referrals with the melder's consent (R-102, CC-6) and the confidentiality review.
urlpatterns += [
    path("melding/<int:report_id>/verwijzen/", referral_views.referral_propose, name="referral-propose"),
    path("verwijzing/<int:referral_id>/", referral_views.referral_answer, name="referral-answer"),
    path(
        "verwijzing/<int:referral_id>/intrekken/", referral_views.referral_withdraw, name="referral-withdraw"
    ),
    path("verwijzingen/", referral_views.referral_list, name="referrals"),
    path("melding/<int:report_id>/geheimhouding/", referral_views.breach, name="breach"),
    path(
        "melding/<int:report_id>/geheimhouding/afronden/", referral_views.breach_decide, name="breach-decide"
    ),
]
