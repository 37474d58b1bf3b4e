"""The checks behind ``/health/``: each answers True when its part works."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from operations.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_works() -> bool:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key) == "ok"
    cache.delete(key)
    return found


def storage() -> bool:
    # Write, read back and remove: shared storage that is mounted read-only or full fails here.
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            return stored.read() == b"ok"
    finally:
        default_storage.delete(name)


def worker() -> bool:
    cutoff = timezone.now() - timedelta(seconds=settings.TASK_WORKER_HEARTBEAT_MAX_AGE)
    return WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).exists()


CHECKS = {"database": database, "cache": cache_works, "storage": storage, "worker": worker}


def run_checks() -> dict[str, bool]:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = bool(check())
        except Exception:
            # The reason goes to the log only: the answer is public.
            logger.exception("Health check %s failed", name)
            results[name] = False
    return results
