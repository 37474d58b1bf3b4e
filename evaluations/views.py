"""The trainee answers; HR and the coordinator edit the questions and read the totals."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations import moments, selectors, services
from evaluations.forms import EvaluationForm, QuestionFormSet
from evaluations.models import Moment, ProgrammeEvaluation, Question
from evaluations.permissions import MIN_RESPONDENTS, RESULT_READERS
from organisations.access import get_visible_or_404, has_role, require, role_required
from organisations.models import Role
from organisations.submissions import single_submission
from programmes.models import Programme, Traineeship


@role_required(Role.TRAINEE)
def mine(request):
    """The trainee's traineeships with each moment: answered, open, or the day it opens."""
    today = timezone.localdate()
    traineeships = Traineeship.objects.filter(trainee=request.user).select_related("programme").order_by("-start_date")
    answered = set(
        ProgrammeEvaluation.objects.filter(traineeship__in=traineeships).values_list("traineeship", "moment")
    )
    rows = [
        {
            "traineeship": traineeship,
            "moments": [
                {
                    "moment": moment,
                    "label": label,
                    "answered": (traineeship.pk, moment) in answered,
                    "open": moments.is_open(traineeship, moment, today),
                    "opens_on": moments.opens_on(traineeship, moment),
                }
                for moment, label in Moment.choices
            ],
        }
        for traineeship in traineeships
    ]
    return render(request, "evaluations/mine.html", {"rows": rows, "minimum": MIN_RESPONDENTS})


@single_submission
def answer(request, pk, moment):
    if moment not in Moment.values:
        raise Http404
    traineeship = get_visible_or_404(Traineeship.objects.select_related("programme"), request.user, pk=pk)
    # Only the trainee: nobody else reads or writes one person's answers.
    require(traineeship.trainee_id == request.user.pk)
    sent = ProgrammeEvaluation.objects.filter(traineeship=traineeship, moment=moment).first()
    context = {
        "traineeship": traineeship,
        "moment_label": Moment(moment).label,
        "sent": sent,
        "minimum": MIN_RESPONDENTS,
    }
    if sent is not None:
        context["answers"] = sent.answers.select_related("question")
        return render(request, "evaluations/answer.html", context)
    today = timezone.localdate()
    if not moments.is_open(traineeship, moment, today):
        if request.method == "POST":
            messages.error(request, _("This evaluation is not open yet."))
            return redirect("evaluations:mine")
        context["opens_on"] = moments.opens_on(traineeship, moment)
        return render(request, "evaluations/answer.html", context)
    services.questions_ensure_defaults(programme=traineeship.programme)
    questions = Question.objects.filter(programme=traineeship.programme, active=True)
    form = EvaluationForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_submit(traineeship=traineeship, moment=moment, answers=form.answers())
        except services.AlreadySent:
            messages.info(request, _("You already sent this evaluation."))
        else:
            messages.success(request, _("Thank you: your evaluation is sent."))
        return redirect("evaluations:answer", pk=traineeship.pk, moment=moment)
    context["form"] = form
    return render(request, "evaluations/answer.html", context)


def _readable_programmes(request):
    organisation = request.membership.organisation
    return (
        Programme.objects.visible_to(request.user)
        .filter(Q(owner=organisation) | Q(partners=organisation) | Q(coordinator=request.user))
        .distinct()
        .select_related("owner")
        .order_by("name")
    )


@role_required(*RESULT_READERS)
def results(request):
    programmes = _readable_programmes(request)
    managed = set(Programme.objects.managed_by(request.user).values_list("pk", flat=True))
    return render(
        request,
        "evaluations/results.html",
        {"programmes": programmes, "managed": managed, "minimum": MIN_RESPONDENTS},
    )


def programme_results(request, pk):
    programme = get_visible_or_404(Programme, request.user, pk=pk)
    require(has_role(request, *RESULT_READERS))
    return render(
        request,
        "evaluations/programme_results.html",
        {
            "programme": programme,
            "per_moment": selectors.programme_results(programme),
            "minimum": MIN_RESPONDENTS,
            "can_edit": Programme.objects.managed_by(request.user).filter(pk=programme.pk).exists(),
        },
    )


def questions(request, pk):
    programme = get_visible_or_404(Programme, request.user, pk=pk)
    require(Programme.objects.managed_by(request.user).filter(pk=programme.pk).exists())
    services.questions_ensure_defaults(programme=programme)
    formset = QuestionFormSet(request.POST or None, programme=programme)
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, _("The evaluation questions are saved."))
        return redirect("evaluations:questions", pk=programme.pk)
    return render(request, "evaluations/questions.html", {"programme": programme, "formset": formset})
