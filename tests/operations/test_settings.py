"""Settings for several servers come from the environment: shared cache, sessions, storage."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRINT = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'storage': settings.STORAGES['default']['BACKEND'],"
    " 'bucket': getattr(settings, 'AWS_STORAGE_BUCKET_NAME', None),"
    " 'cache': settings.CACHES['default']['BACKEND'], 'location': settings.CACHES['default'].get('LOCATION'),"
    " 'sessions': settings.SESSION_ENGINE, 'db_options': settings.DATABASES['default'].get('OPTIONS', {})}))"
)


def settings_with(**environ):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CACHE_URL", "DJANGO_STORAGE", "DATABASE_URL"}}
    env |= {"DJANGO_SETTINGS_MODULE": "traineeship.settings", **environ}
    result = subprocess.run([sys.executable, "-c", PRINT], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_by_default_files_stay_on_disk_and_the_cache_in_memory():
    chosen = settings_with()
    assert chosen["storage"] == "django.core.files.storage.FileSystemStorage"
    assert chosen["cache"] == "django.core.cache.backends.locmem.LocMemCache"


def test_s3_storage_and_a_redis_cache_are_chosen_by_the_environment():
    chosen = settings_with(
        DJANGO_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="traineeship-media", REDIS_URL="redis://127.0.0.1:6379/1"
    )
    assert chosen["storage"] == "storages.backends.s3.S3Storage"
    assert chosen["bucket"] == "traineeship-media"
    assert chosen["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert chosen["location"] == "redis://127.0.0.1:6379/1"


def test_sessions_live_in_the_shared_cache_backed_by_the_database():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


def test_postgresql_connections_run_without_jit_and_plan_the_scopes_whole():
    """JIT compiled the overview pages' counting queries for about 1 s per request at 10,000 traineeships;
    the default collapse limits planned the scopes apart from the lists (benchmarks/explain.py)."""
    chosen = settings_with(DATABASE_URL="postgres://traineeship@127.0.0.1:5432/traineeship")
    options = chosen["db_options"]["options"].split(" -c ")
    assert options[0] == "-c jit=off"
    assert {"from_collapse_limit=10", "join_collapse_limit=10", "random_page_cost=1.1"} <= set(options[1:])
