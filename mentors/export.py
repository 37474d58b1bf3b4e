"""The progress meetings as the portfolio PDF shows them, for one reader.

``meetings_for_portfolio`` is the one place that decides what of a meeting goes into a PDF
made for a reader: ``_readable_parts`` applies the same read rules as the meeting page.
"""

from django.db.models import Prefetch

from mentors.models import Agreement, Meeting, MeetingGoalProgress, MeetingKind, Signal
from mentors.permissions import WELLBEING
from programmes.models import Traineeship


def _readable_parts(meeting: Meeting, relations) -> dict:
    """What a reader with ``relations`` may read of a recorded meeting. The mentor's private note
    is never exported; workload and wellbeing only to whom ``WELLBEING`` allows, as on the page."""
    signals = dict(Signal.choices) if WELLBEING.allows(relations) else {}
    return {
        "notes": meeting.notes,
        "workload_label": signals.get(meeting.workload, ""),
        "wellbeing_label": signals.get(meeting.wellbeing, ""),
    }


def meetings_for_portfolio(traineeship: Traineeship, relations) -> list[dict]:
    """Recorded meetings, oldest first, each with its agreements and the progress per learning goal.

    ``relations``: those of the person the PDF is made for."""
    meetings = (
        Meeting.objects.recorded()
        .filter(traineeship=traineeship)
        .order_by("date", "pk")
        .prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.select_related("owner").order_by("due_date", "pk")),
            Prefetch(
                "goal_links",
                queryset=MeetingGoalProgress.objects.select_related("progress__goal").order_by("progress__goal__title"),
            ),
        )
    )
    kinds = dict(MeetingKind.choices)
    return [
        {
            "pk": meeting.pk,
            "date": meeting.date,
            "kind_label": kinds.get(meeting.kind, meeting.kind),
            "confirmed": bool(meeting.trainee_confirmed_at and meeting.mentor_confirmed_at),
            "agreements": [
                {
                    "description": agreement.description,
                    "owner": agreement.owner.name,
                    "due_date": agreement.due_date,
                    "status": agreement.get_status_display(),
                }
                for agreement in meeting.agreements.all()
            ],
            "goal_progress": [
                {"goal": link.progress.goal.title, "progress": link.progress.progress, "note": link.progress.note}
                for link in meeting.goal_links.all()
            ],
            **_readable_parts(meeting, relations),
        }
        for meeting in meetings
    ]
