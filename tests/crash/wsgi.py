"""The crash tests' server entry point: production's, with what a first request imports loaded early.

gunicorn preloads this in its master, so that a worker forked after a kill answers in its usual time
instead of importing every view and the public-holiday calendars on its first request (with a cold
worker after every kill, those imports would take most of the run, and the kills would miss the
writes they are meant to cut).
"""

import holidays.countries
from django.urls import get_resolver

from werkvrede.config.wsgi import application

get_resolver().url_patterns  # noqa: B018 (imports every URL module, view and API router)

__all__ = ["application", "holidays"]
