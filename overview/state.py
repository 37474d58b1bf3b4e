"""Computes ``TraineeshipState`` from scratch and keeps it fresh on every change of its inputs.

The computation lives here because it joins the stappenplan of every app with the risk signals
of mentors (the learning-time signal included). Any saved or deleted row that belongs to a
traineeship (directly, or through one foreign key such as a goal's progress) refreshes that
traineeship's row in the same transaction, through ``post_save``/``post_delete``; so do a
programme's rhythm and learning time and an organisation's name. The daily command refreshes
every row for what changes with the date alone.
"""

from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete

from mentors.risks import SIGNALS
from organisations.models import Organisation
from overview.state_query import state_values
from programmes import state as hook
from programmes.models import STATE_FIELDS, DevelopmentDay, Placement, Programme, Traineeship, TraineeshipState

BATCH = 2000
# Rows that hang on a traineeship but are no input of its state (writing them must not refresh it).
NOT_INPUTS = {"programmes.TraineeshipState", "programmes.TraineeshipVersion", "portfolios.StoredPdf"}
_being_deleted: set[int] = set()


def computed_rows(traineeship_ids, today) -> list[dict]:
    """The state of the given traineeships (all when ``None``) as a fresh computation says."""
    rows = []
    for row in state_values(traineeship_ids, today):
        rows.append(
            {
                "traineeship_id": row["pk"],
                "computed_for": today,
                "current_step": row["current_step"],
                **{f"risk_{s}": bool(row[f"risk_{s}"]) for s in SIGNALS},
                "at_risk": bool(row["at_risk"]),
                "overdue_agreements": row["overdue_agreements"] or 0,
                "last_meeting_on": row["last_meeting_on"],
                "next_meeting_on": row["next_meeting_on"],
                "current_placement_at": row["current_placement_at"] or "",
                "learning_hours_logged": Decimal(row["learning_hours_logged"] or 0).quantize(Decimal("0.1")),
                # Counts against the mentor's capacity only while the traineeship runs (mentors.selectors).
                "current_mentor_id": row["mentor_now"] if row["running_now"] else None,
            }
        )
    return rows


def store(traineeship_ids, today) -> int:
    if traineeship_ids is not None:
        traineeship_ids = [pk for pk in traineeship_ids if pk not in _being_deleted]
        if not traineeship_ids:
            return 0
    rows = computed_rows(traineeship_ids, today)
    update = [f.removesuffix("_id") for f in STATE_FIELDS]
    for start in range(0, len(rows), BATCH):
        TraineeshipState.objects.bulk_create(
            [TraineeshipState(**row) for row in rows[start : start + BATCH]],
            update_conflicts=True,
            unique_fields=["traineeship"],
            update_fields=update,
        )
    return len(rows)


def differences(today) -> list[tuple[int, dict | None, dict]]:
    """(traineeship id, stored, computed) for every traineeship where they differ."""
    stored = {s.traineeship_id: s.as_dict() for s in TraineeshipState.objects.all()}
    found = []
    for row in computed_rows(None, today):
        pk = row.pop("traineeship_id")
        if stored.get(pk) != row:
            found.append((pk, stored.get(pk), row))
    return found


def _traineeship_of(instance, field) -> list[int]:
    if field is None:
        return [instance.pk]
    if isinstance(field, tuple):  # one hop: e.g. GoalProgress.goal -> LearningGoal.traineeship
        fk, related = field
        owner = getattr(instance, fk.attname)
        return list(related.objects.filter(pk=owner).values_list("traineeship", flat=True)) if owner else []
    return [getattr(instance, field.attname)]


def _connect(model, field):
    def changed(sender, instance, raw=False, **kwargs):
        if raw:
            return
        hook.refresh(_traineeship_of(instance, field))

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"state-save-{model._meta.label}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"state-delete-{model._meta.label}")


def _traineeship_field(model):
    for field in model._meta.concrete_fields:
        # The traineeship a row belongs to (a cohort's model traineeship is no such owner).
        if isinstance(field, models.ForeignKey) and field.related_model is Traineeship and field.name == "traineeship":
            return field
    return None


def connect() -> None:
    hook.register(store)
    candidates = [m for m in apps.get_models() if m is not Traineeship and m._meta.label not in NOT_INPUTS]
    owned = {m: f for m in candidates if (f := _traineeship_field(m)) is not None}
    for model in candidates:
        if model in owned:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model in owned:
                _connect(model, (field, field.related_model))
                break
    for model, field in owned.items():
        _connect(model, field)
    _connect(Traineeship, None)
    pre_delete.connect(_deleting, sender=Traineeship, dispatch_uid="state-traineeship-deleting")
    post_delete.connect(_deleted, sender=Traineeship, dispatch_uid="state-traineeship-deleted")
    post_save.connect(_programme_saved, sender=Programme, dispatch_uid="state-programme")
    post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="state-organisation")
    post_save.connect(_group_activity_saved, sender=DevelopmentDay, dispatch_uid="state-group-activity")


def _deleting(sender, instance, **kwargs):
    _being_deleted.add(instance.pk)


def _deleted(sender, instance, **kwargs):
    _being_deleted.discard(instance.pk)


def _programme_saved(sender, instance, raw=False, created=False, **kwargs):
    # The meeting rhythm and the learning time decide signals for every traineeship of it.
    if not raw and not created:
        hook.refresh(instance.traineeships.values_list("pk", flat=True))


def _group_activity_saved(sender, instance, raw=False, created=False, **kwargs):
    # A group activity's date and hours count as learning time for whoever attended it.
    if not raw and not created:
        hook.refresh(instance.attendances.values_list("traineeship", flat=True))


def _organisation_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    # The name of the current placement's organisation is part of a reason in words.
    if raw or created or (update_fields is not None and "name" not in update_fields):
        return
    hook.refresh(Placement.objects.filter(organisation=instance).values_list("traineeship", flat=True))
