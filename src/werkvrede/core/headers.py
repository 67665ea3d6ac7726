"""Response headers every dynamic page carries (docs/adr/0156-response-headers.md).

The Content-Security-Policy comes from django-csp (settings `CONTENT_SECURITY_POLICY`), the
Referrer-Policy from Django's SecurityMiddleware. This middleware adds what neither sets: a
Permissions-Policy that switches off the browser features Werkvrede never uses, and
`Cache-Control: no-store`. Every dynamic response may carry case data, so none is kept by a browser
or a proxy cache; static files are served before this middleware (WhiteNoise) and keep their caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class ResponseHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
