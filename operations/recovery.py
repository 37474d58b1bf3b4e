"""Tasks whose worker died go back to the queue, so another worker does them.

django-tasks-db marks a task RUNNING when a worker claims it and never looks back: a
worker killed mid-task would leave it RUNNING forever. The heartbeats tell which workers
still live; a task claimed by a worker without a fresh beat is made READY again (tasks
are therefore done at least once, and ours are safe to repeat). A task that has already
taken down MAX_ATTEMPTS workers is marked failed instead of killing the next one.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.models import WorkerHeartbeat

MAX_ATTEMPTS = 3


class WorkerLost(Exception):
    """Recorded on a task whose workers died every time they ran it."""


def requeue_orphaned_tasks() -> int:
    cutoff = timezone.now() - timedelta(seconds=settings.TASK_WORKER_HEARTBEAT_MAX_AGE)
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    orphans = [task for task in running.only("pk", "worker_ids") if not set(task.worker_ids[-1:]) & alive]
    retry = [task.pk for task in orphans if len(task.worker_ids) < MAX_ATTEMPTS]
    give_up = [task.pk for task in orphans if len(task.worker_ids) >= MAX_ATTEMPTS]
    # status=RUNNING again in the update: two workers may recover the same task at once.
    requeued = running.filter(pk__in=retry).update(status=TaskResultStatus.READY)
    running.filter(pk__in=give_up).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
        traceback="",
    )
    return requeued
