"""What every portfolio view shares: the scoped traineeship, pagination, the site address."""

from django.conf import settings
from django.core.paginator import Paginator

from organisations.access import get_visible_or_404, require
from organisations.permissions import ReadRule
from portfolios import selectors
from portfolios.permissions import PORTFOLIO
from programmes.models import (
    Traineeship,
)
from programmes.permissions import Relation, portfolio_windows, relations_of

PAGE_SIZE = 20


def _traineeship(request, pk, rule: ReadRule = PORTFOLIO) -> tuple[Traineeship, frozenset]:
    """The traineeship (404 outside the user's scope) and their relations; 403 unless ``rule`` lets them read."""
    traineeship = get_visible_or_404(selectors.traineeship_for_portfolio(), request.user, pk=pk)
    relations = relations_of(request.user, traineeship)
    require(rule.allows(relations))
    return traineeship, relations


def _windows(request, traineeship, relations):
    """The periods whose records the viewer reads (``None``: the whole portfolio)."""
    return portfolio_windows(request.user, traineeship, relations)


def _whole_portfolio(request, pk) -> tuple[Traineeship, frozenset]:
    """As ``_traineeship``, for parts not dated by a placement (403 to a partner's staff reading a part)."""
    traineeship, relations = _traineeship(request, pk)
    require(_windows(request, traineeship, relations) is None)
    return traineeship, relations


def _trainee_only(request, pk) -> Traineeship:
    traineeship, relations = _traineeship(request, pk)
    require(Relation.TRAINEE in relations)
    return traineeship


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _base_url(request) -> str:
    return request.build_absolute_uri("/") if request else settings.SITE_URL
