"""The main navigation: each role sees only what it may use.

An app adds its pages here with the roles that need them.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Role

EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset


NAV_ITEMS = [
    NavItem(_("Home"), "home", EVERYONE),
    NavItem(_("People"), "organisations:people", frozenset({Role.HR})),
    NavItem(_("My portfolio"), "portfolios:mine", frozenset({Role.TRAINEE})),
    NavItem(_("Portfolio exports"), "portfolios:exports", frozenset({Role.MANAGER, Role.HR})),
]


def items_for(role: str | None) -> list[NavItem]:
    return [item for item in NAV_ITEMS if role in item.roles]


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
        entries.append({"label": item.label, "url": url, "current": current})
    return {"nav_items": entries}
