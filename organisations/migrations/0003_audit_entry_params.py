"""Audit summaries become data: an action code plus JSON params, rendered in the reader's language.

Old summaries were English sentences (or labels in the writer's language); the known shapes
are turned into params, anything else is kept verbatim as ``{"text": ...}``."""

import re

from django.db import migrations, models

SIGNER = "trainee|mentor"
PATTERNS = {
    "invitation.sent": [(r"^(?P<email>.+) \((?P<role>[a-z]+)\)$", {})],
    "invitation.revoked": [(r"^(?P<email>.+)$", {})],
    "mentor.assigned": [(r"^mentor removed$", {"variant": "removed"}), (r"^mentor: (?P<mentor>.+)$", {})],
    "framework.imported": [(r"^framework import: (?P<added>\d+) added, (?P<updated>\d+) updated$", {})],
    "goal.approved": [(r"^(?P<goal>.*) \((?P<scope>individual|everyone)\)$", {})],
    "meeting.confirmed": [(r"^(?P<text>.*) \((?P<signer>" + SIGNER + r")\)$", {"variant": "legacy"})],
    "evaluation.signed": [(r"^(?P<signer>" + SIGNER + r")$", {})],
    "evaluation.reopened": [(r"^(?P<reason>(?s:.+))$", {})],
    "export.created": [
        (r"^framework exported as (?P<format>\w+)$", {"variant": "framework"}),
        (r"^overview CSV, (?P<count>\d+) traineeships$", {"variant": "overview"}),
        (r"^(?P<cohort>.+)$", {}),
    ],
    "export.downloaded": [(r"^(?P<cohort>.+)$", {})],
    "data.exported": [(r"^data export \(ZIP\)$", {"variant": "zip"})],
    "data.erased": [(r"^erasure on request$", {"variant": "request"})],
    "retention.applied": [(r"^traineeship ended (?P<ended>\d{4}-\d{2}-\d{2}) removed after the retention term$", {})],
    "organisation.settings_changed": [(r"^(?P<fields>.*) \(retention (?P<years>\d+)y\)$", {})],
}


# Role labels as they were written (English or Dutch), back to their codes.
ROLE_LABELS = {
    "HR adviser": "hr",
    "HR-adviseur": "hr",
    "Manager": "manager",
    "Leidinggevende": "manager",
    "Mentor": "mentor",
    "Trainee": "trainee",
    "Programme coordinator": "coordinator",
    "Programmacoördinator": "coordinator",
}
ROLE_ACTIONS = {"invitation.accepted", "membership.added", "membership.removed"}


def params_of(action: str, summary: str) -> dict:
    if not summary:
        return {}
    if action in ROLE_ACTIONS:
        label = summary.removesuffix(" (invitation accepted)")
        if label in ROLE_LABELS:
            return {"role": ROLE_LABELS[label]}
    for pattern, extra in PATTERNS.get(action, []):
        match = re.match(pattern, summary)
        if match:
            params = {**extra, **match.groupdict()}
            if "fields" in params:
                params["fields"] = [name for name in params["fields"].split(", ") if name]
            return params
    return {"text": summary}


def to_params(apps, schema_editor):
    AuditEntry = apps.get_model("organisations", "AuditEntry")
    changed = []
    for entry in AuditEntry.objects.exclude(summary="").only("pk", "action", "summary").iterator():
        entry.params = params_of(entry.action, entry.summary)
        changed.append(entry)
        if len(changed) >= 500:
            AuditEntry.objects.bulk_update(changed, ["params"])
            changed = []
    AuditEntry.objects.bulk_update(changed, ["params"])


def to_summary(apps, schema_editor):
    from organisations.audit import render_summary

    AuditEntry = apps.get_model("organisations", "AuditEntry")
    for entry in AuditEntry.objects.exclude(params={}).iterator():
        AuditEntry.objects.filter(pk=entry.pk).update(summary=render_summary(entry.action, entry.params)[:500])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_privacy_settings"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="details"),
        ),
        migrations.RunPython(to_params, to_summary),
        migrations.RemoveField(
            model_name="auditentry",
            name="summary",
        ),
    ]
