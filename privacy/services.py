"""A person's data across every app: the copy they may ask for, erasure on request,
and the retention term. Each app contributes a module ``<app>.privacy`` implementing
``organisations.privacy_protocol.PrivacySection`` (personal data, files, erasure blockers and
summary, erase, purge of a traineeship past its term), found by ``privacy.sections``.
A ``organisations.privacy.Scope`` names the person, the reader and the acting organisation:
an act of HR stays inside HR's organisation, and what the reader may not read (another
person's private reflections) is never in it."""

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations import audit
from organisations import privacy as organisations_privacy
from organisations.jobs import expired_jobs, remove_expired
from organisations.models import Membership, Organisation, Role, User
from organisations.privacy import Scope
from privacy.audit import PrivacyAction
from privacy.sections import sections
from programmes.dates import add_months
from programmes.models import Traineeship


def personal_data(scope: Scope) -> dict:
    data = {"generated_at": timezone.now().isoformat(), "format": "traineeship-personal-data/1"}
    if scope.organisation is not None:
        data["organisation"] = scope.organisation.name
    for section in reversed(sections()):
        data.update(section.personal_data(scope))
    return data


def export_steps() -> int:
    """How many steps ``build_data_export`` reports: the JSON file, then each section's files."""
    return 1 + len(sections())


def build_data_export(scope: Scope, *, progress=lambda: None) -> tuple[str, bytes]:
    """One ZIP with a JSON file of everything in ``scope`` and the files, as far as the reader may read them."""
    user = scope.person
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(personal_data(scope), ensure_ascii=False, indent=2))
        progress()
        for section in sections():
            for name, content in section.files(scope):
                archive.writestr(name, content)
            progress()
    for organisation in _organisations_acting(scope):
        audit.record(
            organisation=organisation,
            actor=scope.reader,
            action=PrivacyAction.DATA_EXPORTED,
            subject=user,
            params={"variant": "zip"},
        )
    name = _("traineeship-data-%(number)s-%(date)s.zip") % {"number": user.pk, "date": f"{timezone.localdate():%Y%m%d}"}
    return name, buffer.getvalue()


def _organisations_acting(scope: Scope) -> list[Organisation]:
    """Whose audit trail records the act: the acting organisation, or for the person's own act every one of theirs."""
    if scope.organisation is not None:
        return [scope.organisation]
    return list(Organisation.objects.filter(memberships__user=scope.person).distinct())


def erasure_blockers(scope: Scope) -> list[str]:
    return [blocker for section in sections() for blocker in section.erasure_blockers(scope)]


def erasure_summary(scope: Scope) -> list[str]:
    return [line for section in sections() for line in section.erasure_summary(scope)]


class ErasureBlocked(Exception):
    pass


@transaction.atomic
def erase_person(scope: Scope) -> None:
    """Erase the person's records in ``scope``; their name disappears from those records, which keep working.

    Another organisation's records and roles stay; the account is disabled only when no
    organisation still has a role for it.
    """
    blockers = erasure_blockers(scope)
    if blockers:
        raise ErasureBlocked(blockers)
    organisations = _organisations_acting(scope)
    for section in sections():
        section.erase(scope)
    for organisation in organisations:
        audit.record(
            organisation=organisation,
            actor=scope.reader,
            action=PrivacyAction.DATA_ERASED,
            subject=scope.person,
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
            for section in sections():
                section.purge_traineeship(traineeship)
            traineeship.delete()
            audit.record(
                organisation=action.organisation,
                actor=None,
                action=PrivacyAction.RETENTION_APPLIED,
                subject=trainee,
                params={"ended": action.ended.isoformat()},
            )
            _remove_trainee_role_if_nothing_left(trainee, action.organisation)
    return actions


def expired_files(*, dry_run: bool) -> int:
    """The copies and exports past their keeping time, removed (or, with ``dry_run``, only counted)."""
    if dry_run:
        return sum(jobs.count() for jobs in expired_jobs())
    return remove_expired()


def _remove_trainee_role_if_nothing_left(trainee: User, organisation: Organisation) -> None:
    """A former trainee with no traineeship left at ``organisation`` loses their trainee role there
    (only there); with no role left anywhere the account is anonymised."""
    if Traineeship.objects.filter(trainee=trainee, programme__owner=organisation).exists():
        return
    Membership.objects.filter(user=trainee, organisation=organisation, role=Role.TRAINEE).delete()
    if not Traineeship.objects.filter(trainee=trainee).exists():
        organisations_privacy.anonymise_if_no_roles_left(trainee)
