"""Write entries to the audit trail: who did what to whom, and when.

An entry stores what happened as data: an action code and JSON ``params`` (codes, numbers,
ISO dates, names copied at the time). Its summary is rendered when it is read, in the
reader's language, from the sentence per action below. Choice codes in the params (a role,
a kind of goal) are shown through the labels other apps register with ``register_labels``.
"""

import json
from datetime import date

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from organisations.models import AuditEntry, Organisation, Role, User


class Action(models.TextChoices):
    """This app's acts; every other app registers its own in its ``audit`` module
    (found by ``autodiscover`` when the apps are ready)."""

    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation revoked")
    MEMBERSHIP_ADDED = "membership.added", _("Membership added")
    MEMBERSHIP_REMOVED = "membership.removed", _("Membership removed")
    # Exports of every app share one act; each app registers the sentence of its variant.
    EXPORT_CREATED = "export.created", _("Export created")
    SETTINGS_CHANGED = "organisation.settings_changed", _("Organisation settings changed")


def _settings_changed(params: dict) -> str:
    names = params.get("fields") or []
    labels = []
    for name in names if isinstance(names, list) else [names]:
        try:
            labels.append(str(Organisation._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(str(name))
    return _("%(fields)s (retention %(years)s years)") % {"fields": ", ".join(labels), "years": params.get("years", "")}


# The sentence per action (``"<action>:<variant>"`` where ``params["variant"]`` chooses one);
# a sentence is a translatable string with %(param)s placeholders, or a function of the params.
SUMMARIES: dict[str, object] = {}
# Action code -> label, in the order the apps registered them (the trail's filter lists them so).
ACTIONS: dict[str, object] = {}


def register_actions(actions: type[models.TextChoices] | None = None, *, summaries: dict | None = None) -> None:
    """An app's acts and the sentences that summarise them: ``register_actions(GoalAction, summaries={...})``."""
    if actions is not None:
        ACTIONS.update(actions.choices)
    SUMMARIES.update({str(key): value for key, value in (summaries or {}).items()})


def action_choices() -> list[tuple[str, object]]:
    return list(ACTIONS.items())


def action_label(action: str) -> str:
    return str(ACTIONS.get(action, action))


def autodiscover() -> None:
    """Import every app's ``audit`` module, which registers the app's acts."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("audit")


register_actions(
    Action,
    summaries={
        Action.INVITATION_SENT: _("%(email)s as %(role)s"),
        Action.INVITATION_ACCEPTED: _("as %(role)s"),
        Action.INVITATION_REVOKED: "%(email)s",
        Action.MEMBERSHIP_ADDED: _("%(role)s (invitation accepted)"),
        Action.MEMBERSHIP_REMOVED: "%(role)s",
        Action.SETTINGS_CHANGED: _settings_changed,
    },
)

SIGNERS = {"trainee": _("trainee"), "mentor": _("mentor")}

# Param name -> code -> label; apps register theirs in ``AppConfig.ready``.
_LABELS: dict[str, dict] = {"role": dict(Role.choices), "signer": SIGNERS}
DATE_PARAMS = {"date", "ended"}
# Params that hold codes or numbers, never words about a person: erasure leaves them.
CODE_PARAMS = {
    "variant",
    "role",
    "signer",
    "scope",
    "status_from",
    "status_to",
    "meeting_kind",
    "format",
    "preset",
    "factor",
    "code",
    "fields",
}
ERASED_TEXT = "…"


def register_labels(**choices) -> None:
    """``register_labels(scope=LearningGoal.Scope)``: show that param's codes by their labels
    (a choices class, or a mapping of code to label)."""
    for param, values in choices.items():
        _LABELS[param] = dict(values.choices) if hasattr(values, "choices") else dict(values)


def _shown(name: str, value) -> str:
    if name in _LABELS and value in _LABELS[name]:
        return str(_LABELS[name][value])
    if name in DATE_PARAMS and isinstance(value, str):
        try:
            return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    return str(value)


def render_summary(action: str, params: dict) -> str:
    """The entry's summary in the active language."""
    params = params or {}
    template = SUMMARIES.get(f"{action}:{params.get('variant')}") or SUMMARIES.get(action)
    if template is None and not params:
        return ""
    if callable(template):
        return template(params)
    values = {name: _shown(name, value) for name, value in params.items()}
    if template is not None:
        try:
            return str(template) % values
        except (KeyError, TypeError, ValueError):
            pass
    # Old entries keep their text as it was written; unknown shapes show their values.
    if "text" in params:
        return str(params["text"])
    if not params:
        return ""
    return " · ".join(value for name, value in values.items() if name != "variant")


def record(
    *,
    organisation: Organisation,
    actor: User | None,
    action: str,
    subject: User | None = None,
    obj: models.Model | None = None,
    params: dict | None = None,
    summary: str = "",
) -> AuditEntry:
    """Append one entry to ``organisation``'s audit trail.

    ``params`` are the values the action's sentence needs; ``summary`` is kept only for
    callers that have free text and no sentence (stored as ``{"text": ...}``)."""
    params = dict(params or {})
    if summary:
        params.setdefault("text", summary[:500])
    actor_label = str(actor) if actor is not None and actor.is_authenticated else "system"
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label[:200],
        action=str(action),
        subject=subject,
        subject_label=str(subject)[:200] if subject is not None else "",
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        params=params,
    )


def _json_text(value: str) -> str:
    """How ``value`` looks inside stored JSON (non-ASCII escaped), for a text search."""
    return json.dumps(value)[1:-1]


def _scrub(value, words: list[str], label: str):
    if isinstance(value, str):
        for word in words:
            if word:
                value = value.replace(word, label)
        return value
    if isinstance(value, dict):
        return {k: _scrub(v, words, label) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, words, label) for v in value]
    return value


def scrub_person(user: User, label: str, entries=None) -> int:
    """Replace ``user``'s name and e-mail address in the trail by ``label``; free text in the
    entries about them is removed. ``entries`` narrows the entries touched (default: all).
    Returns how many entries changed."""
    entries = AuditEntry.objects.all() if entries is None else entries
    words = sorted({w for w in (user.name, user.email) if w and w.strip()}, key=len, reverse=True)
    text = Q()
    for word in words:
        text |= Q(params__icontains=word) | Q(params__icontains=_json_text(word))
    about = Q(subject=user)
    entries.filter(actor=user).update(actor_label=label)
    entries.filter(about).update(subject_label=label)
    changed = 0
    for entry in entries.filter(about | text | Q(actor=user)).only("pk", "params", "subject_id"):
        params = _scrub(entry.params, words, label)
        if entry.subject_id == user.pk:
            params = {
                k: (v if k in CODE_PARAMS | DATE_PARAMS or not isinstance(v, str) else ERASED_TEXT)
                for k, v in params.items()
            }
        if params != entry.params:
            # The trail is append-only; erasure is the one change the law asks for.
            AuditEntry.objects.filter(pk=entry.pk).update(params=params)
            changed += 1
    return changed
