from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from evaluations.models import Question, Rating


class EvaluationForm(forms.Form):
    """One field per asked question: a 1-5 choice for a rating, a text for an open question."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == Question.Kind.RATING:
                field = forms.TypedChoiceField(
                    label=question.text,
                    choices=Rating.choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose a rating from 1 to 5.")},
                )
            else:
                field = forms.CharField(
                    label=question.text, required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
                )
            self.fields[self.key(question)] = field

    @staticmethod
    def key(question) -> str:
        return f"question_{question.pk}"

    def answers(self) -> dict:
        return {question: self.cleaned_data[self.key(question)] for question in self.questions}


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "kind", "position", "active"]

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if self.instance.pk and kind != self.instance.kind and self.instance.answers.exists():
            raise forms.ValidationError(
                _("Trainees answered this question already, so its kind stays; add a new question instead.")
            )
        return kind


class BaseQuestionFormSet(BaseModelFormSet):
    def __init__(self, *args, programme, **kwargs):
        self.programme = programme
        kwargs.setdefault("queryset", Question.objects.filter(programme=programme))
        super().__init__(*args, **kwargs)

    def save_new(self, form, commit=True):
        form.instance.programme = self.programme
        return super().save_new(form, commit=commit)


QuestionFormSet = modelformset_factory(
    Question, form=QuestionForm, formset=BaseQuestionFormSet, extra=1, can_delete=False
)
