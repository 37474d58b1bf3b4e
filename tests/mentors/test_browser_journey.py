"""A mentor logs a meeting with an agreement in the browser; the trainee confirms it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mentors.models import Agreement, Meeting
from tests.browser import steps
from tests.mentors.factories import MeetingFactory, mentored_traineeship
from tests.organisations.factories import PASSWORD


def sign_in(page, live_server, user):
    steps.sign_in(page, live_server.url, user.email, PASSWORD)


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
    page.get_by_role("button", name="Add an agreement").click()
    page.fill("input[name=agreements-0-description]", "Verslag van het huisbezoek schrijven")
    page.select_option("select[name=agreements-0-owner]", str(personas.trainee.pk))
    page.fill("input[name=agreements-0-due_date]", (timezone.localdate() + timedelta(days=7)).isoformat())
    steps.click_through(page.get_by_role("button", name="Save the record"))
    mentor_context.close()

    trainee_context = browser.new_context(locale="en-GB")
    page = trainee_context.new_page()
    sign_in(page, live_server, personas.trainee)
    steps.click_through(page.get_by_role("link", name="Read and confirm").first)
    expect(page.locator("body")).to_contain_text("Goed gesprek over de eerste casussen.")
    expect(page.locator("body")).not_to_contain_text("Alleen voor mij.")
    steps.click_through(page.get_by_role("button", name="I have read the record and confirm it"))
    expect(page.locator("body")).to_contain_text("it is final")
    trainee_context.close()

    meeting.refresh_from_db()
    assert meeting.is_locked
    assert Agreement.objects.get(meeting=meeting).owner == personas.trainee
    assert Meeting.objects.count() == 1


@pytest.mark.browser
def test_mentor_logs_a_past_meeting_with_two_agreements_in_one_submission(
    transactional_db, personas, live_server, browser
):
    personas.mentor.language = "en"
    personas.mentor.save(update_fields=["language"])
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server, personas.mentor)
    page.goto(f"{live_server.url}/mentors/mentees/")
    page.get_by_role("link", name="Log a past meeting").first.click()
    submissions = []
    page.on("request", lambda request: submissions.append(request) if request.method == "POST" else None)
    page.fill("input[name=date]", (timezone.localdate() - timedelta(days=2)).isoformat())
    page.fill("textarea[name=notes]", "Terugblik op de eerste weken.")
    page.select_option("select[name=workload]", "3")
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    # Three rows added in place, the middle one removed again: two agreements remain.
    for index, text in enumerate(["Casus uitwerken", "Wordt geschrapt", "Intervisie plannen"]):
        page.get_by_role("button", name="Add an agreement").click()
        page.fill(f"input[name=agreements-{index}-description]", text)
        page.select_option(f"select[name=agreements-{index}-owner]", str(personas.trainee.pk))
        page.fill(f"input[name=agreements-{index}-due_date]", due)
    page.get_by_role("button", name="Remove this agreement").nth(1).click()
    page.wait_for_selector("input[name=agreements-1-description]", state="detached")
    steps.click_through(page.get_by_role("button", name="Save the meeting"))
    expect(page.locator("body")).to_contain_text("The meeting is logged")
    context.close()

    assert len(submissions) == 1
    meeting = Meeting.objects.get(traineeship=traineeship)
    assert meeting.is_recorded and meeting.mentor_confirmed_by == personas.mentor
    assert sorted(meeting.agreements.values_list("description", flat=True)) == ["Casus uitwerken", "Intervisie plannen"]


@pytest.mark.browser
def test_a_failed_submission_shows_the_error_summary_with_focus(transactional_db, personas, live_server, browser):
    personas.mentor.language = "en"
    personas.mentor.save(update_fields=["language"])
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server, personas.mentor)
    page.goto(f"{live_server.url}/mentors/traineeships/{traineeship.pk}/meetings/log/")
    page.fill("input[name=date]", (timezone.localdate() + timedelta(days=3)).isoformat())
    steps.click_through(page.get_by_role("button", name="Save the meeting"))
    focused = page.evaluate("document.activeElement.dataset.errorSummary !== undefined")
    assert focused
    page.locator("[data-error-summary] a").first.click()
    assert page.evaluate("document.activeElement.name") == "date"
    context.close()
