"""The final evaluation, the PDF downloads and the cohort export."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.access import get_visible_or_404, require, role_required
from organisations.downloads import stored_download
from organisations.models import Role
from organisations.submissions import single_submission
from portfolios import forms, selectors, services
from portfolios.models import (
    FinalEvaluation,
    PortfolioExport,
)
from portfolios.pdf import names
from portfolios.permissions import SELF_EVALUATIONS
from portfolios.views import stored
from portfolios.views.common import _page, _traineeship, _whole_portfolio
from programmes.models import (
    Cohort,
    Traineeship,
)
from programmes.permissions import Relation, relations_for_act

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
    traineeship, readers_relations = _whole_portfolio(request, pk)
    # The final evaluation is the last placement's mentor's to write and sign.
    relations = relations_for_act(request.user, traineeship)
    editable = _editable_parts(relations)
    evaluation = selectors.final_evaluation(traineeship)
    if request.method == "POST":
        require(bool(editable))
        evaluation = evaluation or services.final_evaluation_for(traineeship)
    form = None
    if editable and not (evaluation and evaluation.is_locked):
        instance = evaluation or FinalEvaluation(traineeship=traineeship)
        form = forms.FinalEvaluationForm(
            request.POST or None,
            instance=instance,
            editable=editable,
            competencies=services.competencies_of(traineeship),
            own_levels=selectors.own_latest_levels(selectors.self_evaluations(traineeship)),
            mentor_levels=selectors.mentor_levels(traineeship),
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.final_evaluation_update(
                    evaluation=instance,
                    expected_version=form.cleaned_data["version"],
                    fields=form.part_fields(),
                    mentor_levels=form.mentor_levels(),
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
            # Read afresh: a form with errors has written its unsaved values onto ``evaluation``.
            "signed_text": selectors.final_evaluation(traineeship),
            **_growth(traineeship, show_own=SELF_EVALUATIONS.allows(readers_relations)),
            "form": form,
            "is_trainee": Relation.TRAINEE in relations,
            "is_mentor": Relation.MENTOR in relations,
            "is_hr": Relation.HR in relations,
        },
    )


def _growth(traineeship, *, show_own: bool) -> dict:
    """The mentor's judgement per competency once the mentor rated, beside the trainee's self-ratings
    for a reader of self-evaluations."""
    if not selectors.mentor_levels(traineeship):
        return {}
    return {**selectors.growth(traineeship), "show_own": show_own}


@require_POST
def final_evaluation_sign(request, pk):
    traineeship, _relations = _traineeship(request, pk)
    # The final evaluation is the last placement's mentor's to write and sign.
    relations = relations_for_act(request.user, traineeship)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    evaluation = services.final_evaluation_for(traineeship)
    as_trainee = Relation.TRAINEE in relations
    try:
        services.final_evaluation_sign(
            evaluation=evaluation,
            actor=request.user,
            as_trainee=as_trainee,
            digest_read=request.POST.get("digest", ""),
        )
    except services.EvaluationLocked:
        messages.error(request, _("The final evaluation is already signed and locked."))
    except services.TextChanged:
        messages.error(
            request,
            _(
                "The final evaluation changed after you opened it, so nothing is signed. "
                "Read the text as it is now below, then sign again if you agree."
            ),
        )
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


@require_GET
def portfolio_pdf(request, pk):
    traineeship, relations = _traineeship(request, pk)
    return stored.deliver(
        request,
        traineeship=traineeship,
        kind="portfolio",
        relations=relations,
        filename=names.pdf_filename(names.PORTFOLIO, traineeship.trainee.name),
        on_download=lambda: services.record_download(traineeship=traineeship, actor=request.user),
    )


@require_GET
def final_evaluation_pdf(request, pk):
    """The final evaluation once it exists; before that, the empty form to print (never a blank PDF)."""
    traineeship, relations = _whole_portfolio(request, pk)
    if selectors.final_evaluation(traineeship) is None:
        kind, filename, on_download = "final-evaluation-form", names.BLANK_FINAL_EVALUATION, None
    else:
        kind, filename = "final-evaluation", names.FINAL_EVALUATION

        def on_download():
            services.record_download(traineeship=traineeship, actor=request.user, final_evaluation=True)

    return stored.deliver(
        request,
        traineeship=traineeship,
        kind=kind,
        relations=relations,
        filename=names.pdf_filename(filename, traineeship.trainee.name),
        on_download=on_download,
    )


# Bulk export --------------------------------------------------------------------------------------


def _cohorts(request):
    organisation = request.membership.organisation
    # An EXISTS per cohort, not a join with every traineeship made distinct again (5,000 rows at 10,000).
    of_organisation = Traineeship.objects.of_organisation(organisation).filter(cohort=OuterRef("pk"))
    return Cohort.objects.visible_to(request.user).filter(Exists(of_organisation)).select_related("programme")


@role_required(Role.MANAGER, Role.HR)
@single_submission
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
    name = _("portfolios %(cohort)s") % {"cohort": export.cohort or ""}
    response = stored_download(export.stored_name, content_type="application/zip", name=name, stream=True)
    if response is None:
        raise Http404
    services.export_downloaded(export=export, actor=request.user)
    return response
