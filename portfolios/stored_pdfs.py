"""PDFs rendered by the task worker and kept until what they are made of changes.

A stored PDF is keyed by the traineeship, the kind of document and the reader's view (their
relations to the traineeship, the periods they read, the language, and the day for documents
that change with the date): two readers with the same view share one file, readers with
different views never do. It is fresh while its ``file_version`` equals the traineeship's
content version (``programmes.content_version``). The download view serves a fresh file at
once; otherwise it queues a render and shows a progress page that polls until the file is ready.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import User
from programmes.models import Traineeship

# A job queued or running longer than this is taken as lost (a worker killed mid-render) and queued again.
LOST_AFTER = datetime.timedelta(minutes=10)


@dataclass(frozen=True)
class Kind:
    render: Callable  # (traineeship, language, reader) -> bytes
    dated: bool = False  # its content changes with the date alone (a register's progress to date)


KINDS: dict[str, Kind] = {}


def register_kind(name: str, render: Callable, *, dated: bool = False) -> None:
    KINDS[name] = Kind(render, dated)


def view_key(kind: str, language: str, relations, windows, today: datetime.date | None = None) -> str:
    """What decides the content of a ``kind`` PDF for one reader, as a digest."""
    view = {
        "kind": kind,
        "language": language,
        "relations": sorted(str(r) for r in relations),
        "windows": None if windows is None else sorted([start.isoformat(), end.isoformat()] for start, end in windows),
        "day": (today or timezone.localdate()).isoformat() if KINDS[kind].dated else None,
    }
    return hashlib.sha256(json.dumps(view, sort_keys=True).encode()).hexdigest()


class RenderedPdf(models.Model):
    """What every PDF the task worker renders and keeps has: its job's state and the version of
    its inputs, so a download is served at once when fresh and queued again when lost."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    language = models.CharField(max_length=8, default="nl")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    requested_version = models.BigIntegerField(default=0)  # the input version the latest job renders
    file_version = models.BigIntegerField(null=True, blank=True)  # the input version of the stored file
    stored_name = models.CharField(max_length=300, blank=True, editable=False)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def is_fresh(self, version: int) -> bool:
        return bool(self.stored_name) and self.file_version == version

    def is_pending(self, version: int, now=None) -> bool:
        """A job for ``version`` is queued or running and not lost."""
        return (
            self.status in {self.Status.QUEUED, self.Status.RUNNING}
            and self.requested_version == version
            and (now or timezone.now()) - self.queued_at < LOST_AFTER
        )

    def queue_render(self, version: int, task, **also) -> None:
        """Ask the worker (``task``, given ``pdf_id``) for ``version``, setting ``also`` on the row;
        of two requests at once only one queues the job (the row still as this one read it)."""
        claimed = (
            type(self)
            .objects.filter(pk=self.pk, status=self.status, requested_version=self.requested_version)
            .update(status=self.Status.QUEUED, requested_version=version, error="", queued_at=timezone.now(), **also)
        )
        if claimed:
            task.enqueue(pdf_id=self.pk)


class StoredPdf(RenderedPdf):
    traineeship = models.ForeignKey(Traineeship, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    view_key = models.CharField(max_length=64)
    # The latest person who asked; the render checks that their view still has this key.
    reader = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("stored PDF")
        verbose_name_plural = _("stored PDFs")
        constraints = [
            models.UniqueConstraint(fields=["traineeship", "kind", "view_key"], name="stored_pdf_one_per_view")
        ]

    def __str__(self):
        return f"{self.kind} {self.traineeship_id} ({self.status})"
