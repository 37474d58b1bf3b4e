"""Per request: the signed-in user's memberships and active membership; answers to a signed-in
person kept from caches; a page for a form's address opened as a page."""

from django.shortcuts import render
from django.utils.cache import patch_cache_control

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


class PrivateAnswersMiddleware:
    """What a signed-in person is shown holds their data or others' (a portfolio, an evaluation), so
    no browser or proxy keeps it: Back after signing out on a shared computer asks the server again
    (and gets the sign-in page) instead of showing the last page. A view that sets its own
    ``Cache-Control`` keeps it; files get the same from ``encoding.attach`` whoever asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class MethodNotAllowedPageMiddleware:
    """A page instead of Django's empty answer when a browser opens the address of a form's action
    (an old bookmark, a link copied from the address bar): the 405 stays, with a way on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.method not in ("GET", "HEAD") or getattr(request, "htmx", False):
            return response
        if getattr(response, "streaming", False) or response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page
