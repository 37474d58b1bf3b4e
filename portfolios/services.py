"""Writes of the portfolio: each in a transaction, with an audit entry where the act matters."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from competencies.models import Competency
from goals.audit import GoalAction
from goals.models import GoalProgress, LearningGoal
from organisations import audit, mail
from organisations.models import Organisation, User, hash_token
from portfolios import goal_states, uploads
from portfolios.audit import PortfolioAction
from portfolios.models import (
    CompetencyRating,
    Evidence,
    FeedbackAnswer,
    FeedbackRequest,
    FinalEvaluation,
    MentorCompetencyRating,
    PortfolioExport,
    Reflection,
    SelfEvaluation,
)
from programmes.models import DevelopmentActivity, Traineeship
from programmes.permissions import Relation

FEEDBACK_VALID_DAYS = 21


class StaleEdit(Exception):
    """Someone else saved the record since this form was opened."""


def _organisation(traineeship: Traineeship) -> Organisation:
    return traineeship.programme.owner


def _check_version(model, pk: int, expected: int):
    current = model.objects.select_for_update().get(pk=pk)
    if current.version != expected:
        raise StaleEdit
    return current


# Self-evaluation ---------------------------------------------------------------------------------


@transaction.atomic
def self_evaluation_save(*, evaluation: SelfEvaluation, ratings: dict[int, int]) -> SelfEvaluation:
    """Save the answers and the rating per competency (``ratings``: competency id → level)."""
    evaluation.submitted_at = evaluation.submitted_at or timezone.now()
    evaluation.full_clean()
    evaluation.save()
    evaluation.ratings.exclude(competency_id__in=ratings).delete()
    for competency_id, level in ratings.items():
        CompetencyRating.objects.update_or_create(
            self_evaluation=evaluation, competency_id=competency_id, defaults={"level": level}
        )
    return evaluation


# Learning goals ----------------------------------------------------------------------------------


class MoveNotAllowed(Exception):
    """The move does not exist from the goal's status, or the actor may not make it."""


def _clear_approval(goal: LearningGoal) -> None:
    goal.approved_by = None
    goal.approved_at = None


@transaction.atomic
def goal_create(
    *, traineeship: Traineeship, actor: User, fields: dict, competencies, propose: bool = False
) -> LearningGoal:
    """A new goal is a draft, or awaits approval at once when the trainee asks for it."""
    status = LearningGoal.Status.PROPOSED if propose else LearningGoal.Status.DRAFT
    goal = LearningGoal(traineeship=traineeship, created_by=actor, status=status, **fields)
    goal.full_clean()
    goal.save()
    goal.competencies.set(competencies)
    return goal


def _substance(goal: LearningGoal) -> dict:
    values = {name: getattr(goal, name) for name in goal_states.SUBSTANCE if name != "competencies"}
    values["competencies"] = set(goal.competencies.values_list("pk", flat=True)) if goal.pk else set()
    return values


@transaction.atomic
def goal_update(
    *, goal: LearningGoal, expected_version: int, fields: dict, competencies, actor: User | None = None
) -> bool:
    """Save the goal; True when the change sent an approved goal back to "awaiting approval"."""
    # The form has already written the new values onto ``goal``: compare with the stored row.
    before = _substance(_check_version(LearningGoal, goal.pk, expected_version))
    for name, value in fields.items():
        setattr(goal, name, value)
    goal.version = expected_version + 1
    goal.full_clean()
    goal.save()
    goal.competencies.set(competencies)
    changed = sorted(name for name, value in _substance(goal).items() if before[name] != value)
    if not (changed and goal.is_approved):
        return False
    previous = goal.status
    goal.status = LearningGoal.Status.PROPOSED
    _clear_approval(goal)
    goal.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit.record(
        organisation=_organisation(goal.traineeship),
        actor=actor,
        action=GoalAction.GOAL_CHANGED,
        subject=goal.traineeship.trainee,
        obj=goal,
        params={"goal": goal.title[:200], "status_from": previous, "fields": ", ".join(changed)},
    )
    return True


