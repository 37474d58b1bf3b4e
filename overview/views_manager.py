"""The manager's overview: every traineeship of the organisation, on track or at risk, and why.

It knows several apps (programmes' steps, mentors' signals and load), so it lives at the top.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_POST

from mentors.risks import SIGNALS, at_risk_q, reasons, signal_labels
from mentors.selectors import mentor_load, mentors_by_load
from organisations.access import get_visible_or_404, role_required
from organisations.downloads import stored_download
from organisations.models import Role, User
from organisations.progress import file_ready
from organisations.querysets import IdsFirst
from organisations.spreadsheets import CSV_TYPE, XLSX_TYPE
from organisations.submissions import single_submission
from overview import exports, registers
from overview.manager_filter import overview_filter, rows_of
from overview.models import OverviewExport
from overview.navigation import in_menu
from overview.stappenplan import STEP_CHOICES
from programmes.lifecycle import ending_soon_q
from programmes.models import Traineeship

PAGE_SIZE = 25
CHART_WIDTH = 300
# Further ahead than the "ending soon" mark of the lists: time to arrange what comes after.
ENDING_WEEKS = 8
ENDING_SHOWN = 10


def _overview(request):
    today = timezone.localdate()
    overview = overview_filter(
        user=request.user, organisation=request.membership.organisation, data=request.GET, today=today
    )
    return overview, today


def _bars(counts: list[tuple[str, int]]) -> list[dict]:
    top = max([n for _, n in counts] + [1])
    return [
        {"label": label, "count": n, "width": round(CHART_WIDTH * n / top), "y": i * 28}
        for i, (label, n) in enumerate(counts)
    ]


@role_required(Role.MANAGER, Role.HR)
def manager_overview(request):
    overview, today = _overview(request)
    filtered = overview.qs
    ending_q = ending_soon_q(today, weeks=ENDING_WEEKS)  # running ones only: not one stopped early
    # The total, the steps and the signals in one pass over the traineeships (each pass evaluates
    # the person's scope again: at 10,000 traineeships on SQLite 10-20 ms a pass).
    totals = filtered.aggregate(
        total=Count("pk"),
        total_at_risk=Count("pk", filter=at_risk_q()),
        ending=Count("pk", filter=ending_q),
        **{f"step_{number}": Count("pk", filter=Q(current_step=number)) for number, _ in STEP_CHOICES},
        **{f"signal_{signal}": Count("pk", filter=Q(**{f"risk_{signal}": True})) for signal in SIGNALS},
    )

    def by_ids(ids):
        return rows_of(Traineeship.objects.filter(pk__in=ids), today)

    paginator = Paginator(IdsFirst(filtered, rows=by_ids), PAGE_SIZE)
    paginator.count = totals["total"]  # Paginator.count is a cached property: no COUNT query of its own
    page = paginator.get_page(request.GET.get("page"))
    register_reports = registers.reports(list(page), today)
    rows = [{"traineeship": t, "reasons": reasons(t), "register": register_reports.get(t.pk)} for t in page]
    labels = signal_labels()
    step_bars = _bars([(str(label), totals[f"step_{number}"]) for number, label in STEP_CHOICES])
    signal_bars = _bars([(labels[signal], totals[f"signal_{signal}"]) for signal in SIGNALS])
    # A bar is a link: clicking it shows only the traineeships with that signal.
    for signal, bar in zip(SIGNALS, signal_bars, strict=True):
        bar["url"] = f"?signal={signal}#overview-table"
    return render(
        request,
        "manager/overview.html",
        {
            "filter": overview,
            "page": page,
            "rows": rows,
            "step_bars": step_bars,
            "signal_bars": signal_bars,
            "chart_width": CHART_WIDTH + 40,
            "step_chart_height": len(step_bars) * 28,
            "signal_chart_height": len(signal_bars) * 28,
            "total_at_risk": totals["total_at_risk"],
            "ending": IdsFirst(filtered.filter(ending_q), rows=by_ids)[:ENDING_SHOWN] if totals["ending"] else [],
            "ending_count": totals["ending"],
            # The busiest mentors first; HR's mentor list pages through them all.
            "mentors": mentor_load(
                request.membership.organisation, today, users=mentors_by_load(request.membership.organisation, today)
            ),
            "mentor_count": User.objects.mentors_of(request.membership.organisation).count(),
            "all_mentors_url": _menu_url(request, "mentors:profiles"),
            "latest_export": OverviewExport.objects.visible_to(request.user)
            .filter(organisation=request.membership.organisation, status=OverviewExport.Status.DONE)
            .first(),
        },
    )


def _menu_url(request, url_name: str) -> str:
    """The page's address when the person's menu has it, so a link goes only where they may go."""
    return reverse(url_name) if in_menu(request.membership.role, url_name) else ""


def _start_export(request, file_format: str):
    query = QueryDict(request.POST.get("query", ""))
    export = exports.start(
        actor=request.user,
        organisation=request.membership.organisation,
        query=query,
        file_format=file_format,
        language=translation.get_language(),
    )
    return redirect("manager_overview_export", pk=export.pk)


@require_POST
@role_required(Role.MANAGER, Role.HR)
@single_submission
def manager_overview_csv(request):
    return _start_export(request, OverviewExport.Format.CSV)


@require_POST
@role_required(Role.MANAGER, Role.HR)
@single_submission
def manager_overview_xlsx(request):
    return _start_export(request, OverviewExport.Format.XLSX)


def _own_export(request, pk, **lookup) -> OverviewExport:
    exports_here = OverviewExport.objects.filter(organisation=request.membership.organisation, **lookup)
    return get_visible_or_404(exports_here, request.user, pk=pk)


@require_GET
@role_required(Role.MANAGER, Role.HR)
def manager_overview_export(request, pk):
    """The export's progress; the poll sends the browser to the file once it is ready."""
    export = _own_export(request, pk)
    download_url = reverse("manager_overview_export_download", kwargs={"pk": export.pk})
    if request.htmx and export.status == OverviewExport.Status.DONE:
        name = exports.file_name(export)
        return file_ready(request, element_id="export-progress", download_url=download_url, name=name)
    template = "manager/export.html#progress" if request.htmx else "manager/export.html"
    overview_url = reverse("manager_overview") + (f"?{export.query}" if export.query else "")
    return render(request, template, {"export": export, "download_url": download_url, "overview_url": overview_url})


@require_GET
@role_required(Role.MANAGER, Role.HR)
def manager_overview_export_download(request, pk):
    export = _own_export(request, pk, status=OverviewExport.Status.DONE)
    content_type = XLSX_TYPE if export.file_format == OverviewExport.Format.XLSX else CSV_TYPE
    response = stored_download(export.stored_name, content_type=content_type, name=exports.file_name(export))
    if response is None:
        raise Http404
    return response
