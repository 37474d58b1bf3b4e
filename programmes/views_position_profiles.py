"""Position profiles: step 1 before anyone is hired, written by HR of the organisation.

Outside the organisation a profile does not exist (404); inside, only HR reaches it (403).
The PDF for the vacancy is served by ``overview.views_position_profiles`` (it uses the PDF
pipeline of ``portfolios``, which this app may not import).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from organisations.submissions import single_submission
from programmes import services_position_profiles as services
from programmes.forms_position_profiles import PositionCompetencyTableForm, PositionProfileForm
from programmes.models import PositionProfile, Programme
from programmes.permissions import can_manage_position_profile

PAGE_SIZE = 25


def position_profile_of(request, pk) -> PositionProfile:
    """The profile (404 outside the user's organisations, 403 for anyone but its HR)."""
    profile = get_visible_or_404(
        PositionProfile.objects.select_related("programme", "programme__owner", "cohort", "employer", "organisation"),
        request.user,
        pk=pk,
    )
    require(can_manage_position_profile(request.user, profile))
    return profile


def _programmes(request):
    """The programmes of HR's current organisation: a profile is written for one of them."""
    return Programme.objects.filter(owner=request.membership.organisation).order_by("name")


@role_required(Role.HR)
def position_profile_list(request):
    archived = request.GET.get("status") == PositionProfile.Status.ARCHIVED
    profiles = (
        PositionProfile.objects.filter(organisation=request.membership.organisation)
        .filter(status=PositionProfile.Status.ARCHIVED if archived else PositionProfile.Status.OPEN)
        .select_related("programme", "cohort")
        .annotate(filled_count=Count("traineeships"))
        .order_by("title", "pk")
    )
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programmes/position_profile_list.html",
        {"page": page, "archived": archived, "programmes": list(_programmes(request))},
    )


def _form_page(request, *, programme, profile=None):
    form = PositionProfileForm(request.POST or None, instance=profile, programme=programme)
    table = PositionCompetencyTableForm(request.POST or None, programme=programme, profile=profile)
    if request.method == "POST":
        # Both checked, so every mistake is shown at once and everything typed stays.
        valid = form.is_valid() & table.is_valid()
        if valid:
            profile = services.position_profile_save(
                programme=programme,
                values=form.profile_values(),
                competencies=table.chosen(),
                by=request.user,
                profile=profile,
            )
            messages.success(request, _("The position profile has been saved."))
            return redirect(profile)
    return render(
        request,
        "programmes/position_profile_form.html",
        {"form": form, "table": table, "programme": programme, "profile": profile},
    )


@role_required(Role.HR)
@single_submission
def position_profile_create(request, pk):
    programme = get_visible_or_404(Programme.objects.select_related("owner"), request.user, pk=pk)
    require(programme.owner_id == request.membership.organisation_id)
    return _form_page(request, programme=programme)


def position_profile_edit(request, pk):
    profile = position_profile_of(request, pk)
    return _form_page(request, programme=profile.programme, profile=profile)


def position_profile_detail(request, pk):
    profile = position_profile_of(request, pk)
    return render(
        request,
        "programmes/position_profile_detail.html",
        {
            "profile": profile,
            "competencies": profile.competencies.select_related("competency"),
            "filled": profile.traineeships.select_related("trainee").order_by("start_date"),
        },
    )


@require_POST
def position_profile_status(request, pk):
    profile = position_profile_of(request, pk)
    archive = request.POST.get("status") == PositionProfile.Status.ARCHIVED
    services.position_profile_set_status(
        profile=profile,
        status=PositionProfile.Status.ARCHIVED if archive else PositionProfile.Status.OPEN,
        by=request.user,
    )
    if archive:
        messages.success(request, _("The position profile has been archived."))
    else:
        messages.success(request, _("The position profile is open again."))
    return redirect(profile)


def position_profile_for_hiring(request, programme) -> PositionProfile | None:
    """The open profile named by ``?profile=`` for a new traineeship in ``programme``; 404 when it is
    not one (another programme, archived, outside the organisation), 403 for anyone but its HR."""
    pk = request.GET.get("profile")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    profile = position_profile_of(request, int(pk))
    if profile.programme_id != programme.pk or not profile.is_open:
        raise Http404
    return profile
