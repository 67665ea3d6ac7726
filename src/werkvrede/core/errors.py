"""The error pages (400, 403, 404, CSRF failure) in the site layout, Dutch and English, each with a
way back. They say nothing about the failure itself: a 404 for a hidden object is the same page as for
a missing one (docs/adr/0132-error-pages.md). The 500 page is `audit.views.server_error`."""

from __future__ import annotations

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from werkvrede.core.requestlog import request_id_of

_PAGES = {
    400: (
        _("Dit verzoek klopt niet"),
        _("De pagina kon je verzoek niet lezen. Ga terug en probeer het opnieuw."),
    ),
    403: (
        _("Dit mag je niet doen"),
        _(
            "Je rol geeft je geen toegang tot deze stap. Denk je dat dit niet klopt, vraag het dan aan de "
            "beheerder van je organisatie."
        ),
    ),
    404: (
        _("Deze pagina bestaat niet"),
        _("Deze pagina bestaat niet of is niet voor jou zichtbaar. Controleer het adres, of ga terug."),
    ),
}
_API = {400: "bad request", 403: "forbidden", 404: "not found"}


def _page(request: HttpRequest, status: int, title: object, text: object) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _API.get(status, "forbidden")}, status=status)
    referer = request.headers.get("Referer", "")
    try:
        safe = url_has_allowed_host_and_scheme(
            referer, {request.get_host()}, require_https=request.is_secure()
        )
    except DisallowedHost:  # the 400 for a bad Host header: no way back to offer but the start page
        safe = False
    context = {
        "status": status,
        "title": title,
        "text": text,
        "back": referer if safe else "",
        "request_id": request_id_of(request),
    }
    return render(request, "errors/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 400, *_PAGES[400])


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403, *_PAGES[403])


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404, *_PAGES[404])


def key_reused(request: HttpRequest) -> HttpResponse:
    """A form sent again with its key but other content (docs/adr/0143-a-write-happens-once.md)."""
    return _page(
        request,
        422,
        _("Dit formulier is al verstuurd"),
        _(
            "Dit formulier is al eens verstuurd, met andere gegevens. Laad de pagina opnieuw, vul het "
            "formulier in en verstuur het nog eens."
        ),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: usually a form left open too long or cookies switched off; the reason stays out."""
    return _page(
        request,
        403,
        _("Dit formulier is verlopen"),
        _(
            "Je formulier kon niet veilig worden verstuurd, bijvoorbeeld omdat het te lang openstond of "
            "cookies uitstaan. Ga terug, laad de pagina opnieuw en verstuur het nog eens."
        ),
    )
