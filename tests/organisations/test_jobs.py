"""Files made for one person (copies, exports) are kept for a limited time, for every kind of them."""

import io
from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from organisations.jobs import job_models


def _jobs(world):
    """The world's job of each kind in the persona organisation, by model."""
    found = {type(obj): obj for name, obj in world.objects.items() if not name.startswith("other:")}
    return {model: found.get(model) for model in job_models()}


def test_every_kind_of_file_is_visible_to_its_requester_until_its_keeping_time_ends(world):
    jobs = _jobs(world)
    assert all(jobs.values()), f"the test world has no job of {[m for m, j in jobs.items() if j is None]}"
    for model, job in jobs.items():
        visible = model.objects.visible_to(job.requested_by)
        assert visible.filter(pk=job.pk).exists()
        model.objects.filter(pk=job.pk).update(created_at=timezone.now() - model.KEPT_FOR + timedelta(minutes=1))
        assert visible.filter(pk=job.pk).exists()
        model.objects.filter(pk=job.pk).update(created_at=timezone.now() - model.KEPT_FOR - timedelta(minutes=1))
        assert not visible.filter(pk=job.pk).exists(), model


def test_the_daily_retention_removes_expired_files_and_rows_of_every_kind_and_keeps_the_rest(world):
    jobs = _jobs(world)
    for model, job in jobs.items():
        model.objects.filter(pk=job.pk).update(created_at=timezone.now() - model.KEPT_FOR - timedelta(hours=1))
    kept = {model: model.objects.exclude(pk=job.pk).count() for model, job in jobs.items()}

    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert f"{len(jobs)} copy/export file(s) past their keeping time would remove" in out.getvalue()
    assert all(model.objects.filter(pk=job.pk).exists() for model, job in jobs.items())

    call_command("apply_retention", stdout=out)
    for model, job in jobs.items():
        assert not model.objects.filter(pk=job.pk).exists(), model
        assert not default_storage.exists(job.stored_name), job.stored_name
        assert model.objects.count() == kept[model]  # the other organisation's, still within their time
