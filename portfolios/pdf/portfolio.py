"""The portfolio as a PDF: cover, contents and one section per part of the portfolio.

A section is a template under ``portfolios/pdf/sections/`` and a function giving its data;
another app adds one by appending to ``SECTIONS`` (e.g. progress meetings).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import MeetingKind, Signal
from mentors.permissions import MEETINGS, WELLBEING
from mentors.selectors import meeting_records_for_export
from organisations.permissions import ReadRule
from portfolios import selectors
from portfolios.models import Moment, Reflection
from portfolios.pdf.base import render_pdf
from portfolios.permissions import FEEDBACK, PORTFOLIO, REFLECTIONS, SELF_EVALUATIONS, readable_reflections
from programmes.models import Traineeship
from programmes.permissions import relations_of


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    data: Callable  # (traineeship, relations) -> dict; ``relations``: the reader's relations to the traineeship
    rule: ReadRule  # a reader it does not allow gets no section at all


def _profile(traineeship, relations):
    return {"profile": selectors.profile(traineeship)}


def _self_evaluations(traineeship, relations):
    evaluations = selectors.self_evaluations(traineeship)
    return {
        "evaluations": [evaluations[m] for m in Moment.values if m in evaluations],
        "chart": selectors.rating_chart(evaluations),
    }


def _goals(traineeship, relations):
    return {"goals": selectors.goals(traineeship)}


def _activities(traineeship, relations):
    return {"activities": selectors.activities(traineeship), "hours": selectors.hours_per_competency(traineeship)}


def _evidence(traineeship, relations):
    return {"evidence": selectors.evidence(traineeship)}


def _reflections(traineeship, relations):
    return {"reflections": readable_reflections(relations, Reflection.objects.filter(traineeship=traineeship))}


def _feedback(traineeship, relations):
    return {"requests": selectors.feedback(traineeship).filter(answered_at__isnull=False)}


def _meetings(traineeship, relations):
    """Recorded progress meetings, as the mentors app exports them (never the private note)."""
    kinds, signals = dict(MeetingKind.choices), dict(Signal.choices)
    if not WELLBEING.allows(relations):
        signals = {}
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


def _final_evaluation(traineeship, relations):
    return {"evaluation": selectors.final_evaluation(traineeship)}


SECTIONS = [
    Section("profile", _("Profile"), "portfolios/pdf/sections/profile.html", _profile, PORTFOLIO),
    Section(
        "self-evaluations",
        _("Self-evaluations"),
        "portfolios/pdf/sections/self_evaluations.html",
        _self_evaluations,
        SELF_EVALUATIONS,
    ),
    Section("goals", _("Development plan"), "portfolios/pdf/sections/goals.html", _goals, PORTFOLIO),
    Section(
        "activities", _("Development activities"), "portfolios/pdf/sections/activities.html", _activities, PORTFOLIO
    ),
    Section("evidence", _("Evidence"), "portfolios/pdf/sections/evidence.html", _evidence, PORTFOLIO),
    Section("reflections", _("Reflections"), "portfolios/pdf/sections/reflections.html", _reflections, REFLECTIONS),
    Section("feedback", _("Colleague feedback"), "portfolios/pdf/sections/feedback.html", _feedback, FEEDBACK),
    Section("meetings", _("Progress meetings"), "portfolios/pdf/sections/meetings.html", _meetings, MEETINGS),
    Section(
        "final-evaluation",
        _("Final evaluation"),
        "portfolios/pdf/sections/final_evaluation.html",
        _final_evaluation,
        PORTFOLIO,
    ),
]


def render_portfolio_pdf(*, traineeship: Traineeship, language: str, reader) -> bytes:
    """The portfolio as far as ``reader`` may read it: each section by its read rule."""
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    relations = relations_of(reader, traineeship)
    sections = [
        {"key": s.key, "title": s.title, "template": s.template, **s.data(traineeship, relations)}
        for s in SECTIONS
        if s.rule.allows(relations)
    ]
    context = {
        "traineeship": traineeship,
        "mentors": selectors.mentors_of(traineeship),
        "sections": sections,
        "generated_at": timezone.localtime(),
    }
    return render_pdf("portfolios/pdf/portfolio.html", context, language=language)
