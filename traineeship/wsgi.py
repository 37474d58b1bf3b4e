"""WSGI entry point: gunicorn serves ``traineeship.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "traineeship.settings")

application = get_wsgi_application()
