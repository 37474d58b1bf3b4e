"""Reads that span models: suggestions for step 2, summaries for home pages."""

from dataclasses import dataclass

from django.db.models import Prefetch

from competencies.models import Competency, LearningActivity
from programmes.models import DevelopmentActivity, ProfileCompetency, Traineeship


@dataclass
class Suggestion:
    competency: Competency
    activities: list[LearningActivity]


def activity_suggestions(traineeship: Traineeship, available) -> list[Suggestion]:
    """Competencies to develop that no chosen activity covers yet, with inventory activities that would."""
    covered = set(DevelopmentActivity.objects.filter(traineeship=traineeship).values_list("competencies", flat=True))
    to_develop = [
        p.competency
        for p in ProfileCompetency.objects.filter(
            traineeship=traineeship, purpose=ProfileCompetency.Purpose.DEVELOP
        ).select_related("competency")
        if p.competency_id not in covered
    ]
    if not to_develop:
        return []
    by_competency = {c.pk: [] for c in to_develop}
    activities = available.filter(competencies__in=by_competency).prefetch_related(
        Prefetch("competencies", to_attr="competency_list")
    )
    for activity in activities.distinct():
        for competency in activity.competency_list:
            if competency.pk in by_competency and activity not in by_competency[competency.pk]:
                by_competency[competency.pk].append(activity)
    return [Suggestion(c, by_competency[c.pk]) for c in to_develop]
