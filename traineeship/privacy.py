"""A person's data across every app: the copy they may ask for, erasure on request,
and the retention term. Each app contributes a module ``<app>.privacy`` with
``personal_data(user) -> dict`` and ``erase(user)``, and optionally
``erasure_blockers(user)``, ``erasure_summary(user)``, ``files(user)`` (evidence to
include in the copy) and ``purge_traineeship(traineeship)`` (clean up before the
retention term removes a traineeship)."""

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from mentors import privacy as mentors_privacy
from organisations import audit
from organisations import privacy as organisations_privacy
from organisations.models import Membership, Organisation, Role, User
from portfolios import privacy as portfolios_privacy
from programmes import privacy as programmes_privacy
from programmes.dates import add_months
from programmes.models import Traineeship
from signin import privacy as signin_privacy

# Erasure runs from the most dependent app down; the account is anonymised last.
SECTIONS = [signin_privacy, portfolios_privacy, mentors_privacy, programmes_privacy, organisations_privacy]


def personal_data(user: User) -> dict:
    data = {"generated_at": timezone.now().isoformat(), "format": "traineeship-personal-data/1"}
    for section in reversed(SECTIONS):
        data.update(section.personal_data(user))
    return data


def export_steps() -> int:
    """How many steps ``build_data_export`` reports: the JSON file, then each section's files."""
    return 1 + len(SECTIONS)


def build_data_export(
    *, user: User, requested_by: User, organisation: Organisation | None, progress=lambda: None
) -> tuple[str, bytes]:
    """One ZIP with a JSON file of everything held about ``user`` and their files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(personal_data(user), ensure_ascii=False, indent=2))
        progress()
        for section in SECTIONS:
            for name, content in getattr(section, "files", lambda _user: [])(user):
                archive.writestr(name, content)
            progress()
    for membership_org in _organisations_of(user, organisation):
        audit.record(
            organisation=membership_org,
            actor=requested_by,
            action=audit.Action.DATA_EXPORTED,
            subject=user,
            params={"variant": "zip"},
        )
    return f"traineeship-data-{user.pk}-{timezone.localdate():%Y%m%d}.zip", buffer.getvalue()


def _organisations_of(user: User, fallback: Organisation | None) -> list[Organisation]:
    organisations = list(Organisation.objects.filter(memberships__user=user).distinct())
    return organisations or ([fallback] if fallback else [])


def erasure_blockers(user: User) -> list[str]:
    return [blocker for section in SECTIONS for blocker in getattr(section, "erasure_blockers", lambda _u: [])(user)]


def erasure_summary(user: User) -> list[str]:
    return [line for section in SECTIONS for line in getattr(section, "erasure_summary", lambda _u: [])(user)]


class ErasureBlocked(Exception):
    pass


@transaction.atomic
def erase_person(*, user: User, erased_by: User, organisation: Organisation) -> None:
    """Erase ``user``'s data; their name disappears from other records, which keep working."""
    blockers = erasure_blockers(user)
    if blockers:
        raise ErasureBlocked(blockers)
    organisations = _organisations_of(user, organisation)
    for section in SECTIONS:
        section.erase(user)
    for membership_org in organisations:
        audit.record(
            organisation=membership_org,
            actor=erased_by,
            action=audit.Action.DATA_ERASED,
            subject=user,
            params={"variant": "request"},
        )


@dataclass(frozen=True)
class RetentionAction:
    organisation: Organisation
    traineeship_id: int
    trainee_label: str
    ended: date
    keep_until: date


def due_for_removal(*, today: date) -> list[RetentionAction]:
    """Traineeships whose organisation's retention term has passed (the last day of the term is kept)."""
    actions = []
    for organisation in Organisation.objects.all():
        cutoff = add_months(today, -12 * organisation.retention_years)
        traineeships = (
            Traineeship.objects.filter(programme__owner=organisation, end_date__lt=cutoff)
            .select_related("trainee")
            .order_by("end_date", "pk")
        )
        for traineeship in traineeships:
            actions.append(
                RetentionAction(
                    organisation=organisation,
                    traineeship_id=traineeship.pk,
                    trainee_label=str(traineeship.trainee),
                    ended=traineeship.end_date,
                    keep_until=add_months(traineeship.end_date, 12 * organisation.retention_years),
                )
            )
    return actions


def apply_retention(*, today: date, dry_run: bool) -> list[RetentionAction]:
    """Remove what is past its term (or, with ``dry_run``, only list it)."""
    actions = due_for_removal(today=today)
    if dry_run:
        return actions
    for action in actions:
        with transaction.atomic():
            traineeship = Traineeship.objects.select_related("trainee").filter(pk=action.traineeship_id).first()
            if traineeship is None:
                continue
            trainee = traineeship.trainee
            for section in SECTIONS:
                getattr(section, "purge_traineeship", lambda _t: None)(traineeship)
            traineeship.delete()
            audit.record(
                organisation=action.organisation,
                actor=None,
                action=audit.Action.RETENTION_APPLIED,
                subject=trainee,
                params={"ended": action.ended.isoformat()},
            )
            _anonymise_if_nothing_left(trainee)
    return actions


def _anonymise_if_nothing_left(trainee: User) -> None:
    """A former trainee with no traineeship and no other role left is anonymised."""
    if Traineeship.objects.filter(trainee=trainee).exists():
        return
    if Membership.objects.filter(user=trainee).exclude(role=Role.TRAINEE).exists():
        return
    organisations_privacy.erase(trainee)
