"""``db_worker`` of django-tasks-db, with a heartbeat that ``/health/`` reads, and that
lets the workers put back the tasks of a worker that died (operations.recovery).

The beat comes from a thread of the worker process rather than from a periodic task:
a task would need a scheduler and would queue up while the workers are down, and a
beat between tasks would stop during a long PDF export. The thread stops with the
process, so a killed or hung-up worker goes stale after TASK_WORKER_HEARTBEAT_MAX_AGE.
"""

import logging
import threading

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from operations.models import WorkerHeartbeat
from operations.recovery import requeue_orphaned_tasks

logger = logging.getLogger(__name__)


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"beat_at": timezone.now()})


def beat_forever(worker_id: str, stop: threading.Event) -> None:
    while not stop.wait(settings.TASK_WORKER_HEARTBEAT_SECONDS):
        try:
            beat(worker_id)
            requeue_orphaned_tasks()
        except Exception:
            # A database hiccup must not end the worker; the next beat tries again.
            logger.exception("Worker heartbeat failed")
        finally:
            # This thread's own connection; the worker's loop keeps its own.
            connection.close()


class Command(DbWorkerCommand):
    help = "Run the task worker (django-tasks-db db_worker) and record its heartbeat for /health/."

    def handle(self, *args, worker_id: str, **options) -> None:
        stop = threading.Event()
        beat(worker_id)
        thread = threading.Thread(target=beat_forever, args=(worker_id, stop), name="heartbeat", daemon=True)
        thread.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
