"""In the browser, in Dutch: HR invites an outside coach for a traineeship, the coach accepts, sees only
what the trainee shared and plans a session, and the trainee finds it on their coaching page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from portfolios.models import Reflection
from tests.browser.steps import click_through
from tests.mentors.factories import mentored_traineeship
from tests.mentors.test_browser_journey import sign_in


@pytest.mark.browser
def test_hr_invites_a_coach_who_plans_a_session_the_trainee_sees(transactional_db, personas, live_server, browser):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    Reflection.objects.create(traineeship=traineeship, text="Vraag voor de coach", shared_with_coach=True)
    Reflection.objects.create(traineeship=traineeship, text="Alleen voor mezelf")

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    sign_in(page, live_server, personas.hr)
    page.goto(f"{live_server.url}/traineeships/{traineeship.pk}/")
    page.get_by_role("link", name="Nog geen coach").click()
    page.get_by_role("link", name="Coach toewijzen").click()
    page.fill("input[name=invite-name]", "Olga Buiten")
    page.fill("input[name=invite-email]", "olga@coachpraktijk.example")
    click_through(page.get_by_role("button", name="Coach uitnodigen"))
    expect(page.locator("body")).to_contain_text("uitgenodigd, nog niet aangenomen")
    context.close()

    link = re.search(r"https?://\S+/organisation/invitation/\S+/", mail.outbox[-1].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    page.fill("input[name=password1]", "een-lang-wachtwoord-42")
    page.fill("input[name=password2]", "een-lang-wachtwoord-42")
    click_through(page.locator("form button[type=submit]").last)
    click_through(page.get_by_role("link", name=personas.trainee.name).first)
    expect(page.locator("body")).to_contain_text("Vraag voor de coach")
    expect(page.locator("body")).not_to_contain_text("Alleen voor mezelf")
    page.get_by_role("link", name="Gesprek plannen").click()
    page.fill("input[name=date]", "2026-12-10")
    page.fill("input[name=start_time]", "14:00")
    page.get_by_label("Online", exact=True).check()
    page.fill("input[name=location]", "https://meet.example.org/olga")
    click_through(page.get_by_role("button", name="Opslaan"))
    expect(page.locator("body")).to_contain_text("Het gesprek is gepland.")
    context.close()

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    sign_in(page, live_server, personas.trainee)
    click_through(page.get_by_role("link", name="Mijn coach en coachingsgesprekken"))
    expect(page.locator("body")).to_contain_text("Olga Buiten")
    expect(page.locator("body")).to_contain_text("meet.example.org/olga")
    context.close()