@transaction.atomic
def goal_move(*, goal: LearningGoal, actor: User, relations, name: str, expected_version: int) -> LearningGoal:
    """Make one move of ``goal_states`` (propose, return, achieve, stop, ...)."""
    _check_version(LearningGoal, goal.pk, expected_version)
    move = goal_states.move_for(name, goal.status)
    if move is None or not goal_states.may(name, goal, relations) or not move.button:
        raise MoveNotAllowed
    previous = goal.status
    goal.status = move.target
    if move.target in (LearningGoal.Status.DRAFT, LearningGoal.Status.PROPOSED):
        _clear_approval(goal)
    goal.version = expected_version + 1
    goal.save(update_fields=["status", "approved_by", "approved_at", "version", "updated_at"])
    audit.record(
        organisation=_organisation(goal.traineeship),
        actor=actor,
        action=GoalAction.GOAL_MOVED,
        subject=goal.traineeship.trainee,
        obj=goal,
        params={"goal": goal.title[:200], "status_from": previous, "status_to": move.target},
    )
    return goal


@transaction.atomic
def goal_approve(*, goal: LearningGoal, mentor: User, scope: str, expected_version: int) -> LearningGoal:
    """Approve a goal that awaits approval, or change the kind of an approved one."""
    _check_version(LearningGoal, goal.pk, expected_version)
    if not goal_states.can_set_scope(goal, {Relation.MENTOR}):
        raise MoveNotAllowed
    goal.scope = scope
    if goal.status == LearningGoal.Status.PROPOSED:
        goal.status = LearningGoal.Status.ACTIVE
    goal.approved_by = mentor
    goal.approved_at = timezone.now()
    goal.version = expected_version + 1
    goal.save(update_fields=["scope", "status", "approved_by", "approved_at", "version", "updated_at"])
    audit.record(
        organisation=_organisation(goal.traineeship),
        actor=mentor,
        action=GoalAction.GOAL_APPROVED,
        subject=goal.traineeship.trainee,
        obj=goal,
        params={"goal": goal.title[:200], "scope": scope},
    )
    return goal


@transaction.atomic
def goal_progress_add(
    *, goal: LearningGoal, actor: User, progress: int, note: str, recorded_on=None, relations=frozenset()
) -> GoalProgress:
    """Record progress; 100 % marks the goal achieved when the actor may do so (the mentor)."""
    entry = GoalProgress(
        goal=goal,
        recorded_on=recorded_on or timezone.localdate(),
        progress=progress,
        note=note,
        source=GoalProgress.Source.UPDATE,
        recorded_by=actor,
    )
    entry.full_clean()
    entry.save()
    if progress >= 100 and goal_states.may("achieve", goal, relations):
        goal.status = LearningGoal.Status.ACHIEVED
        goal.version += 1
        goal.save(update_fields=["status", "version", "updated_at"])
    return entry


# Activities --------------------------------------------------------------------------------------


@transaction.atomic
def activity_save(*, activity: DevelopmentActivity, competencies) -> DevelopmentActivity:
    if activity.status == DevelopmentActivity.Status.DONE and activity.completed_on is None:
        activity.completed_on = timezone.localdate()
    activity.full_clean()
    activity.save()
    activity.competencies.set(competencies)
    return activity


# Evidence ----------------------------------------------------------------------------------------


@transaction.atomic
def evidence_add(
    *, traineeship: Traineeship, actor: User, fields: dict, upload=None, goals=(), competencies=()
) -> Evidence:
    """Add a link, or a file that was checked by content; the stored name is ours, never the user's."""
    evidence = Evidence(traineeship=traineeship, added_by=actor, **fields)
    if upload is not None:
        checked = uploads.check_upload(upload)
        evidence.kind = Evidence.Kind.FILE
        evidence.original_name = checked.display_name
        evidence.content_type = checked.content_type
        evidence.size = len(checked.content)
        evidence.stored_name = uploads.store(checked)
    else:
        evidence.kind = Evidence.Kind.LINK
    try:
        evidence.full_clean()
        evidence.save()
    except ValidationError:
        if evidence.stored_name:
            uploads.default_storage.delete(evidence.stored_name)
        raise
    evidence.goals.set(goals)
    evidence.competencies.set(competencies)
    return evidence


