"""Scopes as a UNION of indexed look-ups, not an OR across joined tables (issue 13).

An OR whose branches lie in different tables (the trainee of a traineeship, or the owner of its
programme, or a placement) cannot use an index on PostgreSQL: at 100,000 traineeships it read
every row of every organisation on every page. ``pk__in=any_of(...)`` is one semi-join on look-ups
that each use an index. ``tests/operations/test_scope_plans.py`` keeps the scopes in this shape.
"""

from django.db.models import QuerySet


def any_of(first: QuerySet, *others: QuerySet) -> QuerySet:
    """The ids any of the one-column querysets select (a UNION; its parts cannot be ordered)."""
    return first.order_by().union(*(other.order_by() for other in others))
