"""A task left running by a worker that died goes back to the queue for another worker."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from operations.models import WorkerHeartbeat
from operations.recovery import requeue_orphaned_tasks

pytestmark = pytest.mark.django_db


def running_task(*worker_ids, minutes_ago=5):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        args_kwargs={"args": [], "kwargs": {"copy_id": 1}},
        task_path="privacy.tasks.build_data_copy",
        worker_ids=list(worker_ids),
        backend_name="default",
        run_after=get_date_max(),
    )


def status(task):
    task.refresh_from_db()
    return task.status


def test_the_task_of_a_dead_worker_is_queued_again_and_a_live_workers_task_is_left_alone():
    WorkerHeartbeat.objects.create(worker_id="alive", beat_at=timezone.now())
    WorkerHeartbeat.objects.create(worker_id="dead", beat_at=timezone.now() - timedelta(minutes=5))
    orphan, busy, just_claimed = running_task("dead"), running_task("alive"), running_task("dead", minutes_ago=0)
    assert requeue_orphaned_tasks() == 1
    assert status(orphan) == TaskResultStatus.READY
    assert DBTaskResult.objects.ready().filter(pk=orphan.pk).exists()  # what db_worker picks up
    assert status(busy) == status(just_claimed) == TaskResultStatus.RUNNING


def test_a_task_that_took_down_three_workers_is_marked_failed():
    task = running_task("first", "second", "third")
    requeue_orphaned_tasks()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "operations.recovery.WorkerLost"
