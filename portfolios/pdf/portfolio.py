"""The portfolio as a PDF: cover, contents and one section per part of the portfolio.

A section is a template under ``portfolios/pdf/sections/`` and a function giving its data;
another app adds one by appending to ``SECTIONS`` (e.g. progress meetings).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import MeetingKind, Signal
from mentors.selectors import meeting_records_for_export
from portfolios import selectors
from portfolios.models import Moment, Reflection
from portfolios.pdf.base import render_pdf
from programmes.models import Traineeship


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    data: Callable  # (traineeship, reader) -> dict


def _profile(traineeship, reader):
    return {"profile": selectors.profile(traineeship)}


def _self_evaluations(traineeship, reader):
    evaluations = selectors.self_evaluations(traineeship)
    return {
        "evaluations": [evaluations[m] for m in Moment.values if m in evaluations],
        "chart": selectors.rating_chart(evaluations),
    }


def _goals(traineeship, reader):
    return {"goals": selectors.goals(traineeship)}


def _activities(traineeship, reader):
    return {"activities": selectors.activities(traineeship), "hours": selectors.hours_per_competency(traineeship)}


def _evidence(traineeship, reader):
    return {"evidence": selectors.evidence(traineeship)}


def _reflections(traineeship, reader):
    if reader is None:
        return {"reflections": Reflection.objects.none()}
    return {"reflections": Reflection.objects.readable_by(reader, traineeship)}


def _feedback(traineeship, reader):
    return {"requests": selectors.feedback(traineeship).filter(answered_at__isnull=False)}


def _meetings(traineeship, reader):
    """Recorded progress meetings, as the mentors app exports them (never the private note)."""
    kinds, signals = dict(MeetingKind.choices), dict(Signal.choices)
    return {
        "meetings": [
            {
                **record,
                "kind_label": kinds.get(record["kind"], record["kind"]),
                "workload_label": signals.get(record["workload"], ""),
                "wellbeing_label": signals.get(record["wellbeing"], ""),
                "confirmed": bool(record["trainee_confirmed_at"] and record["mentor_confirmed_at"]),
            }
            for record in meeting_records_for_export(traineeship)
        ]
    }


def _final_evaluation(traineeship, reader):
    return {"evaluation": selectors.final_evaluation(traineeship)}


SECTIONS = [
    Section("profile", _("Profile"), "portfolios/pdf/sections/profile.html", _profile),
    Section(
        "self-evaluations", _("Self-evaluations"), "portfolios/pdf/sections/self_evaluations.html", _self_evaluations
    ),
    Section("goals", _("Development plan"), "portfolios/pdf/sections/goals.html", _goals),
    Section("activities", _("Development activities"), "portfolios/pdf/sections/activities.html", _activities),
    Section("evidence", _("Evidence"), "portfolios/pdf/sections/evidence.html", _evidence),
    Section("reflections", _("Reflections"), "portfolios/pdf/sections/reflections.html", _reflections),
    Section("feedback", _("Colleague feedback"), "portfolios/pdf/sections/feedback.html", _feedback),
    Section("meetings", _("Progress meetings"), "portfolios/pdf/sections/meetings.html", _meetings),
    Section(
        "final-evaluation", _("Final evaluation"), "portfolios/pdf/sections/final_evaluation.html", _final_evaluation
    ),
]


def render_portfolio_pdf(*, traineeship: Traineeship, language: str, reader=None) -> bytes:
    """The whole portfolio; reflections only as far as ``reader`` may read them (none in an archive)."""
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    sections = [
        {"key": s.key, "title": s.title, "template": s.template, **s.data(traineeship, reader)} for s in SECTIONS
    ]
    context = {
        "traineeship": traineeship,
        "mentors": selectors.mentors_of(traineeship),
        "sections": sections,
        "generated_at": timezone.localtime(),
    }
    return render_pdf("portfolios/pdf/portfolio.html", context, language=language)
