"""The portfolio and its sections of the development plan: self-evaluations, goals, activities."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from goals.models import LearningGoal
from organisations.access import get_visible_or_404, require
from organisations.submissions import single_submission
from portfolios import forms, goal_states, selectors, services
from portfolios.models import (
    Moment,
    SelfEvaluation,
)
from portfolios.permissions import FEEDBACK, REFLECTIONS, SELF_EVALUATIONS
from portfolios.views.common import _page, _trainee_only, _traineeship, _windows
from programmes.group_activities import sessions_for
from programmes.models import DevelopmentActivity, Registration
from programmes.permissions import Relation, relations_of

# Home ---------------------------------------------------------------------------------------------


@require_GET
def mine(request):
    traineeship = selectors.current_traineeship_of(request.user)
    if traineeship is None:
        return render(request, "portfolios/no_portfolio.html")
    # Shown in place (not a redirect), so "My portfolio" in the navigation opens its own address.
    return portfolio(request, traineeship.pk)


def portfolio(request, pk):
    traineeship, relations = _traineeship(request, pk)
    windows = _windows(request, traineeship, relations)
    context = {
        "traineeship": traineeship,
        "relations": relations,
        "is_trainee": Relation.TRAINEE in relations,
        "counts": selectors.section_counts(traineeship, relations, windows),
        "placements_only": windows is not None,
        # Only the parts the viewer may read are linked (the others answer 403).
        "may_read": {rule.key: rule.allows(relations) for rule in (SELF_EVALUATIONS, REFLECTIONS, FEEDBACK)},
        "final_evaluation": selectors.final_evaluation(traineeship),
        "registration": Registration.objects.filter(traineeship=traineeship).select_related("register").first(),
    }
    if SELF_EVALUATIONS.allows(relations):
        # The mentor's judgement belongs to the final evaluation: only for readers of the whole portfolio.
        context.update(selectors.growth(traineeship, with_mentor=windows is None), show_own=True)
    return render(request, "portfolios/portfolio.html", context)


# Self-evaluation ----------------------------------------------------------------------------------


def self_evaluations(request, pk):
    traineeship, relations = _traineeship(request, pk, SELF_EVALUATIONS)
    evaluations = selectors.self_evaluations(traineeship)
    moments = [(value, label, evaluations.get(value)) for value, label in Moment.choices]
    return render(
        request,
        "portfolios/selfevaluation_list.html",
        {
            "traineeship": traineeship,
            "moments": moments,
            "is_trainee": Relation.TRAINEE in relations,
            **selectors.growth(traineeship, evaluations, with_mentor=_windows(request, traineeship, relations) is None),
            "show_own": True,
        },
    )


def self_evaluation_edit(request, pk, moment):
    traineeship = _trainee_only(request, pk)
    if moment not in Moment.values:
        raise Http404
    evaluations = selectors.self_evaluations(traineeship)
    instance = evaluations.get(moment) or SelfEvaluation(traineeship=traineeship, moment=moment)
    earlier = [evaluations[m] for m in Moment.values[: Moment.values.index(moment)] if m in evaluations]
    competencies = services.competencies_of(traineeship)
    form = forms.SelfEvaluationForm(request.POST or None, instance=instance, competencies=competencies)
    if request.method == "POST" and form.is_valid():
        services.self_evaluation_save(evaluation=form.save(commit=False), ratings=form.ratings())
        messages.success(request, _("Your self-evaluation is saved."))
        return redirect("portfolios:self_evaluations", pk=traineeship.pk)
    previous = earlier[-1] if earlier else None
    rows = []
    for bound in form.question_fields():
        rows.append((bound, getattr(previous, bound.name, "") if previous else ""))
    previous_ratings = {r.competency_id: r.get_level_display() for r in previous.ratings.all()} if previous else {}
    rating_rows = [(form[f"rating_{c.pk}"], previous_ratings.get(c.pk, "")) for c in form.competencies]
    return render(
        request,
        "portfolios/selfevaluation_form.html",
        {
            "traineeship": traineeship,
            "form": form,
            "moment_label": Moment(moment).label,
            "previous": previous,
            "rows": rows,
            "rating_rows": rating_rows,
        },
    )


# Development plan ---------------------------------------------------------------------------------


def goals(request, pk):
    traineeship, relations = _traineeship(request, pk)
    page = _page(request, selectors.goals(traineeship, _windows(request, traineeship, relations)))
    for goal in page:
        goal.moves = goal_states.moves_for(goal, relations)
        goal.can_set_scope = goal_states.can_set_scope(goal, relations)
    return render(
        request,
        "portfolios/goal_list.html",
        {
            "traineeship": traineeship,
            "page": page,
            "is_trainee": Relation.TRAINEE in relations,
            "is_mentor": Relation.MENTOR in relations,
        },
    )


@single_submission
def goal_create(request, pk):
    traineeship = _trainee_only(request, pk)
    form = forms.GoalForm(request.POST or None, competencies=services.competencies_of(traineeship))
    if request.method == "POST" and form.is_valid():
        propose = "propose" in request.POST
        services.goal_create(
            traineeship=traineeship,
            actor=request.user,
            fields=form.goal_fields(),
            competencies=form.cleaned_data["competencies"],
            propose=propose,
        )
        if propose:
            messages.success(request, _("The learning goal is added and awaits your mentor's approval."))
        else:
            messages.success(request, _("The learning goal is saved as a draft. Ask for approval when it is ready."))
        return redirect("portfolios:goals", pk=traineeship.pk)
    return render(request, "portfolios/goal_form.html", {"traineeship": traineeship, "form": form})


def _goal(request, pk) -> tuple[LearningGoal, frozenset]:
    goal = get_visible_or_404(LearningGoal.objects.select_related("traineeship__programme"), request.user, pk=pk)
    return goal, relations_of(request.user, goal.traineeship)


def goal_edit(request, pk):
    goal, relations = _goal(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    traineeship = goal.traineeship
    was_approved = goal.is_approved
    form = forms.GoalForm(request.POST or None, instance=goal, competencies=services.competencies_of(traineeship))
    if request.method == "POST" and form.is_valid():
        try:
            again = services.goal_update(
                goal=goal,
                expected_version=form.cleaned_data["version"],
                fields=form.goal_fields(),
                competencies=form.cleaned_data["competencies"],
                actor=request.user,
            )
        except services.StaleEdit:
            form.add_stale_error()
        else:
            if again and Relation.MENTOR in relations:
                messages.warning(
                    request,
                    _(
                        "You changed an approved learning goal: it awaits approval again. "
                        "Approve it once you and the trainee agree."
                    ),
                )
            elif again:
                messages.warning(
                    request,
                    _("You changed an approved learning goal: it awaits your mentor's approval again."),
                )
            else:
                messages.success(request, _("The learning goal is saved."))
            return redirect("portfolios:goals", pk=traineeship.pk)
    return render(
        request,
        "portfolios/goal_form.html",
        {"traineeship": traineeship, "form": form, "goal": goal, "was_approved": was_approved},
    )


@require_POST
def goal_move(request, pk):
    goal, relations = _goal(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    form = forms.GoalMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That step is not possible for this learning goal now."))
        return redirect("portfolios:goals", pk=goal.traineeship_id)
    name = form.cleaned_data["move"]
    move = goal_states.move_for(name, goal.status)
    # Someone without the right to this move gets a 403; a move that no longer fits is a message.
    require(move is None or goal_states.may(name, goal, relations))
    try:
        services.goal_move(
            goal=goal,
            actor=request.user,
            relations=relations,
            name=name,
            expected_version=form.cleaned_data["version"],
        )
    except (services.StaleEdit, services.MoveNotAllowed):
        # Nothing changed: the plan is shown as it is now, with why (409, like any stale save).
        messages.error(
            request, _("The learning goal changed in the meantime. Look at it again before you take this step.")
        )
        response = goals(request, goal.traineeship_id)
        response.status_code = 409
        return response
    else:
        messages.success(request, _("The learning goal is now: %(status)s.") % {"status": goal.get_status_display()})
    return redirect("portfolios:goals", pk=goal.traineeship_id)


def goal_approve(request, pk):
    goal, relations = _goal(request, pk)
    require(goal_states.can_set_scope(goal, relations))
    form = forms.GoalApproveForm(request.POST or None, instance=goal, initial={"scope": goal.scope})
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_approve(
                goal=goal,
                mentor=request.user,
                scope=form.cleaned_data["scope"],
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleEdit:
            goal.refresh_from_db()
            form.add_stale_error(forms.CHANGED_BEFORE_APPROVAL, current_version=goal.version)
        except services.MoveNotAllowed:
            messages.error(request, _("That step is not possible for this learning goal now."))
            return redirect("portfolios:goals", pk=goal.traineeship_id)
        else:
            messages.success(request, _("The learning goal is approved."))
            return redirect("portfolios:goals", pk=goal.traineeship_id)
    return render(
        request,
        "portfolios/goal_approve.html",
        {
            "traineeship": goal.traineeship,
            "goal": goal,
            "form": form,
            "can_return": goal_states.may("return", goal, relations),
        },
    )


def goal_progress(request, pk):
    goal, relations = _goal(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    form = forms.GoalProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.goal_progress_add(goal=goal, actor=request.user, relations=relations, **form.cleaned_data)
        messages.success(request, _("The progress is recorded."))
        return redirect("portfolios:goals", pk=goal.traineeship_id)
    history = goal.progress.select_related("recorded_by")
    return render(
        request,
        "portfolios/goal_progress.html",
        {"traineeship": goal.traineeship, "goal": goal, "form": form, "history": history},
    )


# Activities ---------------------------------------------------------------------------------------


def activities(request, pk):
    traineeship, relations = _traineeship(request, pk)
    windows = _windows(request, traineeship, relations)
    return render(
        request,
        "portfolios/activity_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.activities(traineeship, windows)),
            "hours": selectors.hours_per_competency(traineeship, windows),
            "is_trainee": Relation.TRAINEE in relations,
            "group_sessions": sessions_for(traineeship, windows),
        },
    )


@single_submission
def activity_create(request, pk):
    traineeship = _trainee_only(request, pk)
    activity = DevelopmentActivity(traineeship=traineeship, added_by=request.user)
    form = forms.ActivityForm(
        request.POST or None, instance=activity, competencies=services.competencies_of(traineeship)
    )
    if request.method == "POST" and form.is_valid():
        services.activity_save(activity=form.save(commit=False), competencies=form.cleaned_data["competencies"])
        messages.success(request, _("The activity is added."))
        return redirect("portfolios:activities", pk=traineeship.pk)
    return render(request, "portfolios/activity_form.html", {"traineeship": traineeship, "form": form})


def activity_edit(request, pk):
    activity = get_visible_or_404(
        DevelopmentActivity.objects.select_related("traineeship__programme"), request.user, pk=pk
    )
    traineeship = activity.traineeship
    require(Relation.TRAINEE in relations_of(request.user, traineeship))
    form = forms.ActivityForm(
        request.POST or None, instance=activity, competencies=services.competencies_of(traineeship)
    )
    if request.method == "POST" and form.is_valid():
        services.activity_save(activity=form.save(commit=False), competencies=form.cleaned_data["competencies"])
        messages.success(request, _("The activity is saved."))
        return redirect("portfolios:activities", pk=traineeship.pk)
    return render(
        request, "portfolios/activity_form.html", {"traineeship": traineeship, "form": form, "activity": activity}
    )
