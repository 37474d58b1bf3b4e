"""Traineeships, their placements, and the set-up of steps 1 and 2.

Everyone who may see a traineeship may read these pages; only those who manage it
(HR of the owner, the coordinator) may change them.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from competencies.models import LearningActivity
from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from organisations.submissions import single_submission
from programmes import services
from programmes.budget import budget_of
from programmes.employer_rules import employer_rules_in
from programmes.forms import (
    ChooseActivitiesForm,
    LearningActivityForm,
    PlacementForm,
    RotationForm,
    TraineeshipForm,
    WorkProfileForm,
    available_activities,
)
from programmes.forms_competency_table import CompetencyTableForm
from programmes.models import DevelopmentActivity, Placement, ProfileCompetency, Programme, Traineeship, WorkProfile
from programmes.permissions import REFERENCE_READERS, can_manage
from programmes.selectors import activity_suggestions
from programmes.services_position_profiles import position_profile_carry_over
from programmes.views_position_profiles import position_profile_for_hiring

PAGE_SIZE = 25


def _traineeship(request, pk, *, manage: bool = False) -> tuple[Traineeship, bool]:
    """The traineeship (404 outside the user's scope) and whether the user may change it (403 on a write)."""
    traineeship = get_visible_or_404(
        Traineeship.objects.select_related("trainee", "programme", "programme__owner", "cohort"), request.user, pk=pk
    )
    may_manage = can_manage(request.user, traineeship)
    if manage or request.method == "POST":
        require(may_manage)
    return traineeship, may_manage


@single_submission
def traineeship_create(request, pk):
    programme = get_visible_or_404(Programme.objects.select_related("owner"), request.user, pk=pk)
    require(Programme.objects.managed_by(request.user).filter(pk=programme.pk).exists())
    initial = {"cohort": request.GET.get("cohort")}
    # "Create traineeship from this profile": the position profile written before hiring.
    profile = position_profile_for_hiring(request, programme)
    if profile is not None:
        initial["cohort"] = profile.cohort_id
        if profile.cohort is not None:
            initial["start_date"] = profile.cohort.start_date
    can_invite = request.membership.role == Role.HR and request.membership.organisation_id == programme.owner_id
    form = TraineeshipForm(request.POST or None, programme=programme, initial=initial, can_invite=can_invite)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            traineeship = services.traineeship_create(
                programme=programme,
                values=form.traineeship_values(),
                copy_setup=form.cleaned_data.get("copy_setup", False),
                by=request.user,
                new_trainee=form.new_trainee(),
                base_url=request.build_absolute_uri("/"),
            )
            if profile is not None:
                position_profile_carry_over(profile=profile, traineeship=traineeship)
        if profile is not None:
            messages.success(
                request, _("The traineeship has been created with the work and competencies of the position profile.")
            )
        else:
            messages.success(request, _("The traineeship has been created. Next: the work and profile of step 1."))
        return redirect("programmes:work_profile", pk=traineeship.pk)
    return render(
        request, "programmes/traineeship_form.html", {"form": form, "programme": programme, "profile": profile}
    )


def traineeship_edit(request, pk):
    traineeship, _can = _traineeship(request, pk, manage=True)
    form = TraineeshipForm(request.POST or None, instance=traineeship, programme=traineeship.programme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The traineeship has been saved."))
        return redirect("stappenplan", pk=traineeship.pk)
    return render(
        request,
        "programmes/traineeship_form.html",
        {"form": form, "programme": traineeship.programme, "traineeship": traineeship},
    )


@single_submission
def placements(request, pk):
    traineeship, can_manage = _traineeship(request, pk)
    form = PlacementForm(traineeship=traineeship)
    rotation = RotationForm(traineeship=traineeship)
    if request.method == "POST" and "rotation-count" in request.POST:
        rotation = RotationForm(request.POST, traineeship=traineeship)
        if rotation.is_valid():
            try:
                created = services.placements_rotation_create(
                    traineeship=traineeship,
                    start=rotation.cleaned_data["start_date"],
                    count=rotation.cleaned_data["count"],
                    months=rotation.cleaned_data["months"],
                )
            except ValidationError as error:
                for message in error.messages:
                    rotation.add_error(None, message)
            else:
                messages.success(
                    request, _("%(count)s placements have been added; fill in each one.") % {"count": len(created)}
                )
                return redirect("programmes:placements", pk=traineeship.pk)
    elif request.method == "POST":
        form = PlacementForm(request.POST, traineeship=traineeship)
        if form.is_valid():
            form.save()
            messages.success(request, _("The placement has been added."))
            return redirect("programmes:placements", pk=traineeship.pk)
    rows = traineeship.placements.select_related("organisation", "manager", "mentor")
    return render(
        request,
        "programmes/placement_list.html",
        {
            "traineeship": traineeship,
            "placements": rows,
            "form": form,
            "rotation": rotation,
            "can_manage": can_manage,
            "employer_rules": employer_rules_in(traineeship.programme) if form.employer_rules else [],
        },
    )


def placement_edit(request, pk):
    placement = get_visible_or_404(Placement.objects.select_related("traineeship"), request.user, pk=pk)
    traineeship, _can = _traineeship(request, placement.traineeship_id, manage=True)
    placement.traineeship = traineeship
    rules_now = placement.rules  # as saved, before the form takes what was typed
    form = PlacementForm(request.POST or None, instance=placement, traineeship=traineeship)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The placement has been saved."))
        return redirect("programmes:placements", pk=traineeship.pk)
    return render(
        request,
        "programmes/placement_form.html",
        {
            "form": form,
            "traineeship": traineeship,
            "placement": placement,
            "rules_now": rules_now,
            "employer_rules": employer_rules_in(traineeship.programme) if form.employer_rules else [],
        },
    )


@require_POST
def placement_delete(request, pk):
    placement = get_visible_or_404(Placement, request.user, pk=pk)
    traineeship, _can = _traineeship(request, placement.traineeship_id, manage=True)
    placement.delete()
    messages.success(request, _("The placement has been deleted."))
    return redirect("programmes:placements", pk=traineeship.pk)


def work_profile(request, pk):
    traineeship, can_manage = _traineeship(request, pk)
    profile = WorkProfile.objects.filter(traineeship=traineeship).first() or WorkProfile(traineeship=traineeship)
    form = WorkProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The work profile has been saved."))
        return redirect("programmes:profile_competencies", pk=traineeship.pk)
    return render(
        request,
        "programmes/workprofile_form.html",
        {"traineeship": traineeship, "form": form, "profile": profile, "can_manage": can_manage},
    )


def profile_competencies(request, pk):
    traineeship, can_manage = _traineeship(request, pk)
    form = CompetencyTableForm(request.POST or None, traineeship=traineeship)
    if request.method == "POST" and form.is_valid():
        count = form.save()
        messages.success(
            request,
            ngettext(
                "The profile has %(count)s competency. Next: the learning activities of step 2.",
                "The profile has %(count)s competencies. Next: the learning activities of step 2.",
                count,
            )
            % {"count": count},
        )
        return redirect("programmes:activities", pk=traineeship.pk)
    rows = traineeship.profile_competencies.select_related("competency")
    return render(
        request,
        "programmes/profilecompetency_list.html",
        {"traineeship": traineeship, "rows": rows, "form": form, "can_manage": can_manage},
    )


@require_POST
def profile_competency_delete(request, pk):
    row = get_visible_or_404(ProfileCompetency, request.user, pk=pk)
    _traineeship(request, row.traineeship_id, manage=True)
    row.delete()
    messages.success(request, _("The competency has been removed from the profile."))
    return redirect("programmes:profile_competencies", pk=row.traineeship_id)


def activities(request, pk):
    traineeship, can_manage = _traineeship(request, pk)
    form = ChooseActivitiesForm(request.POST or None, traineeship=traineeship)
    if request.method == "POST" and form.is_valid():
        added = services.activities_choose(
            traineeship=traineeship, activities=list(form.cleaned_data["activities"]), by=request.user
        )
        messages.success(request, _("%(count)s activities have been added.") % {"count": added})
        return redirect("programmes:activities", pk=traineeship.pk)
    chosen = traineeship.development_activities.select_related("learning_activity").prefetch_related("competencies")
    return render(
        request,
        "programmes/developmentactivity_list.html",
        {
            "traineeship": traineeship,
            "chosen": chosen,
            "form": form,
            "suggestions": activity_suggestions(traineeship, available_activities(traineeship)),
            "can_manage": can_manage,
            "budget": budget_of(traineeship),
        },
    )


@require_POST
def activity_remove(request, pk):
    activity = get_visible_or_404(DevelopmentActivity, request.user, pk=pk)
    _traineeship(request, activity.traineeship_id, manage=True)
    activity.delete()
    messages.success(request, _("The activity has been removed."))
    return redirect("programmes:activities", pk=activity.traineeship_id)


@role_required(*REFERENCE_READERS)
def inventory(request):
    organisation = request.membership.organisation if request.membership else None
    rows = (
        LearningActivity.objects.filter(organisation=organisation)
        .prefetch_related("competencies")
        .order_by("kind", "title")
    )
    kind = request.GET.get("kind")
    if kind in ("formal", "informal"):
        rows = rows.filter(kind=kind)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    can_edit = request.membership is not None and request.membership.role == Role.HR
    return render(request, "programmes/learningactivity_list.html", {"page": page, "can_edit": can_edit, "kind": kind})


@role_required(Role.HR)
@single_submission
def inventory_create(request):
    form = LearningActivityForm(request.POST or None, organisation=request.membership.organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The learning activity has been added to the inventory."))
        return redirect("programmes:inventory")
    return render(request, "programmes/learningactivity_form.html", {"form": form})


@role_required(Role.HR)
def inventory_edit(request, pk):
    activity = get_visible_or_404(LearningActivity, request.user, pk=pk)
    require(activity.organisation_id == request.membership.organisation_id)
    form = LearningActivityForm(request.POST or None, instance=activity, organisation=activity.organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The learning activity has been saved."))
        return redirect("programmes:inventory")
    return render(request, "programmes/learningactivity_form.html", {"form": form, "activity": activity})


@require_POST
@role_required(Role.HR)
def inventory_delete(request, pk):
    activity = get_visible_or_404(LearningActivity, request.user, pk=pk)
    require(activity.organisation_id == request.membership.organisation_id)
    activity.delete()
    messages.success(request, _("The learning activity has been removed from the inventory."))
    return redirect("programmes:inventory")
