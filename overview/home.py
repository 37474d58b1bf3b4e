"""Each role's home page: what that person needs first after signing in.

The home pages know every app, so they live at the top; each app contributes
through a small selector of its own.
"""

from django.core.paginator import Paginator
from django.utils import timezone

from coaching import selectors as coaching_selectors
from mentors.notifications import escalations_for, notices_shown
from mentors.risks import reasons
from mentors.selectors import mentees_of, next_meeting_for_trainee, open_agreements_for, records_to_confirm
from organisations.models import Invitation, Membership, Role
from overview import waiting
from overview.at_risk import at_risk_context
from portfolios import selectors as portfolio_selectors
from programmes.group_activities import sessions_for
from programmes.models import PartnerInvitation, Traineeship


def traineeship_summary(request) -> dict:
    """Counts per step of the active organisation's traineeships (one query), for HR and coordinators."""
    from overview.views_traineeships import step_counts

    traineeships = Traineeship.objects.visible_to(request.user).of_organisation(request.membership.organisation)
    counts = step_counts(traineeships)
    return {"step_counts": counts, "traineeship_total": sum(row["count"] for row in counts)}


HOME_LIST = 10


def hr_home(request) -> dict:
    organisation = request.membership.organisation
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name", "role")
    )
    return {
        **traineeship_summary(request),
        "people": Paginator(memberships, 10).get_page(1),
        "invitations": Invitation.objects.open().filter(organisation=organisation).select_related("invited_by")[:20],
        # Programmes of other organisations asking this one to be a partner, waiting for an answer.
        "partner_invitations": PartnerInvitation.objects.filter(organisation=organisation).pending().count(),
        "escalations": escalations_for(request.user, timezone.localdate())[:HOME_LIST],
    }


def _portfolios(request) -> dict:
    return {
        "portfolios": Paginator(
            portfolio_selectors.portfolios_for(request.user, request.membership.organisation), 10
        ).get_page(request.GET.get("page"))
    }


def manager_home(request) -> dict:
    return {
        **_portfolios(request),
        **at_risk_context(request),
        "escalations": escalations_for(request.user, timezone.localdate())[:HOME_LIST],
    }


def mentor_home(request) -> dict:
    today = timezone.localdate()
    mentees = mentees_of(request.user, today)[:HOME_LIST]
    agreements = open_agreements_for(request.user, today)[:HOME_LIST]
    return {
        "mentees": [{"traineeship": t, "reasons": reasons(t)} for t in mentees],
        "agreements": agreements,
        "records_to_confirm": records_to_confirm(request.user)[:HOME_LIST],
        "notices": notices_shown(request.user, today, HOME_LIST),
        "escalations": escalations_for(request.user, today)[:HOME_LIST],
        "today": today,
    }


def trainee_home(request) -> dict:
    today = timezone.localdate()
    traineeship = portfolio_selectors.current_traineeship_of(request.user)
    return {
        "traineeship": traineeship,
        # The cohort's group activities are on every trainee's plan: the next ones, with the place and time.
        "group_sessions": sessions_for(traineeship).filter(date__gte=today)[:HOME_LIST] if traineeship else [],
        "next_meeting": next_meeting_for_trainee(request.user, today),
        "agreements": open_agreements_for(request.user, today).filter(owner=request.user)[:HOME_LIST],
        "records_to_confirm": records_to_confirm(request.user)[:HOME_LIST],
        "notices": notices_shown(request.user, today, HOME_LIST),
        "today": today,
    }


def coordinator_home(request) -> dict:
    return {**traineeship_summary(request), **at_risk_context(request)}


def coach_home(request) -> dict:
    return {
        "coachings": coaching_selectors.coachees_of(request.user),
        "sessions": coaching_selectors.upcoming_sessions(request.user, HOME_LIST),
    }


HOME_CONTEXT = {
    Role.HR: hr_home,
    Role.MANAGER: manager_home,
    Role.MENTOR: mentor_home,
    Role.TRAINEE: trainee_home,
    Role.COORDINATOR: coordinator_home,
    Role.COACH: coach_home,
}


def home_for(request) -> tuple[str, dict]:
    role = request.membership.role
    tasks = waiting.tasks_for(request.user, request.membership, timezone.localdate())
    return f"home/{role}.html", {**HOME_CONTEXT[role](request), "tasks": tasks}
