"""WSGI entry point (gunicorn werkvrede.config.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkvrede.config.settings.prod")
application = get_wsgi_application()
