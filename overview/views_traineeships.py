"""The stappenplan page of one traineeship and HR's overview of all traineeships.

They sit at the top because the five steps ask every app (see ``overview.stappenplan``).
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from coaching.permissions import COACH_ASSIGNED
from coaching.selectors import coach_summary
from mentors.permissions import MENTOR_CHOOSERS, PLANNERS, meetings_scope
from mentors.selectors import recent_meetings
from organisations.access import get_visible_or_404, role_required
from organisations.models import Role
from organisations.querysets import IdsFirst
from overview.filters import TraineeshipFilter
from overview.stappenplan import ALL_DONE, STEPS, steps_for
from portfolios.permissions import PORTFOLIO, SELF_EVALUATIONS
from programmes.models import Placement, Traineeship
from programmes.permissions import Relation, can_manage, portfolio_windows, relations_of
from programmes.state import ensure_fresh, stored_columns, with_state

PAGE_SIZE = 25


def step_counts(queryset) -> list[dict]:
    """How many traineeships of ``queryset`` are at each step, in one query."""
    counts = dict(
        with_state(queryset)
        .order_by()
        .values_list("current_step")
        .annotate(n=Count("pk"))
        .values_list("current_step", "n")
    )
    rows = [{"number": step.number, "title": step.title, "count": counts.get(step.number, 0)} for step in STEPS]
    rows.append({"number": ALL_DONE, "title": None, "count": counts.get(ALL_DONE, 0)})
    return rows


def organisation_traineeships(request):
    organisation = request.membership.organisation
    return Traineeship.objects.visible_to(request.user).of_organisation(organisation)


@role_required(Role.HR, Role.COORDINATOR, Role.MANAGER)
def traineeship_list(request):
    organisation = request.membership.organisation
    base = organisation_traineeships(request)
    today = timezone.localdate()
    ensure_fresh(today)
    traineeship_filter = TraineeshipFilter(request.GET, queryset=_rows(base, today), organisation=organisation)
    rows = IdsFirst(traineeship_filter.qs, rows=lambda ids: _rows(Traineeship.objects.filter(pk__in=ids), today))
    paginator = Paginator(rows, PAGE_SIZE)
    counts = step_counts(base)
    if not _narrowed(traineeship_filter):
        # The list holds the rows the steps count: no COUNT of its own (a pass over the scope).
        paginator.count = sum(row["count"] for row in counts)
    return render(
        request,
        "traineeships/traineeship_list.html",
        {
            "filter": traineeship_filter,
            "page": paginator.get_page(request.GET.get("page")),
            "step_counts": counts,
            "all_done": ALL_DONE,
        },
    )


def _rows(traineeships, today):
    """What a row of the list shows: the people, the stored step and signals (made fresh by the
    view), the placements."""
    return stored_columns(traineeships.with_people(), today).prefetch_related(
        Prefetch("placements", queryset=Placement.objects.select_related("organisation", "mentor"))
    )


def _narrowed(traineeship_filter) -> bool:
    """Whether a filter leaves out rows (sorting does not); an invalid filter counts as narrowing."""
    form = traineeship_filter.form
    if not form.is_valid():
        return True
    return any(value not in (None, "") for name, value in form.cleaned_data.items() if name != "order")


def stappenplan(request, pk):
    traineeship = get_visible_or_404(
        Traineeship.objects.with_people().select_related("programme__coordinator"), request.user, pk=pk
    )
    placements = traineeship.placements.select_related("organisation", "manager", "mentor")
    relations = relations_of(request.user, traineeship)
    may_manage = can_manage(request.user, traineeship)
    # A partner's staff read the part of the portfolio of their placements, not the final evaluation.
    whole_portfolio = PORTFOLIO.allows(relations) and portfolio_windows(request.user, traineeship, relations) is None
    can_plan_meeting = bool(relations & PLANNERS)
    can_choose_mentor = may_manage or bool(relations & MENTOR_CHOOSERS)
    # A missing check's action links only where the viewer may act (the mentors' pages are role-bound).
    not_allowed = {
        url
        for url, allowed in [
            (reverse("mentors:meeting_plan", kwargs={"pk": pk}), can_plan_meeting),
            (reverse("mentors:traineeship_mentors", kwargs={"pk": pk}), can_choose_mentor),
            (reverse("portfolios:self_evaluations", kwargs={"pk": pk}), SELF_EVALUATIONS.allows(relations)),
            (reverse("portfolios:goals", kwargs={"pk": pk}), PORTFOLIO.allows(relations)),
            (reverse("portfolios:final_evaluation", kwargs={"pk": pk}), whole_portfolio),
        ]
        if not allowed
    }
    return render(
        request,
        "traineeships/stappenplan.html",
        {
            "traineeship": traineeship,
            "steps": steps_for(traineeship),
            "placements": placements,
            "can_manage": may_manage,
            # The same rules as the pages they open (mentors' meeting planning and mentor choice).
            "can_plan_meeting": can_plan_meeting,
            "can_choose_mentor": can_choose_mentor,
            "not_allowed": not_allowed,
            "may_read_portfolio": PORTFOLIO.allows(relations),
            "may_share_portfolio": Relation.HR in relations,
            "meetings": recent_meetings(traineeship, meetings_scope(request.user, traineeship, relations)),
            # Everyone related sees who coaches and how many sessions took place, never a session.
            "coach": coach_summary(traineeship) if COACH_ASSIGNED.allows(relations) else None,
        },
    )
