"""Every page a role reaches by following links answers without a server error, is marked as
Dutch, and no link shown to a role leads to a 403 or a 404.

Crawls the demo data as each role of both organisations (Buurtkracht Noord is a partner in
Zonnedal's regional programme, so its staff see a traineeship they host), and as a visitor
who has not signed in.
"""

import pytest

from organisations.demo import demo_email
from organisations.models import User
from tests.crawling import client_fetcher, crawl
from tests.quality.conftest import ANONYMOUS_START, ROLES, client_as

ACCOUNTS = [(role, organisation) for organisation in ("zonnedal", "buurtkracht") for role in ROLES]


def crawl_recording_refusals(client, start):
    fetch = client_fetcher(client)
    refused = []

    def recording_fetch(url):
        status, content_type, text = fetch(url)
        if status in (403, 404) and url.startswith("/"):
            refused.append(f"{url} answered {status}")
        return status, content_type, text

    return crawl(recording_fetch, start, per_pattern=3, limit=150), refused


def assert_every_page_opens(result, refused):
    assert result.pages, "the crawl found no page at all"
    assert not result.errors, "\n".join(result.errors)
    assert not refused, "\n".join(refused)
    for url, html in result.pages.items():
        assert '<html lang="nl">' in html, f"{url} is not marked as Dutch"


@pytest.mark.parametrize(("role", "organisation"), ACCOUNTS, ids=[f"{o}-{r}" for r, o in ACCOUNTS])
def test_every_page_and_link_a_role_is_shown_opens(demo, client_for, role, organisation):
    client = client_for(User.objects.get(email=demo_email(role, organisation)))
    assert_every_page_opens(*crawl_recording_refusals(client, ("/",)))


def test_every_page_a_visitor_reaches_opens(demo):
    assert_every_page_opens(*crawl_recording_refusals(client_as(None), ANONYMOUS_START))
