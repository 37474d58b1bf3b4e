"""The manager's overview as a spreadsheet, made by the task worker (10,000 rows take seconds).

``start`` records the request and queues ``build``; the person follows its progress on a page
and downloads the file there. Earlier exports of the same person are replaced, files and all,
and every export is removed a day after it was asked for (``OverviewExport.KEPT_FOR``).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F
from django.http import QueryDict
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mentors.risks import reasons
from organisations import audit
from organisations.models import Organisation, User
from organisations.spreadsheets import csv_bytes, xlsx_bytes
from overview.manager_filter import overview_filter
from overview.models import OverviewExport
from overview.stappenplan import STEP_CHOICES

PROGRESS_EVERY = 500  # rows between two progress updates
# Not part of the list itself: which page of it was on screen.
NOT_FILTERS = ("page",)


def start(*, actor: User, organisation: Organisation, query: QueryDict, file_format: str, language: str):
    """Queue an export of the overview as filtered by ``query``; the same one still being made is reused."""
    filters = QueryDict(mutable=True)
    for name, values in query.lists():
        if name not in NOT_FILTERS:
            filters.setlist(name, [value for value in values if value])
    query_string = filters.urlencode()  # "at_risk=true", not every field of the form left empty
    mine = OverviewExport.objects.filter(requested_by=actor, organisation=organisation)
    pending = mine.filter(
        query=query_string,
        file_format=file_format,
        status__in=[OverviewExport.Status.QUEUED, OverviewExport.Status.RUNNING],
    ).first()
    if pending is not None:  # asked twice before the first was made
        return pending
    (mine | OverviewExport.objects.expired()).remove()
    export = OverviewExport.objects.create(
        requested_by=actor, organisation=organisation, query=query_string, file_format=file_format, language=language
    )
    build.enqueue(export_id=export.pk)
    return export


def traineeships(export: OverviewExport):
    """What the export's requester sees on the overview with its filter, today."""
    overview = overview_filter(
        user=export.requested_by,
        organisation=export.organisation,
        data=QueryDict(export.query),
        today=timezone.localdate(),
    )
    return overview.qs


def table(traineeships, rows_done=lambda: None) -> tuple[list[str], list[list]]:
    """The header and rows of the overview's traineeships, as the overview's table says them."""
    step_labels = dict(STEP_CHOICES)
    headers = [_("Trainee"), _("Programme"), _("Cohort"), _("Step"), _("Start"), _("End"), _("Status"), _("Signals")]
    rows = []
    for number, t in enumerate(traineeships.iterator(chunk_size=PROGRESS_EVERY), start=1):
        rows.append(
            [
                t.trainee.name,
                t.programme.name,
                str(t.cohort or ""),
                step_labels.get(t.current_step, ""),
                t.start_date,
                t.end_date,
                _("At risk") if t.at_risk else _("On track"),
                " ".join(reasons(t)),
            ]
        )
        if number % PROGRESS_EVERY == 0:
            rows_done()
    return headers, rows


def file_name(export: OverviewExport) -> str:
    with translation.override(export.language):
        return _("traineeships overview")


@task
def build(*, export_id: int) -> None:
    export = OverviewExport.objects.select_related("requested_by", "organisation").filter(pk=export_id).first()
    if export is None:  # replaced by a newer one before the worker came to it
        return
    jobs = OverviewExport.objects.filter(pk=export.pk)
    # The same rule as the export's page: its requester, still HR or manager there, within the day.
    if not OverviewExport.objects.visible_to(export.requested_by).filter(pk=export.pk).exists():
        jobs.update(status=OverviewExport.Status.FAILED, finished_at=timezone.now())
        return
    try:
        with translation.override(export.language):
            listed = traineeships(export)
            jobs.update(status=OverviewExport.Status.RUNNING, total=listed.count(), done=0)
            headers, rows = table(listed, rows_done=lambda: jobs.update(done=F("done") + PROGRESS_EVERY))
            if export.file_format == OverviewExport.Format.XLSX:
                content = xlsx_bytes(headers, rows, title=_("Overview"))
            else:
                content = csv_bytes(headers, rows)
        stored = default_storage.save(
            f"exports/overview-{export.pk}-{timezone.now():%Y%m%d%H%M%S}.{export.file_format}", ContentFile(content)
        )
    except Exception:
        jobs.update(status=OverviewExport.Status.FAILED, finished_at=timezone.now())
        raise
    finished = jobs.update(
        status=OverviewExport.Status.DONE,
        stored_name=stored,
        done=len(rows),
        total=len(rows),
        finished_at=timezone.now(),
    )
    if not finished:  # replaced by a newer export while this one was made
        default_storage.delete(stored)
        return
    audit.record(
        organisation=export.organisation,
        actor=export.requested_by,
        action=audit.Action.EXPORT_CREATED,
        params={"variant": "overview", "count": len(rows), "format": export.file_format.upper()},
    )
