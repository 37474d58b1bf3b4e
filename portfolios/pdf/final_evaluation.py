"""The final evaluation (step 5) as its own PDF; before it exists, a titled empty form to print."""

from django.utils import timezone

from organisations.branding import DEFAULT_ACCENT
from portfolios import selectors
from portfolios.models import FinalEvaluation
from portfolios.pdf.base import render_pdf
from portfolios.pdf.portfolio import reader_role
from programmes.models import Traineeship
from programmes.permissions import relations_of


def render_final_evaluation_pdf(*, traineeship: Traineeship, language: str, reader=None, named=True) -> bytes:
    """Not ``named``: for everyone with the reader's view (a stored PDF), naming their role, not them."""
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    evaluation = selectors.final_evaluation(traineeship)
    context = {
        "traineeship": traineeship,
        "organisation": traineeship.programme.owner,
        "mentors": selectors.mentors_of(traineeship),
        "data": {"evaluation": evaluation, "mentor_ratings": selectors.mentor_ratings(evaluation)},
        "reader": reader if named else None,
        "reader_role": reader_role(relations_of(reader, traineeship)) if reader and not named else "",
        "generated_at": timezone.localtime(),
    }
    return render_pdf(
        "portfolios/pdf/final_evaluation.html",
        context,
        language=language,
        accent=traineeship.programme.owner.accent_colour or DEFAULT_ACCENT,
    )


def render_blank_final_evaluation_pdf(*, traineeship: Traineeship, language: str) -> bytes:
    """The questions of the final evaluation with room to write, for a meeting on paper."""
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    blank = FinalEvaluation(traineeship=traineeship)
    context = {
        "traineeship": traineeship,
        "organisation": traineeship.programme.owner,
        "mentors": selectors.mentors_of(traineeship),
        "evaluation": blank,
        "competencies": [pc.competency for pc in selectors.profile(traineeship).order_by("competency__position")],
        "generated_at": timezone.localtime(),
    }
    return render_pdf(
        "portfolios/pdf/final_evaluation_blank.html",
        context,
        language=language,
        accent=traineeship.programme.owner.accent_colour or DEFAULT_ACCENT,
    )