# Reflections -------------------------------------------------------------------------------------


def reflection_add(
    *, traineeship: Traineeship, text: str, shared_with_mentor: bool, shared_with_coach: bool = False, written_on=None
) -> Reflection:
    reflection = Reflection(
        traineeship=traineeship,
        text=text,
        shared_with_mentor=shared_with_mentor,
        shared_with_coach=shared_with_coach,
        written_on=written_on or timezone.localdate(),
    )
    reflection.full_clean()
    reflection.save()
    return reflection


# Colleague feedback ------------------------------------------------------------------------------


@transaction.atomic
def feedback_request_create(
    *, traineeship: Traineeship, actor: User, name: str, email: str, question: str, competencies, base_url: str
) -> tuple[FeedbackRequest, str]:
    """Ask a colleague for feedback: a personal link that expires and works once."""
    token = FeedbackRequest.new_token()
    request = FeedbackRequest(
        traineeship=traineeship,
        colleague_name=name.strip(),
        colleague_email=email.strip().lower(),
        question=question.strip(),
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=FEEDBACK_VALID_DAYS),
        requested_by=actor,
    )
    request.full_clean()
    request.save()
    request.competencies.set(competencies)
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "request": request,
            "trainee_first_name": first_name(traineeship.trainee),
            "link": base_url.rstrip("/") + request.give_url(token),
            "valid_days": FEEDBACK_VALID_DAYS,
        }
        subject = render_to_string("portfolios/email/feedback_subject.txt", context).strip()
        body = render_to_string("portfolios/email/feedback_body.txt", context)
    mail.queue(to=request.colleague_email, subject=subject, body=body, organisation=traineeship.programme.owner)
    return request, token


def first_name(user: User) -> str:
    return (user.name or "").split(" ")[0] or _("the trainee")


class FeedbackClosed(Exception):
    pass


@transaction.atomic
def feedback_give(*, token: str, answers: dict[int, str], free_text: str, anonymous: bool) -> FeedbackRequest:
    """Store the colleague's answers; the link is dead afterwards. Anonymous givers' details are erased."""
    request = FeedbackRequest.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if request is None or request.is_answered or request.is_expired:
        raise FeedbackClosed
    allowed = set(request.competencies.values_list("pk", flat=True))
    FeedbackAnswer.objects.bulk_create(
        FeedbackAnswer(request=request, competency_id=pk, answer=text.strip())
        for pk, text in answers.items()
        if pk in allowed and text.strip()
    )
    request.free_text = free_text.strip()
    request.anonymous = anonymous
    request.answered_at = timezone.now()
    fields = ["free_text", "anonymous", "answered_at"]
    if anonymous:
        # Nothing that points at the giver stays: not their name or address, and not the
        # question the trainee addressed to them ("Fatima, how do I ...").
        request.colleague_name = ""
        request.colleague_email = ""
        request.question = ""
        fields += ["colleague_name", "colleague_email", "question"]
    request.save(update_fields=fields)
    return request


# Final evaluation --------------------------------------------------------------------------------


class EvaluationLocked(Exception):
    pass


def final_evaluation_for(traineeship: Traineeship) -> FinalEvaluation:
    evaluation, _created = FinalEvaluation.objects.get_or_create(traineeship=traineeship)
    return evaluation


@transaction.atomic
def final_evaluation_update(
    *, evaluation: FinalEvaluation, expected_version: int, fields: dict, mentor_levels: dict | None = None
) -> FinalEvaluation:
    """Save a part (with the mentor's part, ``mentor_levels``: competency id -> level or None);
    any change clears an earlier signature, since both sign the same text."""
    current = _check_version(FinalEvaluation, evaluation.pk, expected_version)
    if current.is_locked:
        raise EvaluationLocked
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if mentor_levels is not None and _mentor_levels_save(evaluation=current, levels=mentor_levels):
        changed.append("mentor_ratings")
    for name, value in fields.items():
        setattr(evaluation, name, value)
    evaluation.version = expected_version + 1
    update = [*fields, "version", "updated_at"]
    if changed:
        evaluation.trainee_signed_at = None
        evaluation.mentor_signed_at = None
        evaluation.mentor_signed_by = None
        update += ["trainee_signed_at", "mentor_signed_at", "mentor_signed_by"]
    evaluation.save(update_fields=update)
    return evaluation


