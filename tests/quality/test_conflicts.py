"""Two people editing the same record: the second save is told the record changed.

Records two people can edit carry a ``version`` that their form posts back (a hidden
input named ``version``). Every such form reachable by crawling is submitted twice
with the same version: the first save goes through, the second comes back with an
error and the record keeps the first edit.
"""

import pytest

from tests.crawling import parse
from tests.quality.conftest import ROLES, client_as, first_crawl_as
from tests.quality.forms import current_values
from tests.quality.reachable import VERSIONED, missing

FIRST, SECOND = "Eerste wijziging door collega A", "Tweede wijziging door collega B"


def versioned_forms(client, role):
    return [
        form
        for form in first_crawl_as(client, role).forms
        if any(field["name"] == "version" and field["type"] == "hidden" for field in form.fields)
    ]


def reopened(client, form):
    """The form as its page shows it now: an earlier check may have saved the same record
    through another form (a meeting's agenda and its record share one version)."""
    _links, forms = parse(client.get(form.page).content.decode(), form.page)
    return next((fresh for fresh in forms if fresh.key() == form.key()), form)


def editable_text_field(form):
    for kind in ("textarea", "text"):
        for field in form.visible_fields():
            if field["type"] == kind and field["name"] != "version":
                return field["name"]
    return None


def assert_second_save_is_refused(client, form):
    """The generic check, usable for any form with a hidden ``version``."""
    field = editable_text_field(form)
    first, second = current_values(form), current_values(form)
    if field:
        first[field], second[field] = [FIRST], [SECOND]
    # Without a text field (approving a learning goal: a choice and a version) both post
    # what the page shows; the second must still be told the record changed.
    response = client.post(form.action, first)
    assert response.status_code in (200, 302, 303), f"first save on {form.page}: {response.status_code}"
    if response.status_code == 200:
        pytest.fail(f"the first save on {form.page} was refused; it should go through: check the demo data")
    response = client.post(form.action, second)
    assert response.status_code in (200, 409), f"second save on {form.page}: {response.status_code}, expected refusal"
    html = response.content.decode()
    assert "invalid-feedback" in html or "alert-danger" in html or "errorlist" in html, (
        f"the second save on {form.page} came back without an error message"
    )
    again = client.get(form.page).content.decode()
    assert not field or SECOND not in again, f"the second save on {form.page} overwrote the first"


@pytest.mark.parametrize("role", ROLES)
def test_second_save_of_the_same_version_is_refused(demo, role):
    client = client_as(role)
    forms = versioned_forms(client, role)
    # Roles that edit no shared record (VERSIONED lists none for them) have nothing to try here.
    lost = missing(VERSIONED[role], forms)
    assert not lost, f"versioned forms {role} should reach but the crawl did not find: {lost}"
    for form in forms:
        assert_second_save_is_refused(client, reopened(client, form))
