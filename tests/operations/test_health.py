"""/health/ tells the load balancer whether this server can serve: database, cache, storage, worker."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from operations.management.commands import task_worker
from operations.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def beat(seconds_ago=0, worker_id="worker-1"):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now() - timedelta(seconds=seconds_ago)}
    )


def test_healthy_when_every_part_works(client):
    beat(seconds_ago=5)
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "worker": "ok"},
        "failing": [],
    }
    assert "no-cache" in response["Cache-Control"]


def test_a_stale_worker_heartbeat_fails_the_check(client, settings):
    settings.TASK_WORKER_HEARTBEAT_MAX_AGE = 60
    beat(seconds_ago=61)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]
    assert response.json()["checks"]["database"] == "ok"


def test_no_worker_ever_fails_the_check(client):
    response = client.get(reverse("health"))
    assert response.status_code == 503 and response.json()["failing"] == ["worker"]


def test_a_broken_cache_is_named_without_its_error(client, monkeypatch):
    beat()

    def unreachable(*args, **kwargs):
        raise ConnectionError("redis://secret-host:6379 refused")

    monkeypatch.setattr(cache, "set", unreachable)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
    assert "secret-host" not in response.content.decode()


def test_unwritable_storage_fails_the_check(client, monkeypatch):
    beat()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(default_storage, "save", full)
    response = client.get(reverse("health"))
    assert response.status_code == 503 and response.json()["failing"] == ["storage"]


def test_the_worker_command_beats_while_it_runs_and_clears_its_beat_on_exit(monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    seen = []

    def run_once(self, *args, worker_id, **options):
        seen.append(WorkerHeartbeat.objects.get(worker_id=worker_id).beat_at)

    monkeypatch.setattr(task_worker.DbWorkerCommand, "handle", run_once)
    call_command("task_worker", "--worker-id", "worker-a")
    assert len(seen) == 1 and timezone.now() - seen[0] < timedelta(minutes=1)
    assert not WorkerHeartbeat.objects.exists()
