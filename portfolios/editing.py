"""The trainee edits and deletes their own evidence and reflections until the portfolio is locked
(the final evaluation signed by both). After that the portfolio is the signed record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portfolios import uploads
from portfolios.forms import EvidenceForm
from portfolios.models import Evidence, FinalEvaluation, Reflection
from programmes.models import Traineeship

LOCKED_MESSAGE = _("The final evaluation is signed: the portfolio is locked and can no longer change.")


def portfolio_locked(traineeship: Traineeship) -> bool:
    evaluation = FinalEvaluation.objects.filter(traineeship=traineeship).first()
    return evaluation is not None and evaluation.is_locked


class EvidenceEditForm(EvidenceForm):
    """A file stays unless a new one is chosen; a link item keeps its link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind == Evidence.Kind.FILE:
            del self.fields["url"]
            self.fields["upload"].help_text = _("Leave empty to keep %(name)s. %(rules)s") % {
                "name": self.instance.original_name,
                "rules": self.fields["upload"].help_text,
            }
        else:
            del self.fields["upload"]
            self.fields["url"].required = True

    def clean(self):
        # The parent asks for a file or a link; here the item already has one.
        cleaned = super(EvidenceForm, self).clean()
        if not cleaned.get("goals") and not cleaned.get("competencies") and not self.errors:
            self.add_error("goals", _("Link the evidence to at least one learning goal or competency."))
        return cleaned

    def evidence_fields(self) -> dict:
        fields = {
            "title": self.cleaned_data["title"],
            "description": self.cleaned_data["description"],
            "development_activity": self.cleaned_data["development_activity"],
        }
        if "url" in self.fields:
            fields["url"] = self.cleaned_data["url"]
        return fields


def evidence_update(*, evidence: Evidence, fields: dict, upload=None, goals=(), competencies=()) -> Evidence:
    old_file = None
    for name, value in fields.items():
        setattr(evidence, name, value)
    if upload is not None:
        checked = uploads.check_upload(upload)
        old_file = evidence.stored_name
        evidence.original_name = checked.display_name
        evidence.content_type = checked.content_type
        evidence.size = len(checked.content)
        evidence.stored_name = uploads.store(checked)
    try:
        with transaction.atomic():
            evidence.full_clean()
            evidence.save()
            evidence.goals.set(goals)
            evidence.competencies.set(competencies)
    except ValidationError:
        if old_file:
            uploads.default_storage.delete(evidence.stored_name)
        raise
    if old_file:
        transaction.on_commit(lambda: uploads.default_storage.delete(old_file))
    return evidence


def evidence_delete(*, evidence: Evidence) -> None:
    stored = evidence.stored_name
    evidence.delete()
    if stored:
        transaction.on_commit(lambda: uploads.default_storage.delete(stored))


def reflection_delete(*, reflection: Reflection) -> None:
    reflection.delete()