def _mentor_levels_save(*, evaluation: FinalEvaluation, levels: dict) -> bool:
    """Store the mentor's ratings; whether any differs from what was stored."""
    stored = dict(evaluation.mentor_ratings.values_list("competency_id", "level"))
    wanted = {competency_id: level for competency_id, level in levels.items() if level}
    if stored == wanted:
        return False
    evaluation.mentor_ratings.all().delete()
    MentorCompetencyRating.objects.bulk_create(
        MentorCompetencyRating(final_evaluation=evaluation, competency_id=competency_id, level=level)
        for competency_id, level in wanted.items()
    )
    return True


class TextChanged(Exception):
    """The text changed since the signer opened the page: nothing is signed."""


@transaction.atomic
def final_evaluation_sign(
    *, evaluation: FinalEvaluation, actor: User, as_trainee: bool, digest_read: str
) -> FinalEvaluation:
    """Sign the text the signer read (``digest_read``, see ``FinalEvaluation.text_digest``)."""
    current = FinalEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if current.is_locked:
        raise EvaluationLocked
    if digest_read != current.text_digest():
        raise TextChanged
    now = timezone.now()
    if as_trainee:
        current.trainee_signed_at = now
    else:
        current.mentor_signed_at = now
        current.mentor_signed_by = actor
    current.version += 1
    current.save(update_fields=["trainee_signed_at", "mentor_signed_at", "mentor_signed_by", "version", "updated_at"])
    audit.record(
        organisation=_organisation(current.traineeship),
        actor=actor,
        action=PortfolioAction.EVALUATION_SIGNED,
        subject=current.traineeship.trainee,
        obj=current,
        params={"signer": "trainee" if as_trainee else "mentor"},
    )
    return current


@transaction.atomic
def final_evaluation_reopen(*, evaluation: FinalEvaluation, actor: User, reason: str) -> FinalEvaluation:
    current = FinalEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    current.trainee_signed_at = None
    current.mentor_signed_at = None
    current.mentor_signed_by = None
    current.reopened_at = timezone.now()
    current.reopened_by = actor
    current.reopen_reason = reason.strip()
    current.version += 1
    current.save()
    audit.record(
        organisation=_organisation(current.traineeship),
        actor=actor,
        action=PortfolioAction.EVALUATION_REOPENED,
        subject=current.traineeship.trainee,
        obj=current,
        params={"reason": reason[:500]},
    )
    return current


# Downloads and exports ---------------------------------------------------------------------------


def record_download(*, traineeship: Traineeship, actor: User, final_evaluation: bool = False) -> None:
    audit.record(
        organisation=_organisation(traineeship),
        actor=actor,
        action=PortfolioAction.EVALUATION_DOWNLOADED if final_evaluation else PortfolioAction.PORTFOLIO_DOWNLOADED,
        subject=traineeship.trainee,
        obj=traineeship,
    )


def export_downloaded(*, export: PortfolioExport, actor: User) -> None:
    audit.record(
        organisation=export.organisation,
        actor=actor,
        action=PortfolioAction.EXPORT_DOWNLOADED,
        obj=export,
        params={"cohort": str(export.cohort or "")},
    )


@transaction.atomic
def export_request(*, actor: User, organisation: Organisation, cohort, language: str) -> PortfolioExport:
    from portfolios.tasks import build_export

    export = PortfolioExport.objects.create(
        requested_by=actor, organisation=organisation, cohort=cohort, language=language
    )
    audit.record(
        organisation=organisation,
        actor=actor,
        action=audit.Action.EXPORT_CREATED,
        obj=export,
        params={"cohort": str(cohort)},
    )
    transaction.on_commit(lambda: build_export.enqueue(export_id=export.pk))
    return export


def competencies_of(traineeship: Traineeship):
    """The competencies of the traineeship's profile (what the portfolio asks about)."""
    return Competency.objects.filter(pk__in=traineeship.profile_competencies.values("competency")).order_by(
        "position", "code"
    )
