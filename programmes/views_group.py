"""Group activities of a cohort: HR or the coordinator plans them once; HR, the coordinator or the
session's organiser registers who attended. Every trainee of the cohort has them on their plan."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from organisations.access import get_visible_or_404, require
from organisations.submissions import single_submission
from programmes import services_group
from programmes.forms_group import AttendanceForm, GroupActivityForm
from programmes.group_activities import may_register_attendance, participants
from programmes.models import Cohort, DevelopmentDay, Programme


def _session(request, pk) -> DevelopmentDay:
    return get_visible_or_404(
        DevelopmentDay.objects.select_related("cohort__programme", "learning_activity", "organiser"),
        request.user,
        pk=pk,
    )


def _require_manager(request, cohort: Cohort) -> None:
    require(Programme.objects.managed_by(request.user).filter(pk=cohort.programme_id).exists())


def _form_page(request, session: DevelopmentDay, cohort: Cohort):
    form = GroupActivityForm(request.POST or None, instance=session, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        saved = services_group.group_activity_save(
            session=form.save(commit=False), competencies=form.cleaned_data["competencies"]
        )
        messages.success(request, _("The group activity has been saved; every trainee of the cohort has it."))
        return redirect("programmes:group_activity_detail", pk=saved.pk)
    return render(request, "programmes/group_activity_form.html", {"form": form, "session": session, "cohort": cohort})


@single_submission
def group_activity_create(request, pk):
    cohort = get_visible_or_404(Cohort.objects.select_related("programme"), request.user, pk=pk)
    _require_manager(request, cohort)
    return _form_page(request, DevelopmentDay(cohort=cohort), cohort)


def group_activity_edit(request, pk):
    session = _session(request, pk)
    _require_manager(request, session.cohort)
    return _form_page(request, session, session.cohort)


@require_POST
def group_activity_delete(request, pk):
    session = _session(request, pk)
    _require_manager(request, session.cohort)
    cohort = session.cohort
    services_group.group_activity_delete(session=session)
    messages.success(request, _("The group activity has been deleted."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)


def group_activity_detail(request, pk):
    session = _session(request, pk)
    may_register = may_register_attendance(request.user, session)
    return render(
        request,
        "programmes/group_activity_detail.html",
        {
            "session": session,
            "competencies": session.competencies.all(),
            "may_register": may_register,
            "can_manage": Programme.objects.managed_by(request.user).filter(pk=session.cohort.programme_id).exists(),
            # Who attended is for whoever registers it; a trainee sees their own on their plan.
            "participants": participants(session) if may_register else [],
        },
    )


def group_attendance(request, pk):
    session = _session(request, pk)
    require(may_register_attendance(request.user, session))
    form = AttendanceForm(request.POST or None, participants=participants(session))
    if request.method == "POST" and form.is_valid():
        count = services_group.attendance_save(session=session, statuses=form.statuses(), by=request.user)
        messages.success(
            request,
            ngettext(
                "Attendance has been registered for %(count)s trainee.",
                "Attendance has been registered for %(count)s trainees.",
                count,
            )
            % {"count": count},
        )
        return redirect("programmes:group_activity_detail", pk=session.pk)
    return render(request, "programmes/group_attendance.html", {"session": session, "form": form})
