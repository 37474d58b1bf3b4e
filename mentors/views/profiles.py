from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mentors.forms import MentorProfileForm
from mentors.models import MentorProfile
from mentors.risks import reasons
from mentors.selectors import mentees_of, mentor_load, mentors_by_name
from organisations.access import get_visible_or_404, role_required
from organisations.models import Membership, Role

PAGE_SIZE = 25


@role_required(Role.HR)
def profile_list(request):
    organisation = request.membership.organisation
    # A page of mentors from the database, then the load of those alone (hundreds in a large organisation).
    page = Paginator(mentors_by_name(organisation), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = mentor_load(organisation, users=list(page))
    return render(request, "mentors/mentorprofile_list.html", {"page": page, "rows": rows})


def _edit(request, membership, template, done_url):
    profile = MentorProfile.objects.filter(
        organisation=membership.organisation, user=membership.user
    ).first() or MentorProfile(organisation=membership.organisation, user=membership.user)
    form = MentorProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The mentor profile of %(name)s is saved.") % {"name": membership.user})
        return redirect(done_url)
    return render(request, template, {"form": form, "mentor": membership.user, "profile": profile})


@role_required(Role.HR)
def profile_edit(request, user_pk):
    mentors = Membership.objects.mentors_of(request.membership.organisation)
    membership = get_visible_or_404(mentors.select_related("user", "organisation"), request.user, user_id=user_pk)
    return _edit(request, membership, "mentors/mentorprofile_form.html", "mentors:profiles")


@role_required(Role.MENTOR)
def my_profile(request):
    return _edit(request, request.membership, "mentors/mentorprofile_form.html", "mentors:my_profile")


@role_required(Role.MENTOR)
def mentees(request):
    traineeships = mentees_of(request.user)
    page = Paginator(traineeships, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"traineeship": t, "reasons": reasons(t)} for t in page]
    return render(request, "mentors/mentees.html", {"page": page, "rows": rows})
