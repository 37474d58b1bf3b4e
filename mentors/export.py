"""The progress meetings as the portfolio PDF shows them, for one reader.

``meetings_for_portfolio`` is the one place that decides what of a meeting goes into a PDF
made for ``reader``; a rule about what a role may not read plugs in at ``_readable_parts``.
"""

from django.db.models import Prefetch

from mentors.models import Agreement, Meeting, MeetingGoalProgress, MeetingKind, Signal
from programmes.models import Traineeship


def _readable_parts(meeting: Meeting, reader) -> dict:
    """What ``reader`` may read of a recorded meeting. The mentor's private note is never exported;
    wellbeing and workload follow the rules of the pages (today: shown to whoever holds the PDF)."""
    signals = dict(Signal.choices)
    return {
        "notes": meeting.notes,
        "workload_label": signals.get(meeting.workload, ""),
        "wellbeing_label": signals.get(meeting.wellbeing, ""),
    }


def meetings_for_portfolio(traineeship: Traineeship, reader) -> list[dict]:
    """Recorded meetings, oldest first, each with its agreements and the progress per learning goal.

    ``reader`` is the user the PDF is made for, or None for an archive copy."""
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
            **_readable_parts(meeting, reader),
        }
        for meeting in meetings
    ]
