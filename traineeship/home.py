"""Each role's home page: what that person needs first after signing in.

The home pages know every app, so they live at the top; each app contributes
through a small selector of its own.
"""

from django.core.paginator import Paginator

from organisations.models import Invitation, Membership, Role
from portfolios import selectors as portfolio_selectors


def hr_home(request) -> dict:
    organisation = request.membership.organisation
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name", "role")
    )
    return {
        "people": Paginator(memberships, 10).get_page(1),
        "invitations": Invitation.objects.open().filter(organisation=organisation).select_related("invited_by")[:20],
    }


def _portfolios(request) -> dict:
    return {
        "portfolios": Paginator(
            portfolio_selectors.portfolios_for(request.user, request.membership.organisation), 10
        ).get_page(request.GET.get("page"))
    }


def manager_home(request) -> dict:
    return _portfolios(request)


def mentor_home(request) -> dict:
    return _portfolios(request)


def trainee_home(request) -> dict:
    return {}


def coordinator_home(request) -> dict:
    return {}


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
