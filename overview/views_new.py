"""The "new traineeship" action of the traineeship list and HR's home.

A traineeship belongs to a programme; with one programme HR goes straight to its form,
with several HR chooses the programme first.
"""

from django.db.models import Q
from django.shortcuts import redirect, render

from organisations.access import role_required
from organisations.models import Role
from organisations.submissions import single_submission
from programmes.models import Programme


def programmes_for_new_traineeship(request):
    """Programmes of the current organisation (or coordinated by the user) in which the user may add a traineeship."""
    organisation = request.membership.organisation
    return (
        Programme.objects.managed_by(request.user)
        .filter(Q(owner=organisation) | Q(coordinator=request.user))
        .order_by("name")
    )


@role_required(Role.HR, Role.COORDINATOR)
@single_submission
def traineeship_new(request):
    programmes = list(programmes_for_new_traineeship(request))
    if len(programmes) == 1:
        return redirect("programmes:traineeship_create", pk=programmes[0].pk)
    return render(request, "traineeships/traineeship_new.html", {"programmes": programmes})
