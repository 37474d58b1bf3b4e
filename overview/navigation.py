"""The main navigation: each role sees only what it may use.

An app adds its pages here with the roles that need them.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Role

EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset
    # Rarely used pages sit in a "More" menu, so the main menu stays on one row at 1280 px.
    more: bool = False


NAV_ITEMS = [
    NavItem(_("Home"), "home", EVERYONE),
    # The work of each role first, then reference data, then administration.
    NavItem(_("Traineeships"), "traineeship_list", frozenset({Role.HR, Role.COORDINATOR})),
    NavItem(_("Overview"), "manager_overview", frozenset({Role.MANAGER})),
    NavItem(_("My mentees"), "mentors:mentees", frozenset({Role.MENTOR})),
    NavItem(_("My portfolio"), "portfolios:mine", frozenset({Role.TRAINEE})),
    NavItem(_("My coachees"), "coaching:coachees", frozenset({Role.COACH})),
    NavItem(_("Meetings"), "mentors:meetings", frozenset({Role.MENTOR, Role.TRAINEE})),
    NavItem(_("Agreements"), "mentors:agreements", frozenset({Role.MENTOR, Role.TRAINEE})),
    NavItem(_("Programmes"), "programmes:programme_list", frozenset({Role.HR, Role.COORDINATOR})),
    NavItem(_("Partnerships"), "programmes:partner_invitations", frozenset({Role.HR}), more=True),
    NavItem(_("Mentors"), "mentors:profiles", frozenset({Role.HR})),
    NavItem(_("Learning activities"), "programmes:inventory", frozenset({Role.HR}), more=True),
    NavItem(_("Frameworks"), "programmes:framework_list", frozenset({Role.HR}), more=True),
    NavItem(_("Registers"), "programmes:register_list", frozenset({Role.HR}), more=True),
    NavItem(_("Portfolio exports"), "portfolios:exports", frozenset({Role.MANAGER, Role.HR}), more=True),
    NavItem(_("People"), "organisations:people", frozenset({Role.HR})),
    NavItem(_("Audit trail"), "organisations:audit_trail", frozenset({Role.HR, Role.MANAGER}), more=True),
    NavItem(_("Failed e-mails"), "organisations:failed_mail", frozenset({Role.HR}), more=True),
    NavItem(_("Settings"), "organisations:settings", frozenset({Role.HR}), more=True),
    NavItem(_("Position profiles"), "programmes:position_profile_list", frozenset({Role.HR}), more=True),
    # Short in English too: the trainee's menu stays on one row at 1280 px.
    NavItem(pgettext_lazy("menu", "Evaluation"), "evaluations:mine", frozenset({Role.TRAINEE})),
    NavItem(_("Programme evaluations"), "evaluations:results", frozenset({Role.HR, Role.COORDINATOR}), more=True),
]


# Pages of one traineeship live under other apps' addresses; they belong to "Traineeships".
TRAINEESHIP_PAGES = ("/programmes/traineeships/", "/programmes/placements/", "/mentors/traineeships/", "/traineeships/")


def items_for(role: str | None) -> list[NavItem]:
    return [item for item in NAV_ITEMS if role in item.roles]


def in_menu(role: str | None, url_name: str) -> bool:
    """Whether ``role`` has the page ``url_name`` in its menu (so a page may link to it)."""
    return any(item.url_name == url_name for item in items_for(role))


def navigation(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return {}
    path = request.path
    home = reverse("home")
    entries = []
    for item in items_for(membership.role):
        url = reverse(item.url_name)
        current = path == url if url == home else path.startswith(url)
        entries.append({"label": item.label, "url": url, "current": current, "name": item.url_name, "more": item.more})
    listing = next((entry for entry in entries if entry["name"] == "traineeship_list"), None)
    if listing is not None and path.startswith(TRAINEESHIP_PAGES):
        for entry in entries:
            entry["current"] = entry is listing
    # When one item's address lies inside another's (/programmes/frameworks/ in /programmes/),
    # only the closest match is the current page.
    matches = [entry for entry in entries if entry["current"]]
    if len(matches) > 1:
        closest = max(matches, key=lambda entry: len(entry["url"]))
        for entry in matches:
            entry["current"] = entry is closest
    return {
        "nav_items": [entry for entry in entries if not entry["more"]],
        "nav_more": [entry for entry in entries if entry["more"]],
        "nav_more_current": any(entry["current"] for entry in entries if entry["more"]),
        "notification_count": SimpleLazyObject(lambda: _unread(request)),
    }


def _unread(request) -> int:
    from mentors.notifications import unread_count

    return unread_count(request.user, timezone.localdate())
