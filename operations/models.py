from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """The last sign of life of one task worker process, written by ``manage.py task_worker``.

    django-tasks-db keeps no record of its workers, so the wrapper command beats here;
    ``/health/`` reads the newest beat of any worker.
    """

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker_id
