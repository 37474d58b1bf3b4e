"""Programmes and their cohorts: HR of the owner (and the programme's coordinator) set them up."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from competencies.models import CompetencyFramework
from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from organisations.querysets import IdsFirst
from organisations.submissions import single_submission
from programmes import services
from programmes.budget import cohort_budgets
from programmes.cao_rules import PRESETS
from programmes.forms import BlueprintForm, CohortForm, DevelopmentDayFormSet, ProgrammeForm, programme_form_with_preset
from programmes.models import Cohort, Programme, Traineeship
from programmes.permissions import REFERENCE_READERS

PAGE_SIZE = 25
BLUEPRINT_PAGE_SIZE = 25


def _managed_programme(request, pk):
    programme = get_visible_or_404(Programme, request.user, pk=pk)
    require(Programme.objects.managed_by(request.user).filter(pk=programme.pk).exists())
    return programme


@role_required(Role.HR, Role.COORDINATOR)
def programme_list(request):
    organisation = request.membership.organisation
    programmes = (
        Programme.objects.visible_to(request.user)
        .filter(Q(owner=organisation) | Q(partners=organisation) | Q(coordinator=request.user))
        .distinct()
        .select_related("owner", "coordinator")
        .order_by("name")
    )
    page = Paginator(programmes, PAGE_SIZE).get_page(request.GET.get("page"))
    # Counted per programme on this page only, in subqueries: a join of traineeships with cohorts
    # (and partners) counted distinct over the whole organisation grew with every traineeship.
    page.object_list = page.object_list.annotate(
        # Only the traineeships the viewer may see are counted.
        traineeship_count=_count(Traineeship.objects.visible_to(request.user).filter(programme=OuterRef("pk"))),
        cohort_count=_count(Cohort.objects.filter(programme=OuterRef("pk"))),
    )
    return render(request, "programmes/programme_list.html", {"page": page})


def _count(queryset):
    return Coalesce(Subquery(queryset.order_by().values("programme").annotate(n=Count("pk")).values("n")), 0)


def _programme_form_page(request, programme=None):
    owner = programme.owner if programme else request.membership.organisation
    if request.method == "POST" and "apply_preset" in request.POST:
        form = programme_form_with_preset(request.POST, owner=owner, instance=programme)
        messages.info(request, _("The agreement has been filled in from the preset; check it and save."))
    else:
        initial = {}
        preset = request.GET.get("preset", "")
        if programme is None and preset:
            form = programme_form_with_preset(request.GET, owner=owner)
        else:
            form = ProgrammeForm(request.POST or None, instance=programme, owner=owner, initial=initial)
        if request.method == "POST" and form.is_valid():
            saved = form.save()
            services.partners_changed(programme=saved, kept=saved.partners.all())
            invited = form.cleaned_data.get("invite_partner")
            if invited is not None:
                services.partner_invite(programme=saved, organisation=invited, by=request.user)
                messages.info(
                    request,
                    _("%(organisation)s is invited; it becomes a partner when its HR adviser accepts.")
                    % {"organisation": invited},
                )
            messages.success(request, _("The programme has been saved."))
            return redirect("programmes:programme_detail", pk=saved.pk)
    return render(request, "programmes/programme_form.html", {"form": form, "programme": programme, "presets": PRESETS})


@role_required(Role.HR)
@single_submission
def programme_create(request):
    return _programme_form_page(request)


def programme_edit(request, pk):
    return _programme_form_page(request, _managed_programme(request, pk))


def _listed(ids):
    """The rows of a page of a programme's or cohort's traineeships (``IdsFirst``: read by id)."""
    return Traineeship.objects.filter(pk__in=ids).select_related("trainee", "cohort")


def programme_detail(request, pk):
    programme = get_visible_or_404(
        Programme.objects.select_related("owner", "coordinator", "framework"), request.user, pk=pk
    )
    traineeships = Traineeship.objects.visible_to(request.user).filter(programme=programme)
    ordered = traineeships.order_by("-start_date", "trainee__name", "pk")
    page = Paginator(IdsFirst(ordered, rows=_listed), PAGE_SIZE).get_page(request.GET.get("page"))
    can_manage = Programme.objects.managed_by(request.user).filter(pk=programme.pk).exists()
    # The framework belongs to the owner: linked only for whom it opens (not a partner's staff, not a trainee).
    framework_opens = (
        programme.framework_id is not None
        and request.membership is not None
        and request.membership.role in REFERENCE_READERS
        and CompetencyFramework.objects.visible_to(request.user).filter(pk=programme.framework_id).exists()
    )
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "partners": programme.partners.all(),
            # The owner's HR follows up the invitations that were not answered yet.
            "pending_partners": programme.partner_invitations.pending().select_related("organisation")
            if can_manage
            else [],
            "framework_opens": framework_opens,
            # Counted over the traineeships the viewer may see only.
            "cohorts": programme.cohorts.annotate(size=Count("traineeships", filter=Q(traineeships__in=traineeships))),
            "page": page,
            "can_manage": can_manage,
        },
    )


@single_submission
def cohort_create(request, pk):
    programme = _managed_programme(request, pk)
    cohort = Cohort(programme=programme)
    return _cohort_form_page(request, cohort, programme)


def cohort_edit(request, pk):
    cohort = get_visible_or_404(Cohort.objects.select_related("programme"), request.user, pk=pk)
    _managed_programme(request, cohort.programme_id)
    return _cohort_form_page(request, cohort, cohort.programme)


def _cohort_form_page(request, cohort, programme):
    form = CohortForm(request.POST or None, instance=cohort)
    days = DevelopmentDayFormSet(request.POST or None, instance=cohort, prefix="days")
    if request.method == "POST" and form.is_valid() and days.is_valid():
        with transaction.atomic():
            saved = form.save()
            days.instance = saved
            days.save()
        messages.success(request, _("The cohort has been saved."))
        return redirect("programmes:cohort_detail", pk=saved.pk)
    return render(
        request, "programmes/cohort_form.html", {"form": form, "days": days, "cohort": cohort, "programme": programme}
    )


def cohort_detail(request, pk):
    cohort = get_visible_or_404(
        Cohort.objects.select_related("programme", "copied_from", "model_traineeship__trainee"), request.user, pk=pk
    )
    traineeships = Traineeship.objects.visible_to(request.user).filter(cohort=cohort).order_by("trainee__name", "pk")
    can_manage = Programme.objects.managed_by(request.user).filter(pk=cohort.programme_id).exists()
    return render(
        request,
        "programmes/cohort_detail.html",
        {
            "cohort": cohort,
            "days": cohort.development_days.all(),
            "mentor_pool": cohort.mentor_pool.all(),
            "page": Paginator(IdsFirst(traineeships, rows=_listed), PAGE_SIZE).get_page(request.GET.get("page")),
            "can_manage": can_manage,
        },
    )


def cohort_blueprint(request, pk):
    source = get_visible_or_404(Cohort.objects.select_related("programme"), request.user, pk=pk)
    _managed_programme(request, source.programme_id)
    # The model traineeship is chosen from a searched, paged list: a cohort may hold thousands.
    candidates = (
        Traineeship.objects.visible_to(request.user)
        .filter(cohort=source)
        .select_related("trainee")
        .order_by("trainee__name", "pk")
    )
    search = request.GET.get("q", "").strip()[:100]
    matching = candidates.filter(trainee__name__icontains=search) if search else candidates
    page = Paginator(matching, BLUEPRINT_PAGE_SIZE).get_page(request.GET.get("page"))
    form = BlueprintForm(
        request.POST or None,
        source=source,
        candidates=candidates,
        shown=page.object_list,
        initial={"group_trainer": source.group_trainer},
    )
    if request.method == "POST" and form.is_valid():
        cohort = services.cohort_from_blueprint(
            source=source,
            name=form.cleaned_data["name"],
            start_date=form.cleaned_data["start_date"],
            group_trainer=form.cleaned_data["group_trainer"],
            model_traineeship=form.cleaned_data["model_traineeship"],
            copy_days=form.cleaned_data["shift_days"],
        )
        messages.success(request, _("The new cohort has been set up from %(source)s.") % {"source": source})
        return redirect("programmes:cohort_detail", pk=cohort.pk)
    return render(
        request, "programmes/cohort_blueprint.html", {"form": form, "source": source, "page": page, "search": search}
    )


def programme_budget(request, pk):
    """HR's and the coordinator's totals of the development budget per cohort."""
    programme = _managed_programme(request, pk)
    return render(
        request,
        "programmes/programme_budget.html",
        {"programme": programme, "rows": cohort_budgets(programme)},
    )
