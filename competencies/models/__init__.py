"""Competency frameworks and their competencies, and the organisation's inventory of learning activities."""

from competencies.models.activities import FORMAL_CATEGORIES, ActivityCategory, ActivityKind, LearningActivity
from competencies.models.frameworks import Competency, CompetencyFramework, CompetencyLevel

__all__ = [
    "FORMAL_CATEGORIES",
    "ActivityCategory",
    "ActivityKind",
    "Competency",
    "CompetencyFramework",
    "CompetencyLevel",
    "LearningActivity",
]
