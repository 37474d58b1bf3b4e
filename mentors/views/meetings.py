"""Progress meetings: plan, agenda, record, confirm, addendum, calendar file."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors import calendar, services
from mentors.forms import (
    STALE_MESSAGE,
    AddendumForm,
    MeetingPlanForm,
    MeetingRecordForm,
    MentorAgendaForm,
    TraineeAgendaForm,
    approved_goals,
)
from mentors.meeting_log import quiet, rows_changed
from mentors.models import Meeting, MeetingKind
from mentors.permissions import PLANNERS, WELLBEING, meetings_scope
from mentors.selectors import meetings_of
from mentors.views.meeting_log import agreement_formset
from organisations import encoding
from organisations.access import get_visible_or_404, require
from organisations.submissions import single_submission
from programmes.models import Traineeship
from programmes.permissions import PORTFOLIO, Relation, relations_for_act, relations_of

PAGE_SIZE = 25
COMMENT_LENGTH = 2000


def _meeting(request, pk) -> tuple[Meeting, frozenset]:
    meeting = get_visible_or_404(
        Meeting.objects.select_related("traineeship__trainee", "traineeship__programme", "recorded_by"),
        request.user,
        pk=pk,
    )
    relations = relations_of(request.user, meeting.traineeship)
    require(
        Meeting.objects.filter(meetings_scope(request.user, meeting.traineeship, relations), pk=meeting.pk).exists()
    )
    # Mentor acts on a meeting belong to the mentor of the placement the meeting falls in.
    return meeting, relations_for_act(request.user, meeting.traineeship, meeting.date)


def meeting_list(request):
    page = Paginator(meetings_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentors/meeting_list.html", {"page": page, "today": timezone.localdate()})


@single_submission
def meeting_plan(request, pk):
    traineeship = get_visible_or_404(Traineeship.objects.with_people(), request.user, pk=pk)
    require(bool(relations_of(request.user, traineeship) & PLANNERS))
    initial = {
        "kind": MeetingKind.REGULAR if traineeship.meetings.exists() else MeetingKind.KICK_OFF,
        "participants": [traineeship.trainee_id, *[p.mentor_id for p in traineeship.placements.all() if p.mentor_id]],
    }
    form = MeetingPlanForm(request.POST or None, traineeship=traineeship, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_plan(
            traineeship=traineeship,
            kind=form.cleaned_data["kind"],
            date=form.cleaned_data["date"],
            start_time=form.cleaned_data["start_time"],
            duration_minutes=form.cleaned_data["duration_minutes"],
            location=form.cleaned_data["location"],
            participants=form.cleaned_data["participants"],
            by=request.user,
        )
        messages.success(request, _("The meeting is planned."))
        return redirect(meeting)
    can_log = Relation.MENTOR in relations_of(request.user, traineeship)
    return render(request, "mentors/meeting_plan.html", {"form": form, "traineeship": traineeship, "can_log": can_log})


def meeting_detail(request, pk):
    meeting, relations = _meeting(request, pk)
    agreements = meeting.agreements.select_related("owner")
    goal_links = meeting.goal_links.select_related("progress__goal")
    return render(
        request,
        "mentors/meeting_detail.html",
        {
            "meeting": meeting,
            "traineeship": meeting.traineeship,
            "participants": meeting.participants.all(),
            "agreements": agreements,
            "goal_links": goal_links,
            "addenda": meeting.addenda.select_related("author"),
            # The private note is the recording mentor's alone.
            "show_private": meeting.recorded_by_id == request.user.pk,
            "show_wellbeing": WELLBEING.allows(relations),
            "may_read_portfolio": PORTFOLIO.allows(relations),
            "can_record": meeting.can_record(relations),
            "can_confirm": meeting.can_confirm(relations),
            "record_digest": meeting.record_digest() if meeting.can_confirm(relations) else "",
            "can_edit_agenda": bool(relations & {Relation.TRAINEE, Relation.MENTOR}) and not meeting.is_locked,
            "can_add_addendum": meeting.is_locked and bool(relations & {Relation.TRAINEE, Relation.MENTOR}),
            "addendum_form": AddendumForm(),
            "today": timezone.localdate(),
        },
    )


def meeting_agenda(request, pk):
    meeting, relations = _meeting(request, pk)
    require(bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    if meeting.is_locked:
        messages.error(request, _("Both confirmed this record: it cannot change. Add an addendum instead."))
        return redirect(meeting)
    form_class = TraineeAgendaForm if Relation.TRAINEE in relations else MentorAgendaForm
    form = form_class(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form._meta.fields}
        try:
            services.meeting_update_agenda(meeting=meeting, values=values, version=form.cleaned_data["version"])
        except services.StaleRecord:
            form.add_error(None, STALE_MESSAGE)
        else:
            messages.success(request, _("The agenda is saved."))
            return redirect(meeting)
    return render(request, "mentors/meeting_agenda.html", {"form": form, "meeting": meeting})


def meeting_record(request, pk):
    meeting, relations = _meeting(request, pk)
    require(Relation.MENTOR in relations)
    if meeting.is_locked:
        messages.error(request, _("Both confirmed this record: it cannot change. Add an addendum instead."))
        return redirect(meeting)
    traineeship = meeting.traineeship
    goals = approved_goals(traineeship)
    previous = {
        link.progress.goal_id: (link.progress.progress, link.progress.note)
        for link in meeting.goal_links.select_related("progress")
    }
    show_private = meeting.recorded_by_id in (None, request.user.pk)
    data = request.POST or None
    changed = rows_changed(request.POST) if data else None
    form = MeetingRecordForm(
        changed or data, instance=meeting, goals=goals, previous=previous, show_private=show_private
    )
    formset = agreement_formset(traineeship, changed or data, meeting)
    if changed is not None:
        quiet(form, formset)
    elif request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.meeting_record(
                meeting=meeting,
                by=request.user,
                values=form.record_values(),
                goal_progress=form.goal_progress(),
                agreements=formset.cleaned_rows(),
                removed_agreements=formset.removed_agreements(),
                version=form.cleaned_data["version"],
            )
        except services.StaleRecord:
            form.add_error(None, STALE_MESSAGE)
        except services.RecordLocked:
            messages.error(request, _("Both confirmed this record: it cannot change. Add an addendum instead."))
            return redirect(meeting)
        else:
            messages.success(
                request, _("The record is saved and counts as your confirmation. The trainee is asked to confirm it.")
            )
            return redirect(meeting)
    return render(
        request,
        "mentors/meeting_record.html",
        {"form": form, "formset": formset, "meeting": meeting, "traineeship": traineeship},
    )


@require_POST
def meeting_confirm(request, pk):
    meeting, relations = _meeting(request, pk)
    require(meeting.can_confirm(relations))
    as_trainee = Relation.TRAINEE in relations and meeting.trainee_confirmed_at is None
    try:
        services.meeting_confirm(
            meeting=meeting,
            user=request.user,
            as_trainee=as_trainee,
            digest_read=request.POST.get("digest", ""),
            comment=request.POST.get("comment", "")[:COMMENT_LENGTH],
        )
    except services.RecordChanged:
        messages.error(
            request,
            _(
                "The record changed after you opened it, so nothing is confirmed. "
                "Read the record as it is now, then confirm again if you agree."
            ),
        )
        return redirect(meeting)
    except services.RecordLocked:
        messages.error(request, _("Both confirmed this record: it cannot change. Add an addendum instead."))
        return redirect(meeting)
    if meeting.is_locked:
        messages.success(request, _("Confirmed. Both have now confirmed the record: it is final."))
    else:
        messages.success(request, _("Confirmed. The record is final once both have confirmed it."))
    return redirect(meeting)


@require_POST
@single_submission
def meeting_addendum(request, pk):
    meeting, relations = _meeting(request, pk)
    require(meeting.is_locked and bool(relations & {Relation.TRAINEE, Relation.MENTOR}))
    form = AddendumForm(request.POST)
    if form.is_valid():
        services.addendum_add(meeting=meeting, author=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("The addendum is added to the record."))
    else:
        messages.error(request, _("Write the correction or addition first."))
    return redirect(meeting)


def meeting_ics(request, pk):
    meeting, relations = _meeting(request, pk)
    summary = _("%(kind)s: %(trainee)s") % {"kind": meeting.get_kind_display(), "trainee": meeting.traineeship.trainee}
    description = _("Progress meeting in %(programme)s.") % {"programme": meeting.traineeship.programme}
    url = request.build_absolute_uri(reverse("mentors:meeting_detail", kwargs={"pk": meeting.pk}))
    response = HttpResponse(
        calendar.meeting_ics(meeting, summary=summary, description=description, url=url),
        content_type="text/calendar; charset=utf-8",
    )
    return encoding.attach(response, _("meeting-%(number)s") % {"number": meeting.pk})
