"""Portfolio views, one module per part of the portfolio."""

from portfolios.views.editing import (  # noqa: F401
    evidence_delete,
    evidence_edit,
    reflection_delete,
    reflection_edit,
)
from portfolios.views.evaluation import (  # noqa: F401
    export_detail,
    export_download,
    exports,
    final_evaluation,
    final_evaluation_pdf,
    final_evaluation_reopen,
    final_evaluation_sign,
    portfolio_pdf,
)
from portfolios.views.pages import (  # noqa: F401
    activities,
    activity_create,
    activity_edit,
    goal_approve,
    goal_create,
    goal_edit,
    goal_move,
    goal_progress,
    goals,
    mine,
    portfolio,
    self_evaluation_edit,
    self_evaluations,
)
from portfolios.views.records import (  # noqa: F401
    evidence,
    evidence_create,
    evidence_download,
    feedback,
    feedback_give,
    feedback_request,
    reflections,
)
