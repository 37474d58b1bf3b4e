"""Coaching pages: a traineeship's coach, the coach's own list, and the sessions.

A session is reached only through ``CoachingSession.objects.visible_to`` (trainee and current
coach): for anyone else it does not exist (404). The traineeship's coaching page is reached by
everyone related to the traineeship and by its coach, and shows each only what their relation allows.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from coaching import selectors, services
from coaching.forms import CoachChoiceForm, CoachInviteForm, CoachProposalForm, SessionForm, SessionNotesForm
from coaching.models import Coaching, CoachingSession
from coaching.permissions import (
    COACH_ASSIGNED,
    COACHING_SESSIONS,
    PROPOSERS,
    SESSION_WRITERS,
    SHARED_WITH_COACH,
    CoachRelation,
    coaching_page_scope,
    coaching_relations,
    may_assign,
)
from coaching.shared import shared_with_coach
from organisations import encoding, ical
from organisations.access import get_visible_or_404, require, role_required
from organisations.models import Role
from organisations.submissions import single_submission
from programmes.models import Traineeship


def _traineeship(request, pk) -> tuple[Traineeship, frozenset]:
    traineeship = get_object_or_404(
        Traineeship.objects.with_people().filter(coaching_page_scope(request.user)).distinct(), pk=pk
    )
    return traineeship, coaching_relations(request.user, traineeship)


@role_required(Role.COACH)
def coachees(request):
    return render(
        request,
        "coaching/coachees.html",
        {"coachings": selectors.coachees_of(request.user), "sessions": selectors.upcoming_sessions(request.user)},
    )


def traineeship_coaching(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(COACH_ASSIGNED.allows(relations) or CoachRelation.COACH in relations)
    summary = selectors.coach_summary(traineeship)
    context = {
        "traineeship": traineeship,
        **summary,
        "is_coach": CoachRelation.COACH in relations,
        # Only people related to the traineeship itself reach its other pages; a coach does not.
        "related": bool(relations - {CoachRelation.COACH}),
    }
    if COACHING_SESSIONS.allows(relations):
        context["sessions"] = selectors.sessions_of(request.user).filter(coaching__traineeship=traineeship)
        context["now"] = timezone.localtime()
    if SHARED_WITH_COACH.allows(relations):
        context["shared_groups"] = shared_with_coach(traineeship)
    if may_assign(request.user, traineeship):
        context["may_assign"] = True
        context["proposal"] = (
            Coaching.objects.proposed().filter(traineeship=traineeship).select_related("coach").first()
        )
    if relations & PROPOSERS and summary["coaching"] is None:
        context["may_propose"] = True
        context["proposal"] = (
            Coaching.objects.proposed().filter(traineeship=traineeship).select_related("coach").first()
        )
    return render(request, "coaching/traineeship.html", context)


@single_submission
def coach_assign(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(may_assign(request.user, traineeship))
    choose = CoachChoiceForm(request.POST if "choose-coach" in request.POST else None, traineeship=traineeship)
    invite = CoachInviteForm(request.POST if "invite-email" in request.POST else None, traineeship=traineeship)
    if request.method == "POST":
        if choose.is_bound and choose.is_valid():
            services.coach_assign(traineeship=traineeship, coach=choose.cleaned_data["coach"], by=request.user)
            messages.success(request, _("The coach is assigned."))
            return redirect("coaching:traineeship", pk=traineeship.pk)
        if invite.is_bound and invite.is_valid():
            services.coach_invite(
                traineeship=traineeship,
                name=invite.cleaned_data["name"],
                email=invite.cleaned_data["email"],
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
            messages.success(request, _("The coach is invited; they see the traineeship once they accept."))
            return redirect("coaching:traineeship", pk=traineeship.pk)
        if not choose.is_bound and not invite.is_bound:
            choose = CoachChoiceForm(request.POST, traineeship=traineeship)
            choose.is_valid()
    return render(
        request,
        "coaching/coach_assign.html",
        {"traineeship": traineeship, "choose": choose, "invite": invite, **selectors.coach_summary(traineeship)},
    )


@require_POST
def coach_end(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(may_assign(request.user, traineeship))
    coaching = get_object_or_404(Coaching.objects.current(), traineeship=traineeship)
    services.coaching_end(coaching=coaching, by=request.user)
    messages.success(request, _("The coaching has ended; the coach no longer sees this traineeship."))
    return redirect("coaching:traineeship", pk=traineeship.pk)


@require_POST
def proposal_answer(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(may_assign(request.user, traineeship))
    proposal = get_object_or_404(Coaching.objects.proposed(), traineeship=traineeship)
    if request.POST.get("answer") == "accept":
        services.coach_assign(traineeship=traineeship, coach=proposal.coach, by=request.user)
        messages.success(request, _("The coach is assigned."))
    else:
        services.proposal_decline(coaching=proposal, by=request.user)
        messages.success(request, _("The proposal is declined."))
    return redirect("coaching:traineeship", pk=traineeship.pk)


@single_submission
def coach_propose(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(bool(relations & PROPOSERS))
    form = CoachProposalForm(request.POST or None, traineeship=traineeship)
    if request.method == "POST" and form.is_valid():
        services.coach_propose(traineeship=traineeship, coach=form.cleaned_data["coach"], by=request.user)
        messages.success(request, _("Your proposal is sent to HR."))
        return redirect("coaching:traineeship", pk=traineeship.pk)
    return render(request, "coaching/coach_propose.html", {"traineeship": traineeship, "form": form})


@single_submission
def session_plan(request, pk):
    traineeship, relations = _traineeship(request, pk)
    require(bool(relations & SESSION_WRITERS))
    coaching = selectors.current_coaching(traineeship)
    form = SessionForm(request.POST or None, initial={"mode": "in_person", "duration_minutes": 60})
    if request.method == "POST" and form.is_valid():
        session = services.session_plan(coaching=coaching, **form.cleaned_data)
        messages.success(request, _("The session is planned."))
        return redirect(session)
    return render(request, "coaching/session_form.html", {"traineeship": traineeship, "form": form})


def _session(request, pk) -> tuple[CoachingSession, bool]:
    session = get_visible_or_404(
        CoachingSession.objects.select_related("coaching__coach", "coaching__traineeship__trainee"), request.user, pk=pk
    )
    is_coach = session.coaching.coach_id == request.user.pk and session.coaching.is_current
    return session, is_coach


def session_detail(request, pk):
    session, is_coach = _session(request, pk)
    return render(
        request,
        "coaching/session_detail.html",
        {"session": session, "traineeship": session.coaching.traineeship, "is_coach": is_coach},
    )


def session_edit(request, pk):
    session, is_coach = _session(request, pk)
    form_class = SessionForm if is_coach else SessionNotesForm
    form = form_class(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form._meta.fields}
        services.session_update(session=CoachingSession.objects.get(pk=session.pk), values=values)
        messages.success(request, _("The session is saved."))
        return redirect(session)
    return render(
        request,
        "coaching/session_form.html",
        {"traineeship": session.coaching.traineeship, "form": form, "session": session},
    )


@require_POST
def session_delete(request, pk):
    session, is_coach = _session(request, pk)
    require(is_coach)
    traineeship = session.coaching.traineeship
    services.session_delete(session=session)
    messages.success(request, _("The session is removed."))
    return redirect("coaching:traineeship", pk=traineeship.pk)


def _appointment(request, session) -> ical.Appointment:
    return ical.Appointment(
        uid=f"coaching-session-{session.pk}",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        summary=_("Coaching: %(trainee)s with %(coach)s")
        % {"trainee": session.coaching.traineeship.trainee, "coach": session.coaching.coach},
        # The notes stay on the site: a calendar is shared and synced more widely than a page.
        description=_("Coaching session (%(mode)s).") % {"mode": session.get_mode_display()},
        url=request.build_absolute_uri(session.get_absolute_url()),
        location=session.location,
    )


def _ics(content: bytes, stem: str) -> HttpResponse:
    return encoding.attach(HttpResponse(content, content_type="text/calendar; charset=utf-8"), stem)


@require_safe
def session_ics(request, pk):
    session, _is_coach = _session(request, pk)
    content = ical.calendar_ics([_appointment(request, session)], product="Coaching")
    return _ics(content, _("coaching-session-%(number)s") % {"number": session.pk})


@require_safe
def sessions_ics(request):
    """Every session of the person (coach or trainee), from 180 days ago, for their calendar."""
    since = timezone.localdate() - timezone.timedelta(days=180)
    sessions = selectors.sessions_of(request.user).filter(date__gte=since)
    content = ical.calendar_ics(
        [_appointment(request, session) for session in sessions], product="Coaching", name=_("Coaching sessions")
    )
    return _ics(content, _("coaching-sessions"))
