"""A person's copy of their data, and erasure on request (HR)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Membership, Role
from organisations.privacy import Scope, own
from traineeship import privacy


def _zip_response(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def my_data(request):
    return render(request, "privacy/my_data.html")


@require_POST
def my_data_download(request):
    filename, content = privacy.build_data_export(own(request.user))
    return _zip_response(filename, content)


def _person_in_my_organisation(request, pk) -> Membership:
    membership = get_visible_or_404(Membership.objects.select_related("user", "organisation"), request.user, pk=pk)
    require(membership.organisation_id == request.membership.organisation_id)
    return membership


def _scope(request, membership: Membership) -> Scope:
    """HR acts for its own organisation only: its records about the person, as far as HR may read them."""
    return Scope(person=membership.user, reader=request.user, organisation=membership.organisation)


@require_POST
@role_required(Role.HR)
def person_data_download(request, pk):
    membership = _person_in_my_organisation(request, pk)
    filename, content = privacy.build_data_export(_scope(request, membership))
    return _zip_response(filename, content)


@role_required(Role.HR)
def person_erase(request, pk):
    membership = _person_in_my_organisation(request, pk)
    person = membership.user
    scope = _scope(request, membership)
    if person.pk == request.user.pk:
        messages.error(request, _("You cannot erase your own data here; ask another HR adviser."))
        return redirect("organisations:people")
    blockers = privacy.erasure_blockers(scope)
    if request.method == "POST":
        if blockers:
            messages.error(request, _("This person's data cannot be erased yet."))
        elif request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the erasure."))
        else:
            name = person.name
            privacy.erase_person(scope)
            messages.success(request, _("The data of %(name)s has been erased.") % {"name": name})
            return redirect("organisations:people")
    return render(
        request,
        "privacy/person_erase.html",
        {"membership": membership, "person": person, "blockers": blockers, "summary": privacy.erasure_summary(scope)},
    )
