"""This app's part of an erasure (see ``privacy.services``): the overview files that may name the person.

An overview export lists an organisation's traineeships by name and is kept for a day
(``OverviewExport.KEPT_FOR``). Erasing a person, or a traineeship at the end of its retention
term, removes the organisation's exports at once rather than leave the name in a file until then.
"""

from django.utils.translation import ngettext

from organisations.privacy import Scope
from overview.models import OverviewExport


def _exports(scope: Scope):
    """The exports of the organisations in scope (``Scope.memberships``: HR's own, or all the person's)."""
    return OverviewExport.objects.filter(organisation__in=scope.memberships().values("organisation"))


def personal_data(scope: Scope) -> dict:
    return {}  # a file of the organisation's list, not data about the person who asked for it


def files(scope: Scope):
    return []


def erasure_blockers(scope: Scope) -> list[str]:
    return []


def erasure_summary(scope: Scope) -> list[str]:
    count = _exports(scope).count()
    if not count:
        return []
    return [
        ngettext(
            "%(count)s download of the overview from the last day, which may name the person",
            "%(count)s downloads of the overview from the last day, which may name the person",
            count,
        )
        % {"count": count}
    ]


def erase(scope: Scope) -> None:
    _exports(scope).remove()


def purge_traineeship(traineeship) -> None:
    OverviewExport.objects.filter(organisation=traineeship.programme.owner_id).remove()
