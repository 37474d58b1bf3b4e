"""Learning goals of the development plan and their progress, which mentors and portfolios build on."""

from goals.models.goals import GoalProgress, LearningGoal

__all__ = ["GoalProgress", "LearningGoal"]
