"""This app's part of a person's data export, erasure and the retention term."""

from django.utils.translation import ngettext

from organisations.privacy import Scope
from programmes.models import Placement, Traineeship, TraineeshipStatus


def _date(value):
    return value.isoformat() if value else None


def traineeships_in(scope: Scope):
    return Traineeship.objects.filter(scope.traineeship_filter())


def personal_data(scope: Scope) -> dict:
    traineeships = (
        traineeships_in(scope)
        .select_related("programme", "cohort", "work_profile", "registration__register")
        .prefetch_related(
            "placements__organisation",
            "profile_competencies__competency",
            "development_activities__competencies",
            "development_activities__register_category__register",
            "group_attendances__session",
            "learning_goals__competencies",
            "learning_goals__progress",
        )
    )
    return {
        "traineeships": [
            {
                "id": t.pk,
                "programme": t.programme.name,
                "cohort": t.cohort.name if t.cohort else None,
                "education_level": t.education_level,
                "graduation_date": _date(t.graduation_date),
                "scale": t.scale,
                "start_date": _date(t.start_date),
                "end_date": _date(t.end_date),
                "status": t.status,
                "outcome": t.outcome,
                "placements": [
                    {
                        "organisation": p.organisation.name,
                        "start_date": _date(p.start_date),
                        "end_date": _date(p.end_date),
                        "assignment": p.assignment,
                        # The employer's own contract rules, when the placement carries them.
                        "employer_cao": p.cao_preset or None,
                        "contract_months": p.contract_months,
                        "contract_hours_per_week": (
                            str(p.contract_hours_per_week) if p.contract_hours_per_week is not None else None
                        ),
                        "pay_scale": p.pay_scale,
                    }
                    for p in t.placements.all()
                ],
                "work_profile": _work_profile(t),
                "registration": _registration(t),
                "profile_competencies": [
                    {"competency": str(pc.competency), "purpose": pc.purpose, "target_level": pc.target_level}
                    for pc in t.profile_competencies.all()
                ],
                "development_activities": [
                    {
                        "title": a.title,
                        "kind": a.kind,
                        "category": a.category,
                        "status": a.status,
                        "hours": str(a.hours) if a.hours is not None else None,
                        "planned_date": _date(a.planned_date),
                        "completed_on": _date(a.completed_on),
                        "competencies": [str(c) for c in a.competencies.all()],
                        "register_category": str(a.register_category) if a.register_category else None,
                        "register_points": str(a.register_points) if a.register_points is not None else None,
                        "face_to_face_hours": str(a.face_to_face_hours) if a.face_to_face_hours is not None else None,
                        "provider": a.provider,
                        "accreditation_number": a.accreditation_number,
                    }
                    for a in t.development_activities.all()
                ],
                "group_activity_attendance": [
                    {
                        "group_activity": a.session.topic,
                        "kind": a.session.kind,
                        "date": _date(a.session.date),
                        "hours": str(a.session.hours) if a.session.hours is not None else None,
                        "attendance": a.status,
                    }
                    for a in sorted(t.group_attendances.all(), key=lambda a: a.session.date)
                ],
                "learning_goals": [
                    {
                        "title": g.title,
                        "measure": g.measure,
                        "deadline": _date(g.deadline),
                        "talents": g.talents,
                        "scope": g.scope,
                        "status": g.status,
                        "approved": g.is_approved,
                        "competencies": [str(c) for c in g.competencies.all()],
                        "progress": [
                            {"date": _date(p.recorded_on), "progress": p.progress, "note": p.note}
                            for p in g.progress.all()
                        ],
                    }
                    for g in t.learning_goals.all()
                ],
            }
            for t in traineeships
        ]
    }


def _work_profile(traineeship: Traineeship) -> dict | None:
    profile = getattr(traineeship, "work_profile", None)
    if profile is None:
        return None
    return {
        "kind": profile.kind,
        "tasks": profile.tasks,
        "assignment": profile.assignment,
        "end_result": profile.end_result,
    }


def erasure_blockers(scope: Scope) -> list[str]:
    blockers = []
    running = traineeships_in(scope).filter(status__in=[TraineeshipStatus.PLANNED, TraineeshipStatus.ACTIVE]).count()
    if running:
        blockers.append(
            ngettext(
                "%(count)s traineeship of this person is planned or running; finish or stop it first.",
                "%(count)s traineeships of this person are planned or running; finish or stop them first.",
                running,
            )
            % {"count": running}
        )
    return blockers


def erasure_summary(scope: Scope) -> list[str]:
    count = traineeships_in(scope).count()
    mentored = Placement.objects.filter(mentor=scope.person)
    if scope.organisation is not None:
        mentored = mentored.filter(organisation=scope.organisation)
    mentored = mentored.count()
    summary = [
        ngettext(
            "%(count)s traineeship of this person, with its placements, profile, activities and learning goals",
            "%(count)s traineeships of this person, with their placements, profile, activities and learning goals",
            count,
        )
        % {"count": count}
    ]
    if mentored:
        summary.append(
            ngettext(
                "the name as mentor on %(count)s placement (the placement stays, without the name)",
                "the name as mentor on %(count)s placements (the placements stay, without the name)",
                mentored,
            )
            % {"count": mentored}
        )
    return summary


def erase(scope: Scope) -> None:
    # Everything of a traineeship hangs off it (cascade); other apps remove their files first.
    traineeships_in(scope).delete()


def _registration(traineeship: Traineeship) -> dict | None:
    registration = getattr(traineeship, "registration", None)
    if registration is None:
        return None
    return {
        "register": registration.register.name,
        "number": registration.number,
        "registered_on": _date(registration.registered_on),
    }


def files(scope: Scope) -> list[tuple[str, bytes]]:
    """No files of this app go into the copy."""
    return []


def purge_traineeship(traineeship) -> None:
    """Deleting the traineeship row removes all of this app's records of it; no files are left."""
