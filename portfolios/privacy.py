"""This app's part of a person's data export, erasure and the retention term
(see ``privacy.services``).

The trainee's copy holds self-evaluations, evidence (metadata in the JSON, the files
themselves in the ZIP), every reflection, feedback received and the final evaluation,
plus the portfolio PDF of each traineeship. Feedback shows the giver only where the
giver did not ask for anonymity. Uploaded files and cohort export ZIPs live in storage,
outside the database cascade, so erasure and retention delete them explicitly.
"""

import re
from collections.abc import Iterator

from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.privacy import Scope
from portfolios.models import Evidence, FeedbackRequest, FinalEvaluation, PortfolioExport, Reflection, SelfEvaluation
from portfolios.uploads import display_name
from programmes.dates import add_months
from programmes.models import Traineeship


def _iso(value):
    return value.isoformat() if value else None


def safe_file_name(evidence: Evidence) -> str:
    """``evidence/<id>-<name>``: only letters, digits, dot, dash and underscore from the user's file name."""
    name = display_name(evidence.original_name or evidence.stored_name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = slugify(stem)[:80] or "file"
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:8]
    return f"evidence/{evidence.pk}-{stem}{'.' + extension if extension else ''}"


def _traineeships(scope: Scope):
    return Traineeship.objects.filter(scope.traineeship_filter())


def personal_data(scope: Scope) -> dict:
    traineeships = _traineeships(scope)
    self_evaluations = (
        SelfEvaluation.objects.filter(traineeship__in=traineeships)
        .prefetch_related("ratings__competency")
        .order_by("traineeship", "submitted_at", "pk")
    )
    evidence = (
        Evidence.objects.filter(traineeship__in=traineeships)
        .prefetch_related("goals", "competencies")
        .order_by("created_at", "pk")
    )
    # Reflections never leave the trainee: only in the person's own copy.
    reflections = Reflection.objects.filter(traineeship__in=traineeships if scope.is_own else [])
    reflections = reflections.order_by("written_on", "pk")
    feedback = (
        FeedbackRequest.objects.filter(traineeship__in=traineeships, answered_at__isnull=False)
        .prefetch_related("answers__competency")
        .order_by("answered_at", "pk")
    )
    evaluations = (
        FinalEvaluation.objects.filter(traineeship__in=traineeships)
        .order_by("traineeship")
        .prefetch_related("mentor_ratings__competency")
    )
    return {
        "self_evaluations": [
            {
                "traineeship": s.traineeship_id,
                "moment": s.moment,
                "saved_at": _iso(s.submitted_at),
                **{name: getattr(s, name) for name in SelfEvaluation.QUESTIONS},
                "ratings": [{"competency": str(r.competency), "level": r.level} for r in s.ratings.all()],
            }
            for s in self_evaluations
        ],
        "evidence": [
            {
                "id": e.pk,
                "traineeship": e.traineeship_id,
                "kind": e.kind,
                "title": e.title,
                "description": e.description,
                "file": safe_file_name(e) if e.kind == Evidence.Kind.FILE else None,
                "original_name": e.original_name,
                "content_type": e.content_type,
                "size": e.size,
                "link": e.url,
                "learning_goals": [g.title for g in e.goals.all()],
                "competencies": [str(c) for c in e.competencies.all()],
                "added_at": _iso(e.created_at),
            }
            for e in evidence
        ],
        "reflections": [
            {
                "traineeship": r.traineeship_id,
                "date": _iso(r.written_on),
                "text": r.text,
                "shared_with_mentor": r.shared_with_mentor,
                "shared_with_coach": r.shared_with_coach,
            }
            for r in reflections
        ],
        "feedback_received": [
            {
                "traineeship": f.traineeship_id,
                # Where the giver asked for anonymity, only the text: no name, no address.
                "from": str(f.giver_label),
                "question": f.question,
                "answered_at": _iso(f.answered_at),
                "answers": [{"competency": str(a.competency), "answer": a.answer} for a in f.answers.all()],
                "anything_else": f.free_text,
            }
            for f in feedback
        ],
        "final_evaluations": [
            {
                "traineeship": e.traineeship_id,
                **{name: getattr(e, name) for name in e.TRAINEE_FIELDS + e.MENTOR_FIELDS + e.JOINT_FIELDS},
                "signed_by_me": _iso(e.trainee_signed_at),
                "signed_by_mentor": _iso(e.mentor_signed_at),
                "reopened_at": _iso(e.reopened_at),
                "reopen_reason": e.reopen_reason,
                "mentor_ratings": [{"competency": str(r.competency), "level": r.level} for r in e.mentor_ratings.all()],
            }
            for e in evaluations
        ],
    }


