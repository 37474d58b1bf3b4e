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
from django.utils.translation import ngettext

from organisations.models import AuditEntry, Organisation, Role, User


class Action(models.TextChoices):
    # Listed here so the trail can be filtered by act; apps add their acts here.
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation revoked")
    MEMBERSHIP_ADDED = "membership.added", _("Membership added")
    MEMBERSHIP_REMOVED = "membership.removed", _("Membership removed")
    MENTOR_ASSIGNED = "mentor.assigned", _("Mentor assigned")
    FRAMEWORK_IMPORTED = "framework.imported", _("Competency framework imported")
    GOAL_APPROVED = "goal.approved", _("Learning goal approved")
    GOAL_MOVED = "goal.moved", _("Learning goal status changed")
    GOAL_CHANGED = "goal.changed", _("Approved learning goal changed")
    MEETING_CONFIRMED = "meeting.confirmed", _("Meeting record confirmed")
    REMINDER_ESCALATED = "reminder.escalated", _("Reminder escalated")
    EVALUATION_SIGNED = "evaluation.signed", _("Final evaluation signed")
    EVALUATION_REOPENED = "evaluation.reopened", _("Final evaluation reopened")
    PORTFOLIO_DOWNLOADED = "portfolio.downloaded", _("Portfolio downloaded")
    EVALUATION_DOWNLOADED = "evaluation.downloaded", _("Final evaluation downloaded")
    PORTFOLIO_SHARED = "portfolio.shared", _("Portfolio sharing with partner organisations changed")
    EXPORT_CREATED = "export.created", _("Export created")
    EXPORT_DOWNLOADED = "export.downloaded", _("Export downloaded")
    DATA_EXPORTED = "data.exported", _("Personal data exported")
    DATA_ERASED = "data.erased", _("Personal data erased")
    RETENTION_APPLIED = "retention.applied", _("Retention term applied")
    SETTINGS_CHANGED = "organisation.settings_changed", _("Organisation settings changed")
    SIGNED_IN = "signin.signed_in", _("Signed in")
    SIGN_IN_FAILED = "signin.failed", _("Sign-in through the identity provider refused")
    IDENTITY_LINKED = "signin.identity_linked", _("Identity provider account linked")
    SIGN_IN_SETTINGS_CHANGED = "signin.settings_changed", _("Sign-in settings changed")
    TWO_FACTOR_CHANGED = "signin.two_factor_changed", _("Two-factor authentication changed")


def _overview_export(params: dict) -> str:
    count = int(params.get("count", 0))
    return ngettext(
        "overview as %(format)s, %(count)s traineeship", "overview as %(format)s, %(count)s traineeships", count
    ) % {"count": count, "format": params.get("format", "CSV")}


def _register_export(params: dict) -> str:
    count = int(params.get("count", 0))
    return ngettext(
        "register hours as %(format)s, %(count)s activity", "register hours as %(format)s, %(count)s activities", count
    ) % {"count": count, "format": params.get("format", "")}


def _settings_changed(params: dict) -> str:
    names = params.get("fields") or []
    labels = []
    for name in names if isinstance(names, list) else [names]:
        try:
            labels.append(str(Organisation._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(str(name))
    return _("%(fields)s (retention %(years)s years)") % {"fields": ", ".join(labels), "years": params.get("years", "")}


# The sentence per action (``"<action>:<variant>"`` where ``params["variant"]`` chooses one).
SUMMARIES: dict[str, object] = {
    Action.INVITATION_SENT: _("%(email)s as %(role)s"),
    Action.INVITATION_ACCEPTED: _("as %(role)s"),
    Action.INVITATION_REVOKED: "%(email)s",
    Action.MEMBERSHIP_ADDED: _("%(role)s (invitation accepted)"),
    Action.MEMBERSHIP_REMOVED: "%(role)s",
    Action.MENTOR_ASSIGNED: _("mentor: %(mentor)s"),
    f"{Action.MENTOR_ASSIGNED}:removed": _("mentor removed"),
    Action.FRAMEWORK_IMPORTED: _("%(added)s added, %(updated)s updated"),
    Action.GOAL_APPROVED: "%(goal)s (%(scope)s)",
    Action.GOAL_MOVED: _("%(goal)s: from “%(status_from)s” to “%(status_to)s”"),
    Action.GOAL_CHANGED: _("%(goal)s: changed after approval, awaiting approval again"),
    Action.MEETING_CONFIRMED: _("%(meeting_kind)s of %(date)s, confirmed as %(signer)s"),
    Action.REMINDER_ESCALATED: _("%(reminder_kind)s waiting since %(date)s: told %(recipient)s as %(step)s"),
    f"{Action.MEETING_CONFIRMED}:legacy": _("%(text)s, confirmed as %(signer)s"),
    Action.EVALUATION_SIGNED: _("signed as %(signer)s"),
    Action.EVALUATION_REOPENED: _("reason: %(reason)s"),
    f"{Action.PORTFOLIO_SHARED}:on": _("whole portfolio shared with the partner organisations"),
    f"{Action.PORTFOLIO_SHARED}:off": _("partner organisations read only the part of their placements again"),
    Action.EXPORT_CREATED: _("portfolios of %(cohort)s"),
    f"{Action.EXPORT_CREATED}:framework": _("competency framework as %(format)s"),
    f"{Action.EXPORT_CREATED}:overview": _overview_export,
    f"{Action.EXPORT_CREATED}:register": _register_export,
    Action.EXPORT_DOWNLOADED: _("portfolios of %(cohort)s"),
    Action.DATA_EXPORTED: _("data copy (ZIP)"),
    Action.DATA_ERASED: _("erasure on request"),
    Action.RETENTION_APPLIED: _("traineeship ended on %(ended)s, removed after the retention term"),
    Action.SETTINGS_CHANGED: _settings_changed,
    f"{Action.MEMBERSHIP_ADDED}:automatic": _("%(role)s (automatically, through %(provider)s)"),
    f"{Action.SIGNED_IN}:password": _("with a password"),
    f"{Action.SIGNED_IN}:password_mfa": _("with a password and a second factor"),
    f"{Action.SIGNED_IN}:sso": _("through single sign-on (%(provider)s)"),
    Action.SIGN_IN_FAILED: _("%(code)s (%(email)s)"),
    Action.IDENTITY_LINKED: _("%(provider)s: %(uid)s"),
    f"{Action.SIGN_IN_SETTINGS_CHANGED}:sign_in": _("changed: %(fields)s"),
    f"{Action.TWO_FACTOR_CHANGED}:added": _("%(factor)s added"),
    f"{Action.TWO_FACTOR_CHANGED}:removed": _("%(factor)s removed"),
    f"{Action.SETTINGS_CHANGED}:register": _("register created from the preset %(preset)s"),
}

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
