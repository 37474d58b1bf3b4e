"""A mentor logs a meeting with an agreement in the browser; the trainee confirms it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentors.models import Agreement, Meeting
from tests.mentors.factories import MeetingFactory, mentored_traineeship
from tests.organisations.factories import PASSWORD


def sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


@pytest.mark.browser
def test_mentor_logs_a_meeting_and_trainee_confirms(transactional_db, personas, live_server, browser):
    for user in (personas.mentor, personas.trainee):
        user.language = "en"
        user.save(update_fields=["language"])
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = MeetingFactory(traineeship=traineeship, date=timezone.localdate() - timedelta(days=1))
    meeting.participants.set([personas.mentor, personas.trainee])

    mentor_context = browser.new_context(locale="en-GB")
    page = mentor_context.new_page()
    sign_in(page, live_server, personas.mentor)
    page.goto(f"{live_server.url}/mentors/meetings/")
    page.get_by_role("link", name="Progress meeting").first.click()
    page.get_by_role("link", name="Record the meeting").click()
    page.fill("textarea[name=notes]", "Goed gesprek over de eerste casussen.")
    page.select_option("select[name=wellbeing]", "4")
    page.fill("textarea[name=private_note]", "Alleen voor mij.")
    page.fill("input[name=agreements-0-description]", "Verslag van het huisbezoek schrijven")
    page.select_option("select[name=agreements-0-owner]", str(personas.trainee.pk))
    page.fill("input[name=agreements-0-due_date]", (timezone.localdate() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Save the record").click()
    page.get_by_role("button", name="I have read the record and confirm it").click()
    page.wait_for_load_state()
    mentor_context.close()

    trainee_context = browser.new_context(locale="en-GB")
    page = trainee_context.new_page()
    sign_in(page, live_server, personas.trainee)
    page.get_by_role("link", name="Read and confirm").first.click()
    assert "Goed gesprek over de eerste casussen." in page.content()
    assert "Alleen voor mij." not in page.content()
    page.get_by_role("button", name="I have read the record and confirm it").click()
    page.wait_for_load_state()
    assert "it is final" in page.content()
    trainee_context.close()

    meeting.refresh_from_db()
    assert meeting.is_locked
    assert Agreement.objects.get(meeting=meeting).owner == personas.trainee
    assert Meeting.objects.count() == 1
