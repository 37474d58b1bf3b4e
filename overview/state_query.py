"""The query behind ``TraineeshipState``, compiled once per day for the few traineeships a write touches.

Every saved row of a traineeship refreshes its state in the same transaction (``overview.state``).
The query joins the stappenplan of every app and every risk signal: Django spent about 50 ms
building and compiling its 23,000 characters, the database 1-4 ms running it, on every save.
For one day and a given number of traineeships the text is always the same, only the ids differ:
it is compiled once with stand-in ids, and each refresh puts the real ids in their places.
"""

from datetime import date
from functools import lru_cache

from django.db import connection, models
from django.db.models import OuterRef, Subquery

from mentors.risks import annotate_risks
from mentors.selectors import next_meeting_subquery
from overview.stappenplan import annotate_steps
from programmes.lifecycle import running_q
from programmes.models import STATE_FIELDS, Placement, Traineeship

# The stored fields the query computes as they are (``STATE_FIELDS``), and what two of them are
# made from: the current mentor counts only while the traineeship runs; the day is the caller's.
NAMES = [
    "pk",
    *(name for name in STATE_FIELDS if name not in ("computed_for", "current_mentor_id")),
    "mentor_now",
    "running_now",
]
DATES = ("last_meeting_on", "next_meeting_on")
# A write touches one traineeship, a few at most; bigger sets (the demo, the daily command) are
# compiled as they come.
COMPILED_UP_TO = 8
# Stand-in ids no row has, distinct from every other parameter of the query.
STAND_IN = -987_654_321_000


def state_values(traineeship_ids, today: date):
    """Rows of ``NAMES`` for the given traineeships (all when ``None``), ordered by id."""
    ids = None if traineeship_ids is None else sorted(set(traineeship_ids))
    compiled = _compiled(connection.vendor, today, len(ids)) if ids and len(ids) <= COMPILED_UP_TO else None
    if compiled is None:
        yield from _values(ids, today).iterator(chunk_size=2000)
        return
    sql, params, places, names = compiled
    params = list(params)
    for place, pk in zip(places, ids, strict=True):
        params[place] = pk
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values = dict(zip(names, row, strict=True))
            for name in DATES:  # SQLite answers dates as text
                if isinstance(values[name], str):
                    values[name] = date.fromisoformat(values[name])
            yield values


def _values(ids, today):
    queryset = Traineeship.objects.all() if ids is None else Traineeship.objects.filter(pk__in=ids)
    current = Placement.objects.filter(
        traineeship=OuterRef("pk"), start_date__lte=today, end_date__gte=today, mentor__isnull=False
    ).order_by("start_date", "pk")
    queryset = queryset.annotate(
        next_meeting_on=next_meeting_subquery(today),
        mentor_now=Subquery(current.values("mentor")[:1]),
        running_now=models.ExpressionWrapper(running_q(today), output_field=models.BooleanField()),
    )
    return annotate_steps(annotate_risks(queryset, today)).order_by("pk").values(*NAMES)


@lru_cache(maxsize=64)
def _compiled(vendor: str, today: date, count: int):
    """(sql, params, the places of the ids among the params, the column names), or None when the
    stand-in ids cannot be told apart from the other parameters."""
    stand_ins = [STAND_IN - index for index in range(count)]
    query = _values(stand_ins, today).query
    sql, params = query.get_compiler(connection=connection).as_sql()
    places = [index for index, value in enumerate(params) if value in stand_ins]
    if len(places) != count:
        return None
    places.sort(key=lambda place: stand_ins.index(params[place]))
    # As Django's ValuesIterable names the columns.
    names = list(query.selected) if query.selected else [*query.values_select, *query.annotation_select]
    return sql, tuple(params), places, names
