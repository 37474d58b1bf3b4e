"""Every page a role reaches by following links answers without a server error, is marked as
Dutch, and no link shown to a role leads to a 403 or a 404.

Crawls the demo data as each role of both organisations (Buurtkracht Noord is a partner in
Zonnedal's regional programme, so its staff see a traineeship they host), and as a visitor
who has not signed in.
"""

import pytest

from organisations.demo import demo_email
from organisations.models import User
from tests.quality.conftest import ROLES, client_as, first_crawl_as

ACCOUNTS = [(role, organisation) for organisation in ("zonnedal", "buurtkracht") for role in ROLES]


def assert_every_page_opens(result):
    assert result.pages, "the crawl found no page at all"
    assert not result.errors, "\n".join(result.errors)
    assert not result.refused, "\n".join(result.refused)
    for url, html in result.pages.items():
        assert '<html lang="nl">' in html, f"{url} is not marked as Dutch"


@pytest.mark.parametrize(("role", "organisation"), ACCOUNTS, ids=[f"{o}-{r}" for r, o in ACCOUNTS])
def test_every_page_and_link_a_role_is_shown_opens(demo, client_for, role, organisation):
    client = client_for(User.objects.get(email=demo_email(role, organisation)))
    assert_every_page_opens(first_crawl_as(client, role, organisation))


def test_every_page_a_visitor_reaches_opens(demo):
    assert_every_page_opens(first_crawl_as(client_as(None), None))
