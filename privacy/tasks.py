"""The copy of a person's data (ZIP with JSON, evidence files and PDFs), built off the request path."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F
from django.tasks import task
from django.utils import timezone, translation

from organisations.models import DataCopy
from organisations.privacy import Scope
from privacy import services


@task
def build_data_copy(*, copy_id: int) -> None:
    copy = DataCopy.objects.select_related("person", "requested_by", "organisation").get(pk=copy_id)
    copies = DataCopy.objects.filter(pk=copy.pk)
    copies.update(status=DataCopy.Status.RUNNING, total=services.export_steps(), done=0)
    try:
        with translation.override(copy.language):
            # Without an organisation: the person's own copy of everything; else HR's, of its records.
            scope = Scope(person=copy.person, reader=copy.requested_by, organisation=copy.organisation)
            file_name, content = services.build_data_export(scope, progress=lambda: copies.update(done=F("done") + 1))
        stored = default_storage.save(f"data-copies/{copy.pk}-{timezone.now():%Y%m%d%H%M%S}.zip", ContentFile(content))
    except Exception:
        copies.update(status=DataCopy.Status.FAILED, finished_at=timezone.now())
        raise
    copies.update(status=DataCopy.Status.DONE, stored_name=stored, file_name=file_name, finished_at=timezone.now())
