"""Programmes, cohorts, traineeships and placements, and the data of steps 1 and 2."""

from programmes.models.activities import ActivityCategory, ActivityKind, DevelopmentActivity, LearningActivity
from programmes.models.frameworks import Competency, CompetencyFramework, CompetencyLevel
from programmes.models.goals import GoalProgress, LearningGoal
from programmes.models.programmes import (
    Cohort,
    DevelopmentDay,
    PartnerInvitation,
    PayRule,
    Programme,
    ProgrammeKind,
)
from programmes.models.registers import (
    CategoryKind,
    ReflectionForm,
    Register,
    RegisterCategory,
    RegisterPreset,
    Registration,
    Unit,
)
from programmes.models.traineeships import (
    EducationLevel,
    Outcome,
    Placement,
    ProfileCompetency,
    Traineeship,
    TraineeshipScopedQuerySet,
    TraineeshipStatus,
    WorkProfile,
)
from programmes.models.versions import TraineeshipVersion

__all__ = [
    "TraineeshipVersion",
    "ActivityCategory",
    "ActivityKind",
    "CategoryKind",
    "ReflectionForm",
    "Register",
    "RegisterCategory",
    "RegisterPreset",
    "Registration",
    "Unit",
    "Cohort",
    "Competency",
    "CompetencyFramework",
    "CompetencyLevel",
    "DevelopmentActivity",
    "DevelopmentDay",
    "EducationLevel",
    "GoalProgress",
    "LearningGoal",
    "LearningActivity",
    "Outcome",
    "PartnerInvitation",
    "PayRule",
    "Placement",
    "ProfileCompetency",
    "Programme",
    "ProgrammeKind",
    "Traineeship",
    "TraineeshipScopedQuerySet",
    "TraineeshipStatus",
    "WorkProfile",
]
