"""Every form each role can reach, submitted empty and with hostile values: never a server
error, and nothing hostile ever rendered unescaped afterwards.

Forms are found by crawling the demo site (``tests/crawling.py``), so the forms of new
apps are covered as soon as their pages are linked; each shape of form (its kind of action and its
fields) is tried once. Each role gets a fresh database.
"""

import pytest

from tests.crawling import is_safe_to_submit
from tests.quality.conftest import ROLES, client_as, crawl_as, first_crawl_as
from tests.quality.forms import HOSTILE_TEXT, empty_values, hostile_values, is_unescaped_hostile, one_per_shape
from tests.quality.reachable import FORMS, missing


@pytest.mark.parametrize("role", [*ROLES, None], ids=[*ROLES, "anonymous"])
def test_every_form_survives_empty_and_hostile_input(demo, role):
    client = client_as(role)
    before = first_crawl_as(client, role)
    forms = one_per_shape([form for form in before.forms if is_safe_to_submit(form)])
    lost = missing(FORMS[role], forms)
    assert not lost, f"forms {role or 'anonymous'} should reach but the crawl did not find: {lost}"
    problems = []
    for form in forms:
        submissions = [("empty", empty_values(form))] + [
            (f"hostile #{index + 1}", hostile_values(form, index)) for index in range(len(HOSTILE_TEXT))
        ]
        for label, data in submissions:
            response = client.post(form.action, data)
            where = f"POST {form.action} (form on {form.page}) {label}"
            if response.status_code >= 500:
                problems.append(f"{where}: answered {response.status_code}")
            elif is_unescaped_hostile(response.content.decode("utf-8", "replace")):
                problems.append(f"{where}: hostile markup rendered unescaped in the answer")
    # Whatever was saved is now shown somewhere: look at every page again (and new ones).
    after = crawl_as(client, role, per_pattern=2, limit=160)
    problems += after.errors
    for url, html in after.pages.items():
        if is_unescaped_hostile(html):
            problems.append(f"GET {url}: hostile markup rendered unescaped")
    assert not problems, f"{len(forms)} forms tried as {role or 'anonymous'}:\n" + "\n".join(problems)
