"""The final evaluation (step 5) as its own PDF."""

from django.utils import timezone

from portfolios import selectors
from portfolios.pdf.base import render_pdf
from programmes.models import Traineeship


def render_final_evaluation_pdf(*, traineeship: Traineeship, language: str) -> bytes:
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    context = {
        "traineeship": traineeship,
        "mentors": selectors.mentors_of(traineeship),
        "data": {"evaluation": selectors.final_evaluation(traineeship)},
        "generated_at": timezone.localtime(),
    }
    return render_pdf("portfolios/pdf/final_evaluation.html", context, language=language)
