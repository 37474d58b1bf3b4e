from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = _("Portfolios")

    def ready(self):
        # The app's read rules register themselves for the privacy page.
        from portfolios import permissions  # noqa: F401
        from portfolios.models import (
            CompetencyRating,
            Evidence,
            FeedbackAnswer,
            FeedbackRequest,
            FinalEvaluation,
            MentorCompetencyRating,
            Reflection,
            SelfEvaluation,
        )
        from programmes import content_version as cv

        # What the portfolio and final-evaluation PDFs are made of (stored PDFs go stale on a change).
        for model in (SelfEvaluation, Reflection, FinalEvaluation):
            cv.track(model, "traineeship")
        cv.track(Evidence, "traineeship", m2m=("goals", "competencies"))
        cv.track(FeedbackRequest, "traineeship", m2m=("competencies",))
        cv.track(FeedbackAnswer, "request__traineeship")
        cv.track(CompetencyRating, "self_evaluation__traineeship")
        cv.track(MentorCompetencyRating, "final_evaluation__traineeship")
        register_pdf_kinds()


def register_pdf_kinds() -> None:
    """The PDFs the task worker renders and keeps (``portfolios.stored_pdfs``)."""
    from portfolios.pdf import final_evaluation, portfolio
    from portfolios.stored_pdfs import register_kind

    register_kind(
        "portfolio",
        lambda *, traineeship, language, reader: portfolio.render_portfolio_pdf(
            traineeship=traineeship, language=language, reader=reader, named=False
        ),
    )
    register_kind(
        "final-evaluation",
        lambda *, traineeship, language, reader: final_evaluation.render_final_evaluation_pdf(
            traineeship=traineeship, language=language, reader=reader, named=False
        ),
    )
    register_kind(
        "final-evaluation-form",
        lambda *, traineeship, language, reader: final_evaluation.render_blank_final_evaluation_pdf(
            traineeship=traineeship, language=language
        ),
    )
