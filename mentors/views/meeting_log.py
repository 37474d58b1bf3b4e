"""A meeting that already took place, logged in one form; agreement rows added and removed in place."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mentors import services
from mentors.forms import AgreementFormSet, MeetingRecordForm, approved_goals, traineeship_people
from mentors.meeting_log import AGREEMENTS, MeetingLogForm, quiet, row_number, rows_changed
from mentors.models import Agreement, Meeting, MeetingKind
from organisations.access import get_visible_or_404, require
from organisations.submissions import single_submission
from programmes.models import Traineeship
from programmes.permissions import Relation, relations_of


def _mentored(request, pk) -> Traineeship:
    traineeship = get_visible_or_404(Traineeship.objects.with_people(), request.user, pk=pk)
    require(Relation.MENTOR in relations_of(request.user, traineeship))
    return traineeship


def agreement_formset(traineeship, data, meeting, **kwargs):
    return AgreementFormSet(
        data,
        instance=meeting,
        queryset=Agreement.objects.filter(meeting=meeting) if meeting.pk else Agreement.objects.none(),
        form_kwargs={"people": traineeship_people(traineeship).order_by("name")},
        prefix=AGREEMENTS,
        **kwargs,
    )


@single_submission
def meeting_log(request, pk):
    traineeship = _mentored(request, pk)
    data = request.POST or None
    changed = rows_changed(request.POST) if data else None
    meeting = Meeting(traineeship=traineeship)
    initial = {
        "kind": MeetingKind.REGULAR if traineeship.meetings.exists() else MeetingKind.KICK_OFF,
        "participants": [traineeship.trainee_id, request.user.pk],
    }
    plan = MeetingLogForm(
        changed or data, traineeship=traineeship, initial=initial, instance=meeting, mentor=request.user
    )
    record = MeetingRecordForm(
        changed or data, instance=meeting, goals=approved_goals(traineeship), previous={}, show_private=True
    )
    formset = agreement_formset(traineeship, changed or data, meeting)
    if changed is not None:
        quiet(plan, record, formset)
    elif data is not None and plan.is_valid() and record.is_valid() and formset.is_valid():
        meeting = services.meeting_log(
            traineeship=traineeship,
            plan={name: plan.cleaned_data[name] for name in ("kind", "date", "start_time", "duration_minutes")}
            | {"location": plan.cleaned_data["location"]},
            participants=plan.cleaned_data["participants"],
            by=request.user,
            values=record.record_values(),
            goal_progress=record.goal_progress(),
            agreements=formset.cleaned_rows(),
            removed_agreements=formset.removed_agreements(),
        )
        messages.success(request, _("The meeting is logged. The trainee is asked to read and confirm the record."))
        return redirect(meeting)
    return render(
        request,
        "mentors/meeting_log.html",
        {"plan": plan, "form": record, "formset": formset, "traineeship": traineeship},
    )


def agreement_row(request, pk):
    """htmx: one new empty agreement row, and the formset's row count one higher."""
    traineeship = _mentored(request, pk)
    index = row_number(request.GET.get(f"{AGREEMENTS}-TOTAL_FORMS"))
    form = agreement_formset(traineeship, None, Meeting(traineeship=traineeship)).empty_form
    form.prefix = f"{AGREEMENTS}-{index}"
    form.removed = False
    form.fields["description"].widget.attrs["autofocus"] = True
    return render(
        request,
        "mentors/includes/agreement_row_added.html",
        {"agreement_form": form, "index": index, "total": index + 1, "traineeship": traineeship},
    )


def agreement_row_removed(request, pk):
    """htmx: the row gives way to a hidden marker, so the server deletes (or never creates) it."""
    _mentored(request, pk)
    index = row_number(request.GET.get("index"))
    agreement_id = request.GET.get(f"{AGREEMENTS}-{index}-id", "")
    return render(
        request,
        "mentors/includes/agreement_row_removed.html",
        {"prefix": f"{AGREEMENTS}-{index}", "agreement_id": agreement_id if agreement_id.isdigit() else ""},
    )
