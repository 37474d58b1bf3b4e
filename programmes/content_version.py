"""Keeping each traineeship's content version current: every save or delete of a record a document
is made of stamps the traineeships it belongs to (``programmes.models.TraineeshipVersion``).

Each app declares its own records in its ``ready()`` with ``track`` (a path from the record to its
traineeship) or ``track_wide`` (a lookup from ``Traineeship`` to the record, for names and
settings many traineeships show). Signals catch every ORM save and delete, including the admin
and forms outside the services; ``bulk_create``/``update`` are not seen, so a service that writes
that way calls ``touch`` itself.
"""

import time

from django.db.models.signals import m2m_changed, post_delete, post_save


def _stamp(traineeship_ids) -> None:
    from programmes.models import TraineeshipVersion

    ids = {pk for pk in traineeship_ids if pk is not None}
    if not ids:
        return
    version = time.time_ns()
    TraineeshipVersion.objects.bulk_create(
        [TraineeshipVersion(traineeship_id=pk, version=version) for pk in ids],
        update_conflicts=True,
        unique_fields=["traineeship"],
        update_fields=["version"],
    )


def touch(traineeships) -> None:
    """Mark the documents of ``traineeships`` (ids, instances or a queryset) as changed."""
    from programmes.models import Traineeship

    if hasattr(traineeships, "values_list"):
        ids = list(traineeships.values_list("pk", flat=True))
    else:
        ids = [t.pk if isinstance(t, Traineeship) else t for t in traineeships]
    _stamp(ids)


def current(traineeship) -> int:
    from programmes.models import TraineeshipVersion

    row = TraineeshipVersion.objects.filter(traineeship_id=traineeship.pk).values_list("version", flat=True).first()
    return row or 0


def _ids_via(model, path: str, instance) -> list:
    """Traineeship ids of ``instance`` along ``path`` ("traineeship", "goal__traineeship")."""
    first, _sep, rest = path.partition("__")
    field = model._meta.get_field(first)
    fk = getattr(instance, field.attname)
    if fk is None:
        return []
    if not rest:
        return [fk]
    return list(field.related_model.objects.filter(pk=fk).values_list(rest, flat=True))


def track(model, path: str, *, m2m: tuple[str, ...] = (), deletes: bool = True) -> None:
    """Stamp the traineeship reached from a saved or deleted ``model`` by ``path``; ``m2m``: its
    many-to-many fields whose changes count too."""

    def changed(sender, instance, **kwargs):
        _stamp(_ids_via(model, path, instance))

    def deleted(sender, instance, origin=None, **kwargs):
        # Part of a bigger delete (a goal's progress with its goal, a traineeship's records with it):
        # the record deleted first stamps, and a traineeship being deleted needs no stamp at all.
        origin_model = getattr(origin, "model", None) or getattr(getattr(origin, "_meta", None), "model", None)
        if origin_model is not None and origin_model is not model:
            return
        _stamp(_ids_via(model, path, instance))

    def m2m_change(sender, instance, action, reverse, model: type, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if not reverse:
            _stamp(_ids_via(type(instance), path, instance))
        elif pk_set:
            for pk in pk_set:
                owner = owner_model.objects.filter(pk=pk).first()
                if owner is not None:
                    _stamp(_ids_via(owner_model, path, owner))

    owner_model = model
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"content-version-{model._meta.label}")
    if deletes:
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"content-version-del-{model._meta.label}")
    for name in m2m:
        through = model._meta.get_field(name).remote_field.through
        m2m_changed.connect(
            m2m_change, sender=through, weak=False, dispatch_uid=f"content-version-{model._meta.label}-{name}"
        )


def track_wide(model, lookup: str, *, fields: set[str] | None = None) -> None:
    """Stamp every traineeship with ``Traineeship.objects.filter(<lookup>=instance)``; with ``fields``,
    only a save that may touch one of them counts (a sign-in's ``last_login`` does not)."""
    from programmes.models import Traineeship

    def changed(sender, instance, update_fields=None, **kwargs):
        if fields and update_fields is not None and not (set(update_fields) & fields):
            return
        touch(Traineeship.objects.filter(**{lookup: instance.pk}).distinct())

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"content-version-{model._meta.label}-{lookup}")
