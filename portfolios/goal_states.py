"""The life of a learning goal, in one place: its moves and who may make each.

    draft ──propose──▶ awaiting approval ──approve──▶ approved, in progress ──achieve──▶ achieved
      ▲                   │  (return, withdraw)           │                     │
      └───────────────────┘                               └──stop──▶ stopped     └─reopen─▶ in progress

The trainee proposes, the mentor approves (choosing individual / every employee, see
``services.goal_approve``) or returns. Changing the substance of an approved goal sends it
back to "awaiting approval" (``services.goal_update``): an approval covers the text it saw.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from goals.models import LearningGoal
from programmes.permissions import Relation

Status = LearningGoal.Status

# What an approval covers: a change to one of these asks for approval again.
SUBSTANCE = ["title", "measure", "deadline", "competencies"]


@dataclass(frozen=True)
class Move:
    name: str
    sources: tuple[str, ...]
    target: str
    by: frozenset[str]
    label: str
    # Moves with a page of their own (approval asks for the kind of goal) have no button.
    button: bool = True


TRAINEE = frozenset({Relation.TRAINEE})
MENTOR = frozenset({Relation.MENTOR})
BOTH = TRAINEE | MENTOR

MOVES = [
    Move("propose", (Status.DRAFT,), Status.PROPOSED, TRAINEE, _("Ask for approval")),
    Move("withdraw", (Status.PROPOSED,), Status.DRAFT, TRAINEE, _("Withdraw the request")),
    Move("approve", (Status.PROPOSED,), Status.ACTIVE, MENTOR, _("Approve"), button=False),
    Move("return", (Status.PROPOSED,), Status.DRAFT, MENTOR, _("Return to the trainee")),
    Move("achieve", (Status.ACTIVE,), Status.ACHIEVED, MENTOR, _("Mark as achieved")),
    Move("reopen", (Status.ACHIEVED,), Status.ACTIVE, MENTOR, _("Not achieved yet")),
    Move("stop", (Status.DRAFT, Status.PROPOSED), Status.DROPPED, BOTH, _("Stop this goal")),
    Move("stop", (Status.ACTIVE,), Status.DROPPED, MENTOR, _("Stop this goal")),
    Move("resume", (Status.DROPPED,), Status.DRAFT, BOTH, _("Take up again")),
]


def move_for(name: str, status: str) -> Move | None:
    return next((m for m in MOVES if m.name == name and status in m.sources), None)


def may(name: str, goal: LearningGoal, relations) -> bool:
    move = move_for(name, goal.status)
    return move is not None and bool(move.by & set(relations))


def moves_for(goal: LearningGoal, relations) -> list[Move]:
    """The moves ``relations`` may make on ``goal`` now, as buttons."""
    return [m for m in MOVES if m.button and goal.status in m.sources and m.by & set(relations)]


def can_set_scope(goal: LearningGoal, relations) -> bool:
    """The mentor approves an awaiting goal, or changes the kind of an approved one."""
    return Relation.MENTOR in relations and (goal.status == Status.PROPOSED or goal.is_approved)
