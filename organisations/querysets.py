"""Scopes as a UNION of indexed look-ups, not an OR across joined tables (issue 13).

An OR whose branches lie in different tables (the trainee of a traineeship, or the owner of its
programme, or a placement) cannot use an index on PostgreSQL: at 100,000 traineeships it read
every row of every organisation on every page. ``pk__in=any_of(...)`` is one semi-join on look-ups
that each use an index. ``tests/operations/test_scope_plans.py`` keeps the scopes in this shape.
"""

from functools import lru_cache, wraps

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


def any_of(first: QuerySet, *others: QuerySet) -> QuerySet:
    """The ids any of the one-column querysets select (a UNION; its parts cannot be ordered)."""
    if not others:
        return first.order_by()
    return first.order_by().union(*(other.order_by() for other in others))


def compiled_once(build):
    """``build(*key)`` returns a one-column queryset; the decorated function returns it as SQL,
    compiled once per key (hashable values: ids, dates) and database vendor.

    A scope of six unions with nested subqueries costs Django 10-15 ms to build and compile, and
    a page filters by it several times; its SQL is the same for the same key. What the key holds
    is read afresh by the caller on every call (a person's roles), so nothing read from the
    database is kept here, only the text made from it.
    """

    @lru_cache(maxsize=2048)
    def compile_sql(vendor, *key):
        queryset = build(*key)
        try:
            return _as_subquery_sql(queryset)
        except EmptyResultSet:  # e.g. ``__in`` an empty list: the same column, from no row
            nothing = queryset.model.objects.filter(pk__isnull=True)
            return _as_subquery_sql(nothing.values(*queryset.query.values_select))

    @wraps(build)
    def as_raw_sql(*key) -> RawSQL:
        return RawSQL(*compile_sql(connection.vendor, *key))

    as_raw_sql.cache_clear = compile_sql.cache_clear
    return as_raw_sql


def _as_subquery_sql(queryset) -> tuple[str, tuple]:
    query = queryset.query.clone()
    # As Django does for a queryset on the right of ``__in``.
    query.clear_ordering(clear_default=True)
    query.subquery = True
    sql, params = query.as_sql(None, connection)
    # Query.as_sql parenthesises a subquery; RawSQL adds its own parentheses.
    return sql.removeprefix("(").removesuffix(")"), tuple(params)


class IdsFirst:
    """A long scoped list for ``Paginator``, read in two steps: the page's ids by the list's own query,
    which then selects only the id, then those rows through ``rows(ids)`` with everything a row shows.

    Joined first, a list of one organisation's 5,000 traineeships carried every column of every person,
    programme and stored state into the sort for the 25 rows of a page: 60-90 ms on PostgreSQL, where
    the ids alone take about 20 ms (issue 13). ``rows`` reads only the ids it is given, all from the
    scoped query, so it needs no scope of its own.
    """

    def __init__(self, queryset: QuerySet, rows):
        self.queryset = queryset
        self.rows = rows

    @property
    def ordered(self) -> bool:
        return self.queryset.ordered

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list:
        ids = list(self.queryset.prefetch_related(None).values_list("pk", flat=True)[index])
        found = {row.pk: row for row in self.rows(ids)}
        return [found[pk] for pk in ids if pk in found]
