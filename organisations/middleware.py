"""Resolve the signed-in user's memberships and active membership once per request."""

from organisations.models import Membership, Role

SESSION_KEY = "active_membership_id"

# When a person holds several roles, the first sign-in lands in the most
# hands-on one; they can switch at any time.
ROLE_PRIORITY = [Role.TRAINEE, Role.MENTOR, Role.HR, Role.MANAGER, Role.COORDINATOR, Role.COACH]


def memberships_of(user) -> list[Membership]:
    memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
    memberships.sort(key=lambda m: (m.organisation.name, ROLE_PRIORITY.index(m.role)))
    return memberships


def choose_active(memberships: list[Membership], wanted_pk: int | None) -> Membership | None:
    for membership in memberships:
        if membership.pk == wanted_pk:
            return membership
    if memberships:
        return min(memberships, key=lambda m: ROLE_PRIORITY.index(m.role))
    return None


class ActiveMembershipMiddleware:
    """Sets ``request.memberships`` (all of the user's) and ``request.membership``
    (the active one: it decides the home page, navigation and organisation lists)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.memberships = []
        request.membership = None
        if request.user.is_authenticated:
            request.memberships = memberships_of(request.user)
            request.membership = choose_active(request.memberships, request.session.get(SESSION_KEY))
        return self.get_response(request)
