"""Step 3 of the stappenplan: choose a mentor for each placement."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mentors import services
from mentors.forms import MentorChoiceForm
from mentors.permissions import placement_chooser
from mentors.selectors import mentor_load, mentors_by_load
from organisations.access import get_visible_or_404, require
from organisations.models import Membership, Role, User
from programmes.models import Traineeship
from programmes.permissions import can_manage, relations_of


@require_http_methods(["GET", "POST"])
def traineeship_mentors(request, pk):
    traineeship = get_visible_or_404(Traineeship.objects.with_people(), request.user, pk=pk)
    relations = relations_of(request.user, traineeship)
    hr_organisations = set(
        Membership.objects.organisations_of(request.user, Role.HR).values_list("organisation", flat=True)
    )
    placements = list(traineeship.placements.select_related("organisation", "mentor").order_by("start_date"))
    may_choose = placement_chooser(traineeship, relations, hr_organisations)
    require(any(may_choose(p) for p in placements) or can_manage(request.user, traineeship))
    if request.method == "POST":
        placement = next((p for p in placements if str(p.pk) == request.POST.get("placement", "")), None)
        if placement is None:
            raise Http404
        require(may_choose(placement))
        form = MentorChoiceForm(request.POST, placement=placement)
        if form.is_valid():
            warnings = services.placement_set_mentor(
                placement=placement, mentor=form.cleaned_data["mentor"], by=request.user
            )
            for warning in warnings:
                messages.warning(request, _("Saved, but note: %(warning)s") % {"warning": warning})
            messages.success(request, _("The mentor for %(placement)s is saved.") % {"placement": placement})
            return redirect("mentors:traineeship_mentors", pk=traineeship.pk)
    loads = {}
    entries = []
    for placement in placements:
        allowed = may_choose(placement)
        if allowed and placement.organisation_id not in loads:
            # The mentors with room first; the choice itself offers every mentor of the organisation.
            organisation = placement.organisation
            loads[placement.organisation_id] = (
                mentor_load(organisation, users=mentors_by_load(organisation, busiest_first=False)),
                User.objects.mentors_of(organisation).count(),
            )
        candidates, mentor_count = loads[placement.organisation_id] if allowed else ([], 0)
        entries.append(
            {
                "placement": placement,
                "form": MentorChoiceForm(placement=placement) if allowed else None,
                # Another organisation's mentors (profiles, load) are its own business.
                "candidates": candidates,
                "mentor_count": mentor_count,
            }
        )
    return render(
        request,
        "mentors/traineeship_mentors.html",
        {"traineeship": traineeship, "entries": entries, "choosing_mentor": True},
    )
