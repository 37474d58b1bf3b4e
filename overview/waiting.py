"""What waits on a person: the tasks on their home page, in their own voice ("je").

One function per role, a fixed number of queries each (one per kind of task, whatever the
number of traineeships). Each task links to the page where it is done in one click.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from evaluations.moments import opens_on
from evaluations.selectors import due_for_trainee
from goals.models import LearningGoal
from mentors.models import Agreement, Meeting
from organisations.models import Role
from portfolios.models import Moment, SelfEvaluation
from programmes.lifecycle import running_q
from programmes.models import Traineeship
from programmes.permissions import mentored_traineeships
from programmes.state import with_state

AGREEMENT_DAYS_AHEAD = 7  # an agreement waits on its owner from a week before its due date
LIMIT = 20


@dataclass(frozen=True)
class Task:
    text: str
    url: str
    action: str
    since: date


def _day(value: date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _agreements(user, today) -> list[Task]:
    due = (
        Agreement.objects.open()
        .filter(owner=user, due_date__lte=today + timedelta(days=AGREEMENT_DAYS_AHEAD))
        .filter(traineeship__in=Traineeship.objects.visible_to(user))
        .order_by("-due_date")[:LIMIT]
    )
    tasks = []
    for agreement in due:
        if agreement.due_date < today:
            text = _("Your agreement “%(agreement)s” was due on %(date)s.")
        else:
            text = _("Your agreement “%(agreement)s” is due on %(date)s.")
        tasks.append(
            Task(
                text % {"agreement": agreement.description, "date": _day(agreement.due_date)},
                reverse("mentors:agreements"),
                _("Update the agreement"),
                agreement.due_date,
            )
        )
    return tasks


def _trainee(user, today) -> list[Task]:
    tasks = []
    started = SelfEvaluation.objects.filter(traineeship=OuterRef("pk"), moment=Moment.START, submitted_at__isnull=False)
    for traineeship in Traineeship.objects.filter(running_q(today), trainee=user).filter(~Exists(started))[:LIMIT]:
        tasks.append(
            Task(
                _("Fill in your self-evaluation at the start: it is the first step of your stappenplan."),
                reverse("portfolios:self_evaluation_edit", kwargs={"pk": traineeship.pk, "moment": Moment.START}),
                _("Fill in the self-evaluation"),
                traineeship.start_date,
            )
        )
    tasks += _programme_evaluations(user, today)
    waiting = Meeting.objects.recorded().filter(traineeship__trainee=user, trainee_confirmed_at__isnull=True)
    for meeting in waiting.order_by("-date")[:LIMIT]:
        tasks.append(
            Task(
                _("Read the record of your %(meeting)s of %(date)s and confirm it, or add a comment.")
                % {"meeting": meeting.get_kind_display().lower(), "date": _day(meeting.date)},
                meeting.get_absolute_url(),
                _("Read and confirm"),
                meeting.recorded_at.date(),
            )
        )
    return tasks


def _programme_evaluations(user, today) -> list[Task]:
    return [
        Task(
            _("Tell us what you think of %(programme)s: the programme evaluation (%(moment)s) is open.")
            % {"programme": traineeship.programme.name, "moment": label.lower()},
            reverse("evaluations:answer", kwargs={"pk": traineeship.pk, "moment": moment}),
            _("Evaluate the programme"),
            opens_on(traineeship, moment),
        )
        for traineeship, moment, label in due_for_trainee(user, today)[:LIMIT]
    ]


def _mentor(user, today) -> list[Task]:
    mentored = mentored_traineeships(user, today)
    tasks = []
    unrecorded = (
        Meeting.objects.planned()
        .filter(traineeship__in=mentored, date__lt=today)
        .select_related("traineeship__trainee")
        .order_by("-date")[:LIMIT]
    )
    for meeting in unrecorded:
        tasks.append(
            Task(
                _("Record your %(meeting)s with %(trainee)s of %(date)s.")
                % {
                    "meeting": meeting.get_kind_display().lower(),
                    "trainee": meeting.traineeship.trainee.name,
                    "date": _day(meeting.date),
                },
                reverse("mentors:meeting_record", kwargs={"pk": meeting.pk}),
                _("Record the meeting"),
                meeting.date,
            )
        )
    proposed = (
        LearningGoal.objects.filter(traineeship__in=mentored, status=LearningGoal.Status.PROPOSED)
        .select_related("traineeship__trainee")
        .order_by("-updated_at")[:LIMIT]
    )
    for goal in proposed:
        tasks.append(
            Task(
                _("Approve or discuss the learning goal “%(goal)s” of %(trainee)s.")
                % {"goal": goal.title, "trainee": goal.traineeship.trainee.name},
                reverse("portfolios:goals", kwargs={"pk": goal.traineeship_id}),
                _("Open the development plan"),
                goal.updated_at.date(),
            )
        )
    return tasks


def _hr(user, membership, today) -> list[Task]:
    traineeships = Traineeship.objects.visible_to(user).of_organisation(membership.organisation)
    without = (
        with_state(traineeships.filter(running_q(today)), today)
        .filter(risk_no_mentor=True)
        .select_related("trainee")
        .order_by("-start_date")[:LIMIT]
    )
    return [
        Task(
            _("Choose a mentor for %(trainee)s.") % {"trainee": traineeship.trainee.name},
            reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk}),
            _("Choose a mentor"),
            traineeship.start_date,
        )
        for traineeship in without
    ]


def tasks_for(user, membership, today: date) -> list[Task]:
    """Every task waiting on ``user`` in the role of ``membership``, newest first."""
    tasks = _agreements(user, today)
    if membership.role == Role.TRAINEE:
        tasks += _trainee(user, today)
    elif membership.role == Role.MENTOR:
        tasks += _mentor(user, today)
    elif membership.role == Role.HR:
        tasks += _hr(user, membership, today)
    return sorted(tasks, key=lambda task: task.since, reverse=True)
