"""Programmes, cohorts, traineeships and placements, and the data of steps 1 and 2
(competencies and the learning-activity inventory: ``competencies``; learning goals: ``goals``)."""

from programmes.models.attendance import Attendance, GroupAttendance
from programmes.models.development import DevelopmentActivity
from programmes.models.position_profiles import PositionProfile, PositionProfileCompetency
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
from programmes.models.state import RISK_SIGNALS, STATE_FIELDS, TraineeshipState
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
    "Attendance",
    "GroupAttendance",
    "PositionProfile",
    "PositionProfileCompetency",
    "TraineeshipVersion",
    "CategoryKind",
    "ReflectionForm",
    "Register",
    "RegisterCategory",
    "RegisterPreset",
    "Registration",
    "Unit",
    "Cohort",
    "DevelopmentActivity",
    "DevelopmentDay",
    "EducationLevel",
    "Outcome",
    "PartnerInvitation",
    "PayRule",
    "Placement",
    "ProfileCompetency",
    "Programme",
    "ProgrammeKind",
    "Traineeship",
    "RISK_SIGNALS",
    "STATE_FIELDS",
    "TraineeshipState",
    "TraineeshipScopedQuerySet",
    "TraineeshipStatus",
    "WorkProfile",
]
