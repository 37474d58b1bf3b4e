"""A person's copy of their data, and erasure on request (HR)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import encoding
from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Membership, Role
from traineeship import privacy


def _zip_response(filename: str, content: bytes) -> HttpResponse:
    return encoding.attach(HttpResponse(content, content_type="application/zip"), filename)


def my_data(request):
    return render(request, "privacy/my_data.html")


@require_POST
def my_data_download(request):
    organisation = request.membership.organisation if request.membership else None
    filename, content = privacy.build_data_export(
        user=request.user, requested_by=request.user, organisation=organisation
    )
    return _zip_response(filename, content)


def _person_in_my_organisation(request, pk) -> Membership:
    membership = get_visible_or_404(Membership.objects.select_related("user", "organisation"), request.user, pk=pk)
    require(membership.organisation_id == request.membership.organisation_id)
    return membership


@require_POST
@role_required(Role.HR)
def person_data_download(request, pk):
    membership = _person_in_my_organisation(request, pk)
    filename, content = privacy.build_data_export(
        user=membership.user, requested_by=request.user, organisation=membership.organisation
    )
    return _zip_response(filename, content)


@role_required(Role.HR)
def person_erase(request, pk):
    membership = _person_in_my_organisation(request, pk)
    person = membership.user
    if person.pk == request.user.pk:
        messages.error(request, _("You cannot erase your own data here; ask another HR adviser."))
        return redirect("organisations:people")
    blockers = privacy.erasure_blockers(person)
    if request.method == "POST":
        if blockers:
            messages.error(request, _("This person's data cannot be erased yet."))
        elif request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the erasure."))
        else:
            name = person.name
            privacy.erase_person(user=person, erased_by=request.user, organisation=membership.organisation)
            messages.success(request, _("The data of %(name)s has been erased.") % {"name": name})
            return redirect("organisations:people")
    return render(
        request,
        "privacy/person_erase.html",
        {"membership": membership, "person": person, "blockers": blockers, "summary": privacy.erasure_summary(person)},
    )
