"""The portfolio as a PDF: cover, contents, one section per part of the portfolio, colophon.

A section is a template and a function ``(traineeship, reader) -> dict`` giving its data; another
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
from portfolios import selectors
from portfolios.models import Moment, Reflection
from portfolios.pdf.base import render_pdf
from portfolios.pdf.evidence import embed_evidence, limit_bytes
from programmes.models import Relation, Traineeship

LOGO_NAME = "logo"
# Only these parts start on a new page (unless their data says ``empty``); the others flow on.
BIG_PARTS = {"meetings", "final-evaluation"}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    data: Callable  # (traineeship, reader) -> dict


def _profile(traineeship, reader):
    return {"profile": selectors.profile(traineeship)}


def _self_evaluations(traineeship, reader):
    evaluations = selectors.self_evaluations(traineeship)
    return {
        "evaluations": [evaluations[m] for m in Moment.values if m in evaluations],
        "chart": selectors.rating_chart(evaluations),
    }


def _goals(traineeship, reader):
    return {"goals": selectors.goals(traineeship)}


def _activities(traineeship, reader):
    return {"activities": selectors.activities(traineeship), "hours": selectors.hours_per_competency(traineeship)}


def _evidence(traineeship, reader):
    rows, attachments = embed_evidence(selectors.evidence(traineeship))
    return {"rows": rows, "attachments": attachments, "limit": limit_bytes()}


def _reflections(traineeship, reader):
    if reader is None:
        return {"reflections": Reflection.objects.none()}
    return {"reflections": Reflection.objects.readable_by(reader, traineeship)}


def _feedback(traineeship, reader):
    return {"requests": selectors.feedback(traineeship).filter(answered_at__isnull=False)}


def _final_evaluation(traineeship, reader):
    evaluation = selectors.final_evaluation(traineeship)
    return {"evaluation": evaluation, "empty": evaluation is None}


SECTIONS = [
    Section("profile", _("Profile"), "portfolios/pdf/sections/profile.html", _profile),
    Section(
        "self-evaluations", _("Self-evaluations"), "portfolios/pdf/sections/self_evaluations.html", _self_evaluations
    ),
    Section("goals", _("Development plan"), "portfolios/pdf/sections/goals.html", _goals),
    Section("activities", _("Development activities"), "portfolios/pdf/sections/activities.html", _activities),
    Section("evidence", _("Evidence"), "portfolios/pdf/sections/evidence.html", _evidence),
    Section("reflections", _("Reflections"), "portfolios/pdf/sections/reflections.html", _reflections),
    Section("feedback", _("Colleague feedback"), "portfolios/pdf/sections/feedback.html", _feedback),
    Section(
        "final-evaluation", _("Final evaluation"), "portfolios/pdf/sections/final_evaluation.html", _final_evaluation
    ),
]


def register_section(section: Section, *, before: str | None = None) -> None:
    """Add another app's section (once), before the section with key ``before`` or at the end."""
    if any(s.key == section.key for s in SECTIONS):
        return
    keys = [s.key for s in SECTIONS]
    SECTIONS.insert(keys.index(before) if before in keys else len(SECTIONS), section)


# The reader's relation named on the cover, most specific first.
RELATION_ORDER = [
    Relation.TRAINEE,
    Relation.MENTOR,
    Relation.MANAGER,
    Relation.HR,
    Relation.COORDINATOR,
    Relation.PARTNER_HR,
]


def reader_role(traineeship: Traineeship, reader) -> str:
    relations = traineeship.relations_of(reader)
    labels = [str(Relation(r).label) for r in RELATION_ORDER if r in relations]
    return ", ".join(labels)


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


def render_portfolio_pdf(*, traineeship: Traineeship, language: str, reader=None, made_by=None) -> bytes:
    """The whole portfolio, made for ``reader`` (what they may read) or, without a reader, as an
    archive copy without private parts; ``made_by`` is who asked for an archive copy."""
    traineeship = selectors.traineeship_for_portfolio().get(pk=traineeship.pk)
    organisation = traineeship.programme.owner
    sections = [
        {"key": s.key, "title": s.title, "template": s.template, **s.data(traineeship, reader)} for s in SECTIONS
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
        "reader": reader,
        "reader_role": reader_role(traineeship, reader) if reader else "",
        "made_by": made_by or reader,
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
