"""Who reads which part of a portfolio: named rules on the relations of ``programmes.permissions``
(which states the portfolio as a whole, ``PORTFOLIO``: goals and activities live there, and the
mentors app links to portfolios without importing this app).

Views check them (403 for a part the viewer may not read), the portfolio page and the PDF
leave out what the reader may not read, and the privacy page lists them.
"""

from django.utils.translation import gettext_lazy as _

from organisations.permissions import ReadRule, register
from programmes.permissions import PORTFOLIO, Relation, relations_of

R = Relation

SELF_EVALUATIONS = register(
    ReadRule(
        "self_evaluations",
        35,
        _("Self-evaluations: your answers and competency ratings"),
        _("To see where you start and how you grow"),
        (R.TRAINEE, R.MENTOR, R.HR, R.MANAGER),
    )
)

REFLECTIONS = register(
    ReadRule(
        "reflections",
        40,
        _("Reflections"),
        _("Your own learning"),
        (R.TRAINEE, R.MENTOR),
        _(
            "Your mentor reads only the reflections you share. Nobody else, and they are never in anyone "
            "else's copy, PDF or export."
        ),
    )
)

FEEDBACK = register(
    ReadRule(
        "feedback",
        45,
        _("Colleague feedback: the colleague's name, e-mail address and answers"),
        _("Feedback on your competencies from people you work with"),
        (R.TRAINEE, R.MENTOR, R.HR, R.MANAGER),
        _(
            "A colleague who asks to stay anonymous is shown without name, and their name and address are "
            "erased once they answer."
        ),
    )
)


def can_read_portfolio(user, traineeship) -> bool:
    return PORTFOLIO.allows(relations_of(user, traineeship))


def readable_reflections(relations, reflections):
    """The trainee reads every entry; the mentor the shared ones; nobody else any."""
    if R.TRAINEE in relations:
        return reflections
    if REFLECTIONS.allows(relations):
        return reflections.filter(shared_with_mentor=True)
    return reflections.none()
