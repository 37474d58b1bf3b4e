"""Writing many demo rows fast: PostgreSQL's COPY where it runs, ``bulk_create`` elsewhere.

Ids are handed out ahead (``reserve``), so rows that point at each other (a traineeship's
placement, a goal's progress) are built in Python without reading anything back; ``write``
then brings the id sequence past them. Fields a row leaves out get their model default,
computed once per write (``auto_now`` fields: the time of the write).
"""

from django.db import connection
from django.db.models import Max
from django.utils import timezone

BATCH = 2000


def reserve(model, count: int) -> range:
    """``count`` ids above every id in ``model``'s table, for rows written by ``write``."""
    start = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    return range(start, start + count)


def _defaults(model) -> dict:
    now = timezone.now()
    values = {}
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values[field.attname] = now
        elif field.has_default() or field.null or field.empty_strings_allowed:
            values[field.attname] = field.get_default()
    return values


def write(model, rows: list[dict]) -> int:
    """Insert ``rows`` (dicts by attribute name, each with its ``id`` from ``reserve``; choices as
    plain values, which is what COPY writes)."""
    if not rows:
        return 0
    fields = model._meta.concrete_fields
    defaults = _defaults(model)
    names = [field.attname for field in fields]
    if connection.vendor != "postgresql":
        for start in range(0, len(rows), BATCH):
            model.objects.bulk_create([model(**{**defaults, **row}) for row in rows[start : start + BATCH]])
        return len(rows)
    # Choices are str/int subclasses; their plain value is what the column holds.
    plain = {name: _plain(value) for name, value in defaults.items()}
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([row[name] if name in row else plain[name] for name in names])
        for sql in connection.ops.sequence_reset_sql(_no_style(), [model]):
            cursor.execute(sql)
    return len(rows)


def _plain(value):
    # TextChoices/IntegerChoices members: COPY wants the value, not an enum.
    if hasattr(value, "_value_"):
        return value._value_
    return value


def _no_style():
    from django.core.management.color import no_style

    return no_style()
