"""The manager's overview: every traineeship of the organisation, on track or at risk, and why.

It knows several apps (programmes' steps, mentors' signals and load), so it lives at the top.
"""

import django_filters
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentors.risks import SIGNALS, at_risk_q, reasons, signal_labels
from mentors.selectors import mentor_load, mentors_by_load
from organisations import audit
from organisations.access import role_required
from organisations.models import Role, User
from organisations.querysets import IdsFirst
from organisations.spreadsheets import table_response
from overview import registers
from overview.filters import OrganisationChoices, PersonChoiceFilter
from overview.navigation import in_menu
from overview.stappenplan import STEP_CHOICES
from programmes.lifecycle import ending_soon_q
from programmes.models import Cohort, Placement, Programme, Traineeship
from programmes.state import ensure_fresh, stored_columns

PAGE_SIZE = 25
CHART_WIDTH = 300
# Further ahead than the "ending soon" mark of the lists: time to arrange what comes after.
ENDING_WEEKS = 8
ENDING_SHOWN = 10


class AllYesNoWidget(django_filters.widgets.BooleanWidget):
    """Yes/no filter whose empty choice reads "All" rather than "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", gettext_lazy("All")), ("true", gettext_lazy("Yes")), ("false", gettext_lazy("No"))]


class OverviewFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.none(), label=gettext_lazy("Programme"), empty_label=gettext_lazy("All programmes")
    )
    cohort = django_filters.ModelChoiceFilter(
        queryset=Cohort.objects.none(), label=gettext_lazy("Cohort"), empty_label=gettext_lazy("All cohorts")
    )
    step = django_filters.ChoiceFilter(
        field_name="current_step", choices=STEP_CHOICES, label=gettext_lazy("Step"), empty_label=gettext_lazy("All")
    )
    at_risk = django_filters.BooleanFilter(
        method="filter_at_risk",
        label=gettext_lazy("At risk"),
        widget=AllYesNoWidget,
    )
    signal = django_filters.ChoiceFilter(
        choices=[(signal, signal) for signal in SIGNALS],
        method="filter_signal",
        label=gettext_lazy("Signal"),
        empty_label=gettext_lazy("All signals"),
    )
    mentor = PersonChoiceFilter(
        queryset=User.objects.none(),
        method="filter_mentor",
        label=gettext_lazy("Mentor"),
        empty_label=gettext_lazy("All mentors"),
    )

    class Meta:
        model = Traineeship
        fields = ["programme", "cohort", "step", "at_risk", "signal", "mentor"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = OrganisationChoices(organisation)
        self.filters["programme"].queryset = choices.programmes
        self.filters["cohort"].queryset = choices.cohorts
        self.filters["mentor"].queryset = choices.mentors
        labels = signal_labels()
        self.filters["signal"].extra["choices"] = [(signal, labels[signal]) for signal in SIGNALS]

    def filter_at_risk(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(at_risk=bool(value))

    def filter_signal(self, queryset, name, value):
        return queryset.filter(**{f"risk_{value}": True})

    def filter_mentor(self, queryset, name, value):
        return queryset.filter(Exists(Placement.objects.filter(traineeship=OuterRef("pk"), mentor=value)))


def _overview(request):
    organisation = request.membership.organisation
    today = timezone.localdate()
    # Only what the viewer relates to (programmes.permissions): a partner's placements while it hosts them.
    # The step and the signals are read from the stored state (programmes.state), not computed per request.
    ensure_fresh(today)
    queryset = _rows(Traineeship.objects.visible_to(request.user).of_organisation(organisation), today)
    return OverviewFilter(
        request.GET or None, queryset=queryset.order_by("end_date", "pk"), organisation=organisation
    ), today


def _rows(traineeships, today):
    """What a row shows: the people and the stored step and signals (made fresh by ``_overview``)."""
    return stored_columns(traineeships.with_people(), today)


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
        return _rows(Traineeship.objects.filter(pk__in=ids), today)

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
        },
    )


def _menu_url(request, url_name: str) -> str:
    """The page's address when the person's menu has it, so a link goes only where they may go."""
    return reverse(url_name) if in_menu(request.membership.role, url_name) else ""


def _export(request, file_format):
    overview, today = _overview(request)
    step_labels = dict(STEP_CHOICES)
    headers = [_("Trainee"), _("Programme"), _("Cohort"), _("Step"), _("Start"), _("End"), _("Status"), _("Signals")]
    rows = [
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
        for t in overview.qs.iterator(chunk_size=500)
    ]
    audit.record(
        organisation=request.membership.organisation,
        actor=request.user,
        action=audit.Action.EXPORT_CREATED,
        params={"variant": "overview", "count": len(rows), "format": file_format.upper()},
    )
    return table_response(file_format, _("traineeships overview"), headers, rows, title=_("Overview"))


@role_required(Role.MANAGER, Role.HR)
def manager_overview_csv(request):
    return _export(request, "csv")


@role_required(Role.MANAGER, Role.HR)
def manager_overview_xlsx(request):
    return _export(request, "xlsx")
