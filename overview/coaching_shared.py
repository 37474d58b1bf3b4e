"""What a coach reads of the portfolio, composed here so that coaching and portfolios never import
each other: only the reflections the trainee shared with the coach."""

from django.utils.translation import gettext_lazy as _

from coaching.shared import SharedGroup, SharedItem, register_provider
from portfolios.selectors import shared_with_coach


def _reflections(traineeship) -> SharedGroup:
    items = [SharedItem(day=r.written_on, text=r.text) for r in shared_with_coach(traineeship)]
    return SharedGroup(_("Reflections"), items)


def register() -> None:
    register_provider(_reflections)
