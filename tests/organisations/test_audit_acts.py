"""Every act the privacy issue lists leaves an entry on its organisation's audit trail,
done through the views, visible to that organisation's HR and not to another's."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from goals.audit import GoalAction
from mentors.audit import MentorAction
from organisations.audit import Action, action_label
from organisations.models import Invitation, Membership
from portfolios.audit import PortfolioAction
from portfolios.models import FinalEvaluation, PortfolioExport
from privacy.audit import PrivacyAction
from programmes.audit import ProgrammeAction
from programmes.models import Cohort
from tests.mentors.factories import MeetingFactory, record
from tests.organisations.test_invitations import invite, link_from
from tests.portfolios.factories import FrameworkFactory, GoalFactory, traineeship_with_profile
from tests.programmes.test_frameworks import GOOD_CSV


def assert_on_trail(personas, client_for, action):
    url = reverse("organisations:audit_trail")
    ours = client_for(personas.hr).get(url, {"action": str(action)})
    assert ours.status_code == 200
    assert [e.action for e in ours.context["page"].object_list] and all(
        e.action == str(action) and e.organisation_id == personas.organisation.pk
        for e in ours.context["page"].object_list
    ), action
    assert action_label(action) in ours.content.decode()
    theirs = client_for(personas.other_hr).get(url, {"action": str(action)})
    assert list(theirs.context["page"].object_list) == [], action


@pytest.fixture
def traineeship(personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    result = traineeship_with_profile(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    cohort = Cohort.objects.create(programme=result.programme, name="Lichting 2026", start_date=result.start_date)
    result.cohort = cohort
    result.save()
    return result


@pytest.mark.django_db
def test_invitations_and_memberships(personas, client_for):
    hr = client_for(personas.hr)
    invite(hr)
    assert_on_trail(personas, client_for, Action.INVITATION_SENT)
    link = link_from(mail.outbox[-1])
    client_for().post(link, {"name": "Nina Nieuw", "password1": "lang-en-veilig-42", "password2": "lang-en-veilig-42"})
    assert_on_trail(personas, client_for, Action.INVITATION_ACCEPTED)
    assert_on_trail(personas, client_for, Action.MEMBERSHIP_ADDED)
    invite(hr, email="piet@example.org", name="Piet")
    hr.post(reverse("organisations:invitation_revoke", args=[Invitation.objects.get(email="piet@example.org").pk]))
    assert_on_trail(personas, client_for, Action.INVITATION_REVOKED)
    membership = Membership.objects.get(user__email="nina@example.org")
    hr.post(reverse("organisations:membership_remove", args=[membership.pk]))
    assert_on_trail(personas, client_for, Action.MEMBERSHIP_REMOVED)


@pytest.mark.django_db
def test_meeting_confirmation(personas, client_for, traineeship):
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor, notes="Afspraken")
    client_for(personas.trainee).post(
        reverse("mentors:meeting_confirm", kwargs={"pk": meeting.pk}), {"digest": meeting.record_digest()}
    )
    assert_on_trail(personas, client_for, MentorAction.MEETING_CONFIRMED)


@pytest.mark.django_db
def test_mentor_change_is_recorded(personas, client_for, traineeship):
    from organisations.models import Role
    from tests.organisations.factories import member

    second = member(personas.organisation, Role.MENTOR, email="tweede-mentor@testdal.example")
    placement = traineeship.placements.get()
    response = client_for(personas.hr).post(
        reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk}),
        {"placement": placement.pk, f"placement-{placement.pk}-mentor": second.pk},
    )
    assert response.status_code == 302
    assert_on_trail(personas, client_for, MentorAction.MENTOR_ASSIGNED)


@pytest.mark.django_db
def test_approvals_sign_offs_reopenings_and_downloads(personas, client_for, traineeship):
    goal = GoalFactory(traineeship=traineeship, status="proposed")
    client_for(personas.mentor).post(
        reverse("portfolios:goal_approve", kwargs={"pk": goal.pk}), {"scope": "individual", "version": goal.version}
    )
    assert_on_trail(personas, client_for, GoalAction.GOAL_APPROVED)
    sign = reverse("portfolios:final_evaluation_sign", kwargs={"pk": traineeship.pk})
    read = {"digest": FinalEvaluation.objects.get_or_create(traineeship=traineeship)[0].text_digest()}
    client_for(personas.trainee).post(sign, read)
    client_for(personas.mentor).post(sign, read)
    assert FinalEvaluation.objects.get(traineeship=traineeship).is_locked
    assert_on_trail(personas, client_for, PortfolioAction.EVALUATION_SIGNED)
    client_for(personas.hr).post(
        reverse("portfolios:final_evaluation_reopen", kwargs={"pk": traineeship.pk}), {"reason": "Fout in de tekst"}
    )
    assert_on_trail(personas, client_for, PortfolioAction.EVALUATION_REOPENED)
    client_for(personas.manager).get(reverse("portfolios:portfolio_pdf", kwargs={"pk": traineeship.pk}))
    assert_on_trail(personas, client_for, PortfolioAction.PORTFOLIO_DOWNLOADED)
    client_for(personas.mentor).get(reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk}))
    assert_on_trail(personas, client_for, PortfolioAction.EVALUATION_DOWNLOADED)


@pytest.mark.django_db
def test_exports_and_their_downloads(personas, client_for, traineeship, django_capture_on_commit_callbacks):
    manager = client_for(personas.manager)
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(reverse("portfolios:exports"), {"cohort": traineeship.cohort.pk})
    assert_on_trail(personas, client_for, Action.EXPORT_CREATED)
    export = PortfolioExport.objects.get()
    download = manager.get(reverse("portfolios:export_download", kwargs={"pk": export.pk}))
    assert download.status_code == 200
    b"".join(download.streaming_content)
    assert_on_trail(personas, client_for, PortfolioAction.EXPORT_DOWNLOADED)


@pytest.mark.django_db
def test_framework_import(personas, client_for):
    framework = FrameworkFactory(organisation=personas.organisation)
    client_for(personas.hr).post(
        reverse("programmes:framework_import", kwargs={"pk": framework.pk}),
        {"file": SimpleUploadedFile("kader.csv", GOOD_CSV.encode())},
    )
    assert_on_trail(personas, client_for, ProgrammeAction.FRAMEWORK_IMPORTED)


@pytest.mark.django_db
def test_data_export_and_erasure(personas, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client_for(personas.trainee).post(reverse("privacy_my_data_download"))  # the worker builds it at once in tests
    assert_on_trail(personas, client_for, PrivacyAction.DATA_EXPORTED)
    membership = Membership.objects.get(user=personas.trainee)
    client_for(personas.hr).post(reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"})
    assert_on_trail(personas, client_for, PrivacyAction.DATA_ERASED)
