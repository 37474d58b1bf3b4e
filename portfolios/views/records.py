"""Records of learning: evidence, reflections and colleague feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from organisations.access import get_visible_or_404, require
from organisations.downloads import stored_download
from organisations.submissions import single_submission
from portfolios import editing, forms, selectors, services
from portfolios.models import (
    Evidence,
    FeedbackRequest,
    Reflection,
)
from portfolios.permissions import FEEDBACK, PORTFOLIO, REFLECTIONS, readable_reflections
from portfolios.views.common import _base_url, _page, _trainee_only, _traineeship, _windows
from programmes.permissions import Relation, is_made_within, relations_of

# Evidence -----------------------------------------------------------------------------------------


def evidence(request, pk):
    traineeship, relations = _traineeship(request, pk)
    return render(
        request,
        "portfolios/evidence_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.evidence(traineeship, _windows(request, traineeship, relations))),
            "is_trainee": Relation.TRAINEE in relations,
            "can_edit": Relation.TRAINEE in relations and not editing.portfolio_locked(traineeship),
        },
    )


@single_submission
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
    item = get_visible_or_404(
        Evidence.objects.filter(kind=Evidence.Kind.FILE).select_related("traineeship__programme"), request.user, pk=pk
    )
    relations = relations_of(request.user, item.traineeship)
    require(PORTFOLIO.allows(relations))
    # A partner's staff open only what was added during their placements (as the list shows them).
    require(is_made_within(_windows(request, item.traineeship, relations), timezone.localdate(item.created_at)))
    # The extension follows the content type the upload check found, not the uploaded name.
    response = stored_download(item.stored_name, content_type=item.content_type, name=item.original_name, stream=True)
    if response is None:
        raise Http404
    return response


# Reflections --------------------------------------------------------------------------------------


@single_submission
def reflections(request, pk):
    traineeship, relations = _traineeship(request, pk, REFLECTIONS)
    is_trainee = Relation.TRAINEE in relations
    form = forms.ReflectionForm(request.POST or None) if is_trainee else None
    if request.method == "POST":
        require(is_trainee)
        if editing.portfolio_locked(traineeship):
            messages.error(request, editing.LOCKED_MESSAGE)
            return redirect("portfolios:reflections", pk=traineeship.pk)
        if form.is_valid():
            services.reflection_add(traineeship=traineeship, **form.cleaned_data)
            messages.success(request, _("Your reflection is saved."))
            return redirect("portfolios:reflections", pk=traineeship.pk)
    return render(
        request,
        "portfolios/reflection_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, readable_reflections(relations, Reflection.objects.filter(traineeship=traineeship))),
            "form": form,
            "is_trainee": is_trainee,
            "can_edit": is_trainee and not editing.portfolio_locked(traineeship),
            "is_mentor": Relation.MENTOR in relations,
        },
    )


# Colleague feedback -------------------------------------------------------------------------------


def feedback(request, pk):
    traineeship, relations = _traineeship(request, pk, FEEDBACK)
    return render(
        request,
        "portfolios/feedback_list.html",
        {
            "traineeship": traineeship,
            "page": _page(request, selectors.feedback(traineeship)),
            "is_trainee": Relation.TRAINEE in relations,
        },
    )


@single_submission
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
