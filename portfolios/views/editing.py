"""The trainee edits and deletes their evidence and reflections until the portfolio is locked."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import get_visible_or_404, require
from portfolios import editing, forms, services
from portfolios.models import Evidence, Reflection
from portfolios.permissions import REFLECTIONS
from portfolios.views.common import _trainee_only, _traineeship
from programmes.permissions import Relation


def _own_evidence(request, pk) -> Evidence:
    item = get_visible_or_404(Evidence.objects.select_related("traineeship"), request.user, pk=pk)
    _trainee_only(request, item.traineeship_id)
    return item


def _own_reflection(request, pk) -> Reflection:
    item = get_visible_or_404(Reflection.objects.select_related("traineeship"), request.user, pk=pk)
    _traineeship_, relations = _traineeship(request, item.traineeship_id, REFLECTIONS)
    require(Relation.TRAINEE in relations)
    return item


def _refuse_when_locked(request, traineeship, target):
    if editing.portfolio_locked(traineeship):
        messages.error(request, editing.LOCKED_MESSAGE)
        return redirect(target, pk=traineeship.pk)
    return None


def evidence_edit(request, pk):
    item = _own_evidence(request, pk)
    traineeship = item.traineeship
    if refused := _refuse_when_locked(request, traineeship, "portfolios:evidence"):
        return refused
    form = editing.EvidenceEditForm(
        request.POST or None,
        request.FILES or None,
        instance=item,
        traineeship=traineeship,
        competencies=services.competencies_of(traineeship),
    )
    if request.method == "POST" and form.is_valid():
        try:
            editing.evidence_update(
                evidence=item,
                fields=form.evidence_fields(),
                upload=form.cleaned_data.get("upload"),
                goals=form.cleaned_data["goals"],
                competencies=form.cleaned_data["competencies"],
            )
        except ValidationError as error:
            form.add_error("upload" if "upload" in form.fields else None, error)
        else:
            messages.success(request, _("The evidence is saved."))
            return redirect("portfolios:evidence", pk=traineeship.pk)
    return render(
        request, "portfolios/evidence_form.html", {"traineeship": traineeship, "form": form, "evidence": item}
    )


@require_POST
def evidence_delete(request, pk):
    item = _own_evidence(request, pk)
    traineeship = item.traineeship
    if refused := _refuse_when_locked(request, traineeship, "portfolios:evidence"):
        return refused
    editing.evidence_delete(evidence=item)
    messages.success(request, _("The evidence is deleted."))
    return redirect("portfolios:evidence", pk=traineeship.pk)


def reflection_edit(request, pk):
    item = _own_reflection(request, pk)
    traineeship = item.traineeship
    if refused := _refuse_when_locked(request, traineeship, "portfolios:reflections"):
        return refused
    form = forms.ReflectionForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your reflection is saved."))
        return redirect("portfolios:reflections", pk=traineeship.pk)
    return render(request, "portfolios/reflection_form.html", {"traineeship": traineeship, "form": form})


@require_POST
def reflection_delete(request, pk):
    item = _own_reflection(request, pk)
    traineeship = item.traineeship
    if refused := _refuse_when_locked(request, traineeship, "portfolios:reflections"):
        return refused
    editing.reflection_delete(reflection=item)
    messages.success(request, _("The reflection is deleted."))
    return redirect("portfolios:reflections", pk=traineeship.pk)
