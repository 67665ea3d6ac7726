from django.contrib import admin
from django.urls import include, path

from werkvrede.api.api import api_urls

urlpatterns = [
    path("", include("werkvrede.core.urls")),
    path("account/agenda/", include("werkvrede.agenda.urls")),
    path("account/mensen/", include("werkvrede.erasure.urls")),
    path("account/", include("werkvrede.accounts.urls")),
    path("agenda/", include("werkvrede.agenda.public_urls")),
    path("audit/", include("werkvrede.audit.urls")),
    path("mijn-gegevens/", include("werkvrede.mydata.urls")),
    path("zaken/", include("werkvrede.cases.urls")),
    path("ziekmelding/", include("werkvrede.sickness.urls")),
    path("toestemming/", include("werkvrede.consent.urls")),
    path("protocol/", include("werkvrede.protocol.urls")),
    path("interventies/", include("werkvrede.interventions.urls")),
    path("steun/", include("werkvrede.supporters.urls")),
    path("vertrouwenspersoon/", include("werkvrede.confidential.urls")),
    path("klokkenluiders/", include("werkvrede.whistleblower.urls")),
    path("melden/", include("werkvrede.whistleblower.public_urls")),
    path("melden/", include("werkvrede.confidential.public_urls")),
    path("contact/", include("werkvrede.contact.urls")),
    path("preventie/", include("werkvrede.prevention.urls")),
    path("peiling/", include("werkvrede.prevention.public_urls")),
    path("hulp/", include("werkvrede.selfhelp.urls")),
    path("mediation/", include("werkvrede.mediation.urls")),
    path("eerlijk/", include("werkvrede.fairness.urls")),
    path("bewaartermijnen/", include("werkvrede.retention.urls")),
    path("e-mail/", include("werkvrede.notifications.urls")),
    path("api/v1/", api_urls()),
    path("beheer/", admin.site.urls),
]

handler500 = "werkvrede.audit.views.server_error"
handler400 = "werkvrede.core.errors.bad_request"
handler403 = "werkvrede.core.errors.permission_denied"
handler404 = "werkvrede.core.errors.page_not_found"