def files(scope: Scope) -> Iterator[tuple[str, bytes]]:
    """The uploaded evidence and each traineeship's portfolio PDF, as far as the reader may read it."""
    from portfolios.pdf.portfolio import render_portfolio_pdf

    traineeships = _traineeships(scope)
    for evidence in Evidence.objects.filter(traineeship__in=traineeships, kind=Evidence.Kind.FILE).order_by("pk"):
        try:
            with default_storage.open(evidence.stored_name, "rb") as handle:
                content = handle.read()
        except FileNotFoundError:
            continue
        yield safe_file_name(evidence), content
    for traineeship in traineeships.order_by("start_date", "pk"):
        language = scope.reader.language or "nl"
        pdf = render_portfolio_pdf(traineeship=traineeship, language=language, reader=scope.reader)
        yield f"portfolio/portfolio-{traineeship.pk}.pdf", pdf


def _retention_end(evaluation: FinalEvaluation):
    signed = max(evaluation.trainee_signed_at, evaluation.mentor_signed_at)
    years = evaluation.traineeship.programme.owner.retention_years
    return add_months(timezone.localdate(signed), 12 * years)


def erasure_blockers(scope: Scope) -> list[str]:
    """A signed final evaluation is the organisation's appraisal record: it is kept for the
    organisation's retention term after signing, also against an erasure request (AVG art. 17(3)(b))."""
    blockers = []
    today = timezone.localdate()
    signed = FinalEvaluation.objects.filter(
        traineeship__in=_traineeships(scope), trainee_signed_at__isnull=False, mentor_signed_at__isnull=False
    ).select_related("traineeship__programme__owner")
    for evaluation in signed:
        keep_until = _retention_end(evaluation)
        if keep_until > today:
            blockers.append(
                _(
                    "The final evaluation of %(programme)s was signed; %(organisation)s keeps it as an appraisal "
                    "record until %(date)s (its retention term). After that date it can be erased, and the daily "
                    "retention run removes it anyway."
                )
                % {
                    "programme": evaluation.traineeship.programme.name,
                    "organisation": evaluation.traineeship.programme.owner.name,
                    "date": date_format(keep_until, "j F Y"),
                }
            )
    return blockers


def erasure_summary(scope: Scope) -> list[str]:
    traineeships = _traineeships(scope)
    files_count = Evidence.objects.filter(traineeship__in=traineeships, kind=Evidence.Kind.FILE).count()
    counts = {
        "self_evaluations": SelfEvaluation.objects.filter(traineeship__in=traineeships).count(),
        "reflections": Reflection.objects.filter(traineeship__in=traineeships).count(),
        "feedback": FeedbackRequest.objects.filter(traineeship__in=traineeships).count(),
        "evaluations": FinalEvaluation.objects.filter(traineeship__in=traineeships).count(),
    }
    parts = {
        "self_evaluations": ngettext(
            "%(count)s self-evaluation", "%(count)s self-evaluations", counts["self_evaluations"]
        ),
        "reflections": ngettext("%(count)s reflection", "%(count)s reflections", counts["reflections"]),
        "feedback": ngettext(
            "%(count)s colleague feedback request", "%(count)s colleague feedback requests", counts["feedback"]
        ),
        "evaluations": ngettext("%(count)s final evaluation", "%(count)s final evaluations", counts["evaluations"]),
    }
    summary = [
        _("%(self_evaluations)s, %(reflections)s, %(feedback)s and %(evaluations)s")
        % {key: text % {"count": counts[key]} for key, text in parts.items()}
    ]
    if files_count:
        summary.append(
            ngettext(
                "%(count)s uploaded evidence file, deleted from storage",
                "%(count)s uploaded evidence files, deleted from storage",
                files_count,
            )
            % {"count": files_count}
        )
    exports = _exports_containing(traineeships).count()
    if exports:
        summary.append(
            ngettext(
                "%(count)s cohort export file that includes this person's portfolio",
                "%(count)s cohort export files that include this person's portfolio",
                exports,
            )
            % {"count": exports}
        )
    return summary


def _exports_containing(traineeships):
    """Cohort ZIPs that may hold these traineeships' portfolios (an export without cohort may hold any)."""
    cohorts = traineeships.exclude(cohort=None).values("cohort")
    owners = traineeships.values("programme__owner")
    return PortfolioExport.objects.filter(Q(cohort__in=cohorts) | Q(cohort=None, organisation__in=owners))


def _delete_files(traineeships) -> None:
    for stored_name in (
        Evidence.objects.filter(traineeship__in=traineeships)
        .exclude(stored_name="")
        .values_list("stored_name", flat=True)
    ):
        default_storage.delete(stored_name)
    exports = _exports_containing(traineeships)
    for stored_name in exports.exclude(stored_name="").values_list("stored_name", flat=True):
        default_storage.delete(stored_name)
    exports.delete()


def erase(scope: Scope) -> None:
    # Files first: the rows go with the traineeship (cascade in programmes), the files would stay behind.
    _delete_files(_traineeships(scope))


def purge_traineeship(traineeship: Traineeship) -> None:
    _delete_files(Traineeship.objects.filter(pk=traineeship.pk))
