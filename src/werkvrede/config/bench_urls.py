"""The application's URLs plus the one-query view that `make bench` measures as anchor (b).

Only `settings.bench` uses this URLconf; it is never served in production.
"""

from __future__ import annotations

from django.urls import path

from werkvrede.config.bench_views import raw_one_query
from werkvrede.config.urls import urlpatterns as app_urlpatterns

urlpatterns = [path("bench/raw/", raw_one_query), *app_urlpatterns]
