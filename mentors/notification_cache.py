"""The navigation's notification count (and the home page's notices), cached until something
they depend on changes.

Counting means computing every notice of a person (about ten queries, most of the time spent
building them): on every page, that was a third of the server's time. The count is cached per
person and day under the id of the newest ``ChangeMark``. Every write to a table of the apps the
notices are made of (people and roles, programmes, traineeships and placements, meetings,
agreements, escalations, read state) writes a new mark: the database layer sees each statement
(``connection.execute_wrapper``), so updates, bulk inserts and deletes count as much as saves.

The mark is written after the commit, so a page that reads the newest mark and then counts sees
every change whose mark it read, whichever transaction committed first. Inside a transaction it
is also written at once if something was read from the cache there since the last mark (tests
never commit).
"""

import re
from datetime import date

from django.apps import apps
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Max
from django.db.models.signals import post_migrate, pre_migrate

# The apps whose records the notices are made of (``mentors.notices``, ``programmes.permissions``).
WATCHED_APPS = ("organisations", "programmes", "mentors")
# Written often and never part of a notice: the audit trail, the mail queue, replay receipts,
# background copies, the documents' versions, and the marks themselves.
IGNORED_MODELS = {
    "organisations.AuditEntry",
    "organisations.OutgoingMail",
    "organisations.SubmissionReceipt",
    "organisations.DataCopy",
    "programmes.TraineeshipVersion",
    "mentors.ChangeMark",
}
WRITE = re.compile(r'(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
# Columns of watched tables that no notice reads, written often: an update of these alone
# leaves every count cached (each sign-in sets last_login; it used to empty every count).
IGNORED_COLUMNS = {"organisations_user": frozenset({"last_login"})}
SET_COLUMN = re.compile(r'(?:\bSET|,)\s*"?(\w+)"?\s*=')
PRUNE_EVERY = 1000
CACHED_SECONDS = 24 * 60 * 60
_watched_tables: frozenset[str] = frozenset()
# Migrations write before the marks' table exists; a migrated database starts with no cached count.
_migrating = False


def _write_mark() -> None:
    from mentors.models import ChangeMark

    mark = ChangeMark.objects.create()
    if mark.pk % PRUNE_EVERY == 0:
        ChangeMark.objects.filter(pk__lt=mark.pk).delete()


def changed(db_connection=None) -> None:
    """Mark that notifications may have changed (the database layer calls this for every write it
    sees; call it after writes it does not, such as PostgreSQL's COPY)."""
    conn = db_connection or connection
    if not conn.in_atomic_block:
        _write_mark()
        return
    if getattr(conn, "notifications_cached", None) is _transaction(conn):
        conn.notifications_cached = None
        _write_mark()
    if not any(func is _write_mark for _sids, func, *_rest in conn.run_on_commit):
        transaction.on_commit(_write_mark, using=conn.alias)


def _transaction(conn):
    """The outermost atomic block of ``conn``'s transaction (None outside one): a read remembers it,
    so a count read before this transaction began (every page view reads one) is not taken for a
    read inside it, which would write a mark at once besides the one at the commit. (A function
    decorated with ``atomic`` enters the same block object on every call: at worst an extra mark.)"""
    return conn.atomic_blocks[0] if conn.in_atomic_block and conn.atomic_blocks else None


def latest_mark() -> int:
    from mentors.models import ChangeMark

    return ChangeMark.objects.aggregate(newest=Max("pk"))["newest"] or 0


def key(name: str, user_id: int, today: date) -> str:
    """Where ``cached`` keeps ``name`` for this person and day, as of the newest mark."""
    return f"notifications:{name}:{user_id}:{today.isoformat()}:{latest_mark()}"


def cached(name: str, user_id: int, today: date, compute):
    """``compute()``, or its result cached for this person, day and newest mark (never None)."""
    key_now = key(name, user_id, today)
    value = cache.get(key_now)
    if value is None:
        value = compute()
        cache.set(key_now, value, CACHED_SECONDS)
    connection.notifications_cached = _transaction(connection)
    return value


def _marking_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if not _migrating and sql[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        written = WRITE.match(sql)
        if written and written.group(1) in _watched_tables and not _only_ignored_columns(sql, written.group(1)):
            changed(context["connection"])
    return result


def _only_ignored_columns(sql: str, table: str) -> bool:
    ignored = IGNORED_COLUMNS.get(table)
    if not ignored or sql[:6].upper() != "UPDATE":
        return False
    assignments = sql.split(" WHERE ", 1)[0]
    columns = set(SET_COLUMN.findall(assignments))
    return bool(columns) and columns <= ignored


def _install(sender=None, connection=None, **kwargs) -> None:
    if _marking_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_marking_writes)


def _migration_starts(**kwargs) -> None:
    global _migrating
    _migrating = True


def _migration_ends(**kwargs) -> None:
    global _migrating
    _migrating = False


def watch() -> None:
    """Mark every write to a watched table, on every database connection (called once, at start)."""
    global _watched_tables
    _watched_tables = frozenset(
        model._meta.db_table
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.label not in IGNORED_MODELS
    )
    connection_created.connect(_install, dispatch_uid="notification-cache-writes")
    pre_migrate.connect(_migration_starts, dispatch_uid="notification-cache-migrating")
    post_migrate.connect(_migration_ends, dispatch_uid="notification-cache-migrated")
    for opened in connections.all(initialized_only=True):
        _install(connection=opened)
