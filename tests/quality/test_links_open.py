"""Every link shown to a role opens for that role: no link leads to a 403 or a 404.

Crawls the demo data as each role of both organisations (Buurtkracht Noord is a partner in
Zonnedal's regional programme, so its staff see a traineeship they host).
"""

import pytest
from django.test import Client

from organisations.demo import demo_email
from organisations.models import User
from tests.crawling import client_fetcher, crawl
from tests.quality.conftest import ROLES

ACCOUNTS = [(role, organisation) for organisation in ("zonnedal", "buurtkracht") for role in ROLES]


@pytest.mark.parametrize(("role", "organisation"), ACCOUNTS, ids=[f"{o}-{r}" for r, o in ACCOUNTS])
def test_every_link_a_role_is_shown_opens(demo, role, organisation):
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(User.objects.get(email=demo_email(role, organisation)))
    fetch = client_fetcher(client)
    refused = []

    def recording_fetch(url):
        status, content_type, text = fetch(url)
        if status in (403, 404) and url.startswith("/"):
            refused.append(f"{url} answered {status}")
        return status, content_type, text

    result = crawl(recording_fetch, ("/",), per_pattern=3, limit=150)
    assert result.pages
    assert not refused, "\n".join(refused)
