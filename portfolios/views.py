"""Views of the portfolio: scoped lookup, permission, form, service, redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from portfolios import forms, selectors, services
from portfolios.models import (
    Evidence,
    FeedbackRequest,
    FinalEvaluation,
    Moment,
    PortfolioExport,
    Reflection,
    SelfEvaluation,
)
from portfolios.pdf.final_evaluation import render_final_evaluation_pdf
from portfolios.pdf.portfolio import render_portfolio_pdf
from programmes.models import (
    Cohort,
    DevelopmentActivity,
    LearningGoal,
    Relation,
    Traineeship,
)

PAGE_SIZE = 20


def _traineeship(request, pk) -> tuple[Traineeship, frozenset]:
    traineeship = get_visible_or_404(selectors.traineeship_for_portfolio(), request.user, pk=pk)
    return traineeship, traineeship.relations_of(request.user)


def _trainee_only(request, pk) -> Traineeship:
    traineeship, relations = _traineeship(request, pk)
    require(Relation.TRAINEE in relations)
    return traineeship


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _base_url(request) -> str:
    return request.build_absolute_uri("/") if request else settings.SITE_URL


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
    context = {
        "traineeship": traineeship,
        "relations": relations,
        "is_trainee": Relation.TRAINEE in relations,
        "counts": selectors.section_counts(traineeship, request.user),
        "final_evaluation": selectors.final_evaluation(traineeship),
    }
    return render(request, "portfolios/portfolio.html", context)


# Self-evaluation ----------------------------------------------------------------------------------


def self_evaluations(request, pk):
    traineeship, relations = _traineeship(request, pk)
    evaluations = selectors.self_evaluations(traineeship)
    moments = [(value, label, evaluations.get(value)) for value, label in Moment.choices]
    return render(
        request,
        "portfolios/selfevaluation_list.html",
        {
            "traineeship": traineeship,
            "moments": moments,
            "is_trainee": Relation.TRAINEE in relations,
            "chart": selectors.rating_chart(evaluations),
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
    return render(
        request,
        "portfolios/goal_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.goals(traineeship)),
            "is_trainee": Relation.TRAINEE in relations,
            "is_mentor": Relation.MENTOR in relations,
        },
    )


def goal_create(request, pk):
    traineeship = _trainee_only(request, pk)
    form = forms.GoalForm(request.POST or None, competencies=services.competencies_of(traineeship))
    if request.method == "POST" and form.is_valid():
        services.goal_create(
            traineeship=traineeship,
            actor=request.user,
            fields=form.goal_fields(),
            competencies=form.cleaned_data["competencies"],
        )
        messages.success(request, _("The learning goal is added. Your mentor will approve it."))
        return redirect("portfolios:goals", pk=traineeship.pk)
    return render(request, "portfolios/goal_form.html", {"traineeship": traineeship, "form": form})


def _goal(request, pk) -> tuple[LearningGoal, frozenset]:
    goal = get_visible_or_404(LearningGoal.objects.select_related("traineeship__programme"), request.user, pk=pk)
    return goal, goal.traineeship.relations_of(request.user)


def goal_edit(request, pk):
    goal, relations = _goal(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    traineeship = goal.traineeship
    form = forms.GoalForm(request.POST or None, instance=goal, competencies=services.competencies_of(traineeship))
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_update(
                goal=goal,
                expected_version=form.cleaned_data["version"],
                fields=form.goal_fields(),
                competencies=form.cleaned_data["competencies"],
            )
        except services.StaleEdit:
            form.add_stale_error()
        else:
            messages.success(request, _("The learning goal is saved."))
            return redirect("portfolios:goals", pk=traineeship.pk)
    return render(request, "portfolios/goal_form.html", {"traineeship": traineeship, "form": form, "goal": goal})


def goal_approve(request, pk):
    goal, relations = _goal(request, pk)
    require(Relation.MENTOR in relations)
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
            form.add_stale_error()
        else:
            messages.success(request, _("The learning goal is approved."))
            return redirect("portfolios:goals", pk=goal.traineeship_id)
    return render(
        request, "portfolios/goal_approve.html", {"traineeship": goal.traineeship, "goal": goal, "form": form}
    )


def goal_progress(request, pk):
    goal, relations = _goal(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    form = forms.GoalProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.goal_progress_add(goal=goal, actor=request.user, **form.cleaned_data)
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
    return render(
        request,
        "portfolios/activity_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.activities(traineeship)),
            "hours": selectors.hours_per_competency(traineeship),
            "is_trainee": Relation.TRAINEE in relations,
        },
    )


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
    require(Relation.TRAINEE in traineeship.relations_of(request.user))
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


# Evidence -----------------------------------------------------------------------------------------


def evidence(request, pk):
    traineeship, relations = _traineeship(request, pk)
    return render(
        request,
        "portfolios/evidence_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.evidence(traineeship)),
            "is_trainee": Relation.TRAINEE in relations,
        },
    )


def evidence_create(request, pk):
    traineeship = _trainee_only(request, pk)
    form = forms.EvidenceForm(
        request.POST or None,
        request.FILES or None,
        traineeship=traineeship,
        competencies=services.competencies_of(traineeship),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_add(
                traineeship=traineeship,
                actor=request.user,
                fields=form.evidence_fields(),
                upload=form.cleaned_data["upload"],
                goals=form.cleaned_data["goals"],
                competencies=form.cleaned_data["competencies"],
            )
        except ValidationError as error:
            form.add_error("upload", error)
        else:
            messages.success(request, _("The evidence is added."))
            return redirect("portfolios:evidence", pk=traineeship.pk)
    return render(request, "portfolios/evidence_form.html", {"traineeship": traineeship, "form": form})


@require_GET
def evidence_download(request, pk):
    item = get_visible_or_404(Evidence.objects.filter(kind=Evidence.Kind.FILE), request.user, pk=pk)
    try:
        handle = default_storage.open(item.stored_name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.original_name, content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Reflections --------------------------------------------------------------------------------------


def reflections(request, pk):
    traineeship, relations = _traineeship(request, pk)
    is_trainee = Relation.TRAINEE in relations
    form = forms.ReflectionForm(request.POST or None) if is_trainee else None
    if request.method == "POST":
        require(is_trainee)
        if form.is_valid():
            services.reflection_add(traineeship=traineeship, **form.cleaned_data)
            messages.success(request, _("Your reflection is saved."))
            return redirect("portfolios:reflections", pk=traineeship.pk)
    return render(
        request,
        "portfolios/reflection_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, Reflection.objects.readable_by(request.user, traineeship)),
            "form": form,
            "is_trainee": is_trainee,
            "is_mentor": Relation.MENTOR in relations,
        },
    )


# Colleague feedback -------------------------------------------------------------------------------


def feedback(request, pk):
    traineeship, relations = _traineeship(request, pk)
    return render(
        request,
        "portfolios/feedback_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.feedback(traineeship)),
            "is_trainee": Relation.TRAINEE in relations,
        },
    )


def feedback_request(request, pk):
    traineeship = _trainee_only(request, pk)
    form = forms.FeedbackRequestForm(request.POST or None, competencies=services.competencies_of(traineeship))
    if request.method == "POST" and form.is_valid():
        services.feedback_request_create(
            traineeship=traineeship,
            actor=request.user,
            name=form.cleaned_data["colleague_name"],
            email=form.cleaned_data["colleague_email"],
            question=form.cleaned_data["question"],
            competencies=form.cleaned_data["competencies"],
            base_url=_base_url(request),
        )
        messages.success(
            request,
            _("%(name)s receives an e-mail with a personal link, valid for %(days)s days.")
            % {"name": form.cleaned_data["colleague_name"], "days": services.FEEDBACK_VALID_DAYS},
        )
        return redirect("portfolios:feedback", pk=traineeship.pk)
    return render(request, "portfolios/feedback_request_form.html", {"traineeship": traineeship, "form": form})


@login_not_required
def feedback_give(request, token):
    feedback_request = FeedbackRequest.for_token(token)
    if feedback_request is None:
        return render(request, "portfolios/feedback_invalid.html", status=404)
    competencies = list(feedback_request.competencies.order_by("position", "code"))
    form = forms.FeedbackGiveForm(request.POST or None, competencies=competencies)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(
                token=token,
                answers=form.answers(),
                free_text=form.cleaned_data["free_text"],
                anonymous=form.cleaned_data["anonymous"],
            )
        except services.FeedbackClosed:
            return render(request, "portfolios/feedback_invalid.html", status=404)
        return render(request, "portfolios/feedback_thanks.html")
    return render(
        request,
        "portfolios/feedback_give.html",
        {
            "form": form,
            "first_name": services.first_name(feedback_request.traineeship.trainee),
            "question": feedback_request.question,
            "competencies": competencies,
        },
    )


# Final evaluation ---------------------------------------------------------------------------------


def _editable_parts(relations) -> list[str]:
    fields = []
    if Relation.TRAINEE in relations:
        fields += FinalEvaluation.TRAINEE_FIELDS
    if Relation.MENTOR in relations:
        fields += FinalEvaluation.MENTOR_FIELDS
    if fields:
        fields += FinalEvaluation.JOINT_FIELDS
    return fields


def final_evaluation(request, pk):
    traineeship, relations = _traineeship(request, pk)
    editable = _editable_parts(relations)
    evaluation = selectors.final_evaluation(traineeship)
    if request.method == "POST":
        require(bool(editable))
        evaluation = evaluation or services.final_evaluation_for(traineeship)
    form = None
    if editable and not (evaluation and evaluation.is_locked):
        instance = evaluation or FinalEvaluation(traineeship=traineeship)
        form = forms.FinalEvaluationForm(request.POST or None, instance=instance, editable=editable)
        if request.method == "POST" and form.is_valid():
            try:
                services.final_evaluation_update(
                    evaluation=instance, expected_version=form.cleaned_data["version"], fields=form.part_fields()
                )
            except services.StaleEdit:
                form.add_stale_error()
            except services.EvaluationLocked:
                messages.error(request, _("The final evaluation is signed and locked."))
                return redirect("portfolios:final_evaluation", pk=traineeship.pk)
            else:
                messages.success(request, _("The final evaluation is saved."))
                return redirect("portfolios:final_evaluation", pk=traineeship.pk)
        evaluation = instance
    elif request.method == "POST":
        messages.error(request, _("The final evaluation is signed and locked; HR can reopen it."))
        return redirect("portfolios:final_evaluation", pk=traineeship.pk)
    return render(
        request,
        "portfolios/finalevaluation_detail.html",
        {
            "traineeship": traineeship,
            "evaluation": evaluation,
            "form": form,
            "is_trainee": Relation.TRAINEE in relations,
            "is_mentor": Relation.MENTOR in relations,
            "is_hr": Relation.HR in relations,
        },
    )


@require_POST
def final_evaluation_sign(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    evaluation = services.final_evaluation_for(traineeship)
    as_trainee = Relation.TRAINEE in relations
    try:
        services.final_evaluation_sign(evaluation=evaluation, actor=request.user, as_trainee=as_trainee)
    except services.EvaluationLocked:
        messages.error(request, _("The final evaluation is already signed and locked."))
    else:
        messages.success(request, _("You signed the final evaluation."))
    return redirect("portfolios:final_evaluation", pk=traineeship.pk)


def final_evaluation_reopen(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(Relation.HR in relations)
    evaluation = selectors.final_evaluation(traineeship)
    if evaluation is None or not evaluation.is_locked:
        messages.info(request, _("Only a final evaluation signed by both can be reopened."))
        return redirect("portfolios:final_evaluation", pk=traineeship.pk)
    form = forms.ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.final_evaluation_reopen(evaluation=evaluation, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The final evaluation is open again."))
        return redirect("portfolios:final_evaluation", pk=traineeship.pk)
    return render(request, "portfolios/finalevaluation_reopen.html", {"traineeship": traineeship, "form": form})


# PDF downloads ------------------------------------------------------------------------------------


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def portfolio_pdf(request, pk):
    traineeship, _relations = _traineeship(request, pk)
    content = render_portfolio_pdf(traineeship=traineeship, language=translation.get_language(), reader=request.user)
    services.record_download(traineeship=traineeship, actor=request.user)
    return _pdf_response(content, f"portfolio-{slugify(traineeship.trainee.name)}.pdf")


@require_GET
def final_evaluation_pdf(request, pk):
    traineeship, _relations = _traineeship(request, pk)
    content = render_final_evaluation_pdf(traineeship=traineeship, language=translation.get_language())
    services.record_download(traineeship=traineeship, actor=request.user, final_evaluation=True)
    return _pdf_response(content, f"final-evaluation-{slugify(traineeship.trainee.name)}.pdf")


# Bulk export --------------------------------------------------------------------------------------


def _cohorts(request):
    organisation = request.membership.organisation
    return (
        Cohort.objects.visible_to(request.user)
        .filter(traineeships__in=Traineeship.objects.of_organisation(organisation))
        .select_related("programme")
        .distinct()
    )


@role_required(Role.MANAGER, Role.HR)
def exports(request):
    form = forms.ExportForm(request.POST or None, cohorts=_cohorts(request))
    if request.method == "POST" and form.is_valid():
        export = services.export_request(
            actor=request.user,
            organisation=request.membership.organisation,
            cohort=form.cleaned_data["cohort"],
            language=translation.get_language(),
        )
        return redirect("portfolios:export_detail", pk=export.pk)
    own = PortfolioExport.objects.visible_to(request.user).select_related("cohort")
    return render(request, "portfolios/export_list.html", {"form": form, "page": _page(request, own)})


@role_required(Role.MANAGER, Role.HR)
def export_detail(request, pk):
    export = get_visible_or_404(PortfolioExport.objects.select_related("cohort"), request.user, pk=pk)
    template = "portfolios/export_detail.html#progress" if request.htmx else "portfolios/export_detail.html"
    return render(request, template, {"export": export})


@require_GET
@role_required(Role.MANAGER, Role.HR)
def export_download(request, pk):
    export = get_visible_or_404(PortfolioExport.objects.filter(status=PortfolioExport.Status.DONE), request.user, pk=pk)
    try:
        handle = default_storage.open(export.stored_name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    services.export_downloaded(export=export, actor=request.user)
    name = f"portfolios-{slugify(str(export.cohort or 'cohort'))}.zip"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type="application/zip")
    response["X-Content-Type-Options"] = "nosniff"
    return response
