"""The portfolio as a PDF: cover, contents, one section per part of the portfolio, colophon.

A section is a template, a function ``(traineeship, relations) -> dict`` giving its data (the
reader's relations to the traineeship) and the read rule that decides who gets it; another
app's section is added with ``register_section`` by the composing ``traineeship`` package (the
progress meetings come from mentors that way). A section's data may carry ``attachments``:
files embedded in the PDF.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.branding import DEFAULT_ACCENT
from organisations.models import Role
from organisations.permissions import ReadRule
from portfolios import selectors
from portfolios.models import Moment, Reflection
from portfolios.pdf.base import render_pdf
from portfolios.pdf.evidence import embed_evidence, limit_bytes
from portfolios.permissions import FEEDBACK, PORTFOLIO, REFLECTIONS, SELF_EVALUATIONS, readable_reflections
from programmes.group_activities import sessions_for
from programmes.models import Traineeship
from programmes.permissions import Relation, portfolio_windows, relations_of

LOGO_NAME = "logo"
# Only these parts start on a new page (unless their data says ``empty``); the others flow on.
BIG_PARTS = {"meetings", "final-evaluation"}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    data: Callable  # (traineeship, relations, windows) -> dict; ``relations``: the reader's relations to the
    # traineeship, ``windows``: the periods whose records they read (``None``: all, see ``portfolio_windows``)
    rule: ReadRule  # a reader it does not allow gets no section at all
    dated: bool = False  # a reader of part of the portfolio (``windows``) gets it, limited to their periods


def _profile(traineeship, relations, windows):
    return {"profile": selectors.profile(traineeship)}


def _self_evaluations(traineeship, relations, windows):
    evaluations = selectors.self_evaluations(traineeship)
    return {
        "evaluations": [evaluations[m] for m in Moment.values if m in evaluations],
        **selectors.growth(traineeship, evaluations, with_mentor=windows is None),
    }


def _goals(traineeship, relations, windows):
    return {"goals": selectors.goals(traineeship, windows)}


def _activities(traineeship, relations, windows):
    return {
        "activities": selectors.activities(traineeship, windows),
        "hours": selectors.hours_per_competency(traineeship, windows),
        "group_sessions": sessions_for(traineeship, windows),
    }


def _evidence(traineeship, relations, windows):
    rows, attachments = embed_evidence(selectors.evidence(traineeship, windows))
    return {"rows": rows, "attachments": attachments, "limit": limit_bytes()}


def _reflections(traineeship, relations, windows):
    return {"reflections": readable_reflections(relations, Reflection.objects.filter(traineeship=traineeship))}


def _feedback(traineeship, relations, windows):
    return {"requests": selectors.feedback(traineeship).filter(answered_at__isnull=False)}


def _final_evaluation(traineeship, relations, windows):
    evaluation = selectors.final_evaluation(traineeship)
    return {
        "evaluation": evaluation,
        "mentor_ratings": selectors.mentor_ratings(evaluation),
        "empty": evaluation is None,
    }


SECTIONS = [
    Section("profile", _("Profile"), "portfolios/pdf/sections/profile.html", _profile, PORTFOLIO, dated=True),
    Section(
        "self-evaluations",
        _("Self-evaluations"),
        "portfolios/pdf/sections/self_evaluations.html",
        _self_evaluations,
        SELF_EVALUATIONS,
    ),
    Section("goals", _("Development plan"), "portfolios/pdf/sections/goals.html", _goals, PORTFOLIO, dated=True),
    Section(
        "activities",
        _("Development activities"),
        "portfolios/pdf/sections/activities.html",
        _activities,
        PORTFOLIO,
        dated=True,
    ),
    Section("evidence", _("Evidence"), "portfolios/pdf/sections/evidence.html", _evidence, PORTFOLIO, dated=True),
    Section("reflections", _("Reflections"), "portfolios/pdf/sections/reflections.html", _reflections, REFLECTIONS),
    Section("feedback", _("Colleague feedback"), "portfolios/pdf/sections/feedback.html", _feedback, FEEDBACK),
    Section(
        "final-evaluation",
        _("Final evaluation"),
        "portfolios/pdf/sections/final_evaluation.html",
        _final_evaluation,
        PORTFOLIO,
    ),
]


def register_section(section: Section, *, before: str | None = None) -> None:
    """Add another app's section (once), before the section with key ``before`` or at the end."""
    if any(s.key == section.key for s in SECTIONS):
        return
    keys = [s.key for s in SECTIONS]
    SECTIONS.insert(keys.index(before) if before in keys else len(SECTIONS), section)


# The reader's relation named on the cover, most specific first, by the role's short name.
RELATION_NAMES = {
    Relation.TRAINEE: Role.TRAINEE.label,
    Relation.MENTOR: Role.MENTOR.label,
    Relation.MANAGER: Role.MANAGER.label,
    Relation.HR: Role.HR.label,
    Relation.COORDINATOR: Role.COORDINATOR.label,
    Relation.PARTNER_HR: Role.HR.label,
    Relation.PARTNER: Role.HR.label,
}


def reader_role(relations) -> str:
    names = dict.fromkeys(str(name) for relation, name in RELATION_NAMES.items() if relation in relations)
    return ", ".join(names)


def _logo(organisation) -> dict[str, tuple[bytes, str]]:
    if not organisation.logo:
        return {}
    try:
        with default_storage.open(organisation.logo.name, "rb") as handle:
            content = handle.read()
    except (FileNotFoundError, OSError):
        return {}
    mime = "image/png" if organisation.logo.name.endswith(".png") else "image/jpeg"
    return {LOGO_NAME: (content, mime)}


def render_portfolio_pdf(*, traineeship: Traineeship, language: str, reader, made_by=None, named=True) -> bytes:
    """The portfolio as far as ``reader`` may read it (each section by its read rule);
    ``made_by`` is who asked for it when that is not the reader (an archive copy). Not ``named``:
    a copy for everyone with the reader's view (a stored PDF), naming their role, not them."""
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    organisation = traineeship.programme.owner
    relations = relations_of(reader, traineeship)
    windows = portfolio_windows(reader, traineeship, relations)
    sections = [
        {"key": s.key, "title": s.title, "template": s.template, **s.data(traineeship, relations, windows)}
        for s in SECTIONS
        if s.rule.allows(relations) and (windows is None or s.dated)
    ]
    attachments = [a for section in sections for a in section.pop("attachments", [])]
    for index, section in enumerate(sections):
        section["big"] = index == 0 or (section["key"] in BIG_PARTS and not section.get("empty"))
    inline = _logo(organisation)
    context = {
        "traineeship": traineeship,
        "organisation": organisation,
        "has_logo": bool(inline),
        "mentors": selectors.mentors_of(traineeship),
        "sections": sections,
        "attachment_count": len(attachments),
        "reader": reader if named else None,
        "reader_role": reader_role(relations),
        "made_by": (made_by or reader) if named else None,
        "generated_at": timezone.localtime(),
    }
    return render_pdf(
        "portfolios/pdf/portfolio.html",
        context,
        language=language,
        inline=inline,
        attachments=attachments,
        accent=organisation.accent_colour or DEFAULT_ACCENT,
    )
