"""Each role's home page: what that person needs first after signing in.

The home pages know every app, so they live at the top; each app contributes
through a small selector of its own.
"""

from django.core.paginator import Paginator

from organisations.models import Invitation, Membership, Role
from programmes.models import Traineeship


def traineeship_summary(request) -> dict:
    """Counts per step of the active organisation's traineeships (one query), for HR and coordinators."""
    from traineeship.views_traineeships import step_counts

    traineeships = Traineeship.objects.visible_to(request.user).of_organisation(request.membership.organisation)
    counts = step_counts(traineeships)
    return {"step_counts": counts, "traineeship_total": sum(row["count"] for row in counts)}


def hr_home(request) -> dict:
    organisation = request.membership.organisation
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name", "role")
    )
    return {
        **traineeship_summary(request),
        "people": Paginator(memberships, 10).get_page(1),
        "invitations": Invitation.objects.open().filter(organisation=organisation).select_related("invited_by")[:20],
    }


def manager_home(request) -> dict:
    return {}


def mentor_home(request) -> dict:
    return {}


def trainee_home(request) -> dict:
    return {}


def coordinator_home(request) -> dict:
    return traineeship_summary(request)


HOME_CONTEXT = {
    Role.HR: hr_home,
    Role.MANAGER: manager_home,
    Role.MENTOR: mentor_home,
    Role.TRAINEE: trainee_home,
    Role.COORDINATOR: coordinator_home,
}


def home_for(request) -> tuple[str, dict]:
    role = request.membership.role
    return f"home/{role}.html", HOME_CONTEXT[role](request)
