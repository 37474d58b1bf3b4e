"""A person's copy of their data, and erasure on request (HR)."""

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.access import get_visible_or_404, require, role_required
from organisations.downloads import stored_download
from organisations.models import DataCopy, Membership, Role
from organisations.privacy import Scope
from organisations.submissions import single_submission
from privacy import services
from privacy.tasks import build_data_copy


def my_data(request):
    return render(request, "privacy/my_data.html")


def _start_copy(request, *, person, organisation):
    """The ZIP renders PDFs and gathers files: the worker builds it, the page shows its progress."""
    # Earlier copies of the same data by the same person are replaced, files and all.
    for earlier in DataCopy.objects.filter(person=person, requested_by=request.user):
        if earlier.stored_name:
            default_storage.delete(earlier.stored_name)
        earlier.delete()
    copy = DataCopy.objects.create(
        person=person, requested_by=request.user, organisation=organisation, language=translation.get_language()
    )
    build_data_copy.enqueue(copy_id=copy.pk)
    return redirect("privacy_data_copy", pk=copy.pk)


@require_POST
@single_submission
def my_data_download(request):
    # The person's own copy covers everything about them, in every organisation.
    return _start_copy(request, person=request.user, organisation=None)


def _person_in_my_organisation(request, pk) -> Membership:
    membership = get_visible_or_404(Membership.objects.select_related("user", "organisation"), request.user, pk=pk)
    require(membership.organisation_id == request.membership.organisation_id)
    return membership


def _scope(request, membership: Membership) -> Scope:
    """HR acts for its own organisation only: its records about the person, as far as HR may read them."""
    return Scope(person=membership.user, reader=request.user, organisation=membership.organisation)


@require_POST
@role_required(Role.HR)
@single_submission
def person_data_download(request, pk):
    membership = _person_in_my_organisation(request, pk)
    return _start_copy(request, person=membership.user, organisation=membership.organisation)


@require_GET
def data_copy(request, pk):
    copy = get_visible_or_404(DataCopy.objects.select_related("person"), request.user, pk=pk)
    template = "privacy/data_copy.html#progress" if request.htmx else "privacy/data_copy.html"
    return render(request, template, {"copy": copy})


@require_GET
def data_copy_download(request, pk):
    copy = get_visible_or_404(DataCopy.objects.filter(status=DataCopy.Status.DONE), request.user, pk=pk)
    name = copy.file_name or "traineeship-data"
    response = stored_download(copy.stored_name, content_type="application/zip", name=name, stream=True)
    if response is None:
        raise Http404
    return response


@role_required(Role.HR)
def person_erase(request, pk):
    membership = _person_in_my_organisation(request, pk)
    person = membership.user
    scope = _scope(request, membership)
    if person.pk == request.user.pk:
        messages.error(request, _("You cannot erase your own data here; ask another HR adviser."))
        return redirect("organisations:people")
    blockers = services.erasure_blockers(scope)
    if request.method == "POST":
        if blockers:
            messages.error(request, _("This person's data cannot be erased yet."))
        elif request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the erasure."))
        else:
            name = person.name
            services.erase_person(scope)
            messages.success(request, _("The data of %(name)s has been erased.") % {"name": name})
            return redirect("organisations:people")
    return render(
        request,
        "privacy/person_erase.html",
        {"membership": membership, "person": person, "blockers": blockers, "summary": services.erasure_summary(scope)},
    )
