"""Counting a page's queries the way a visitor meets the page: on a second view.

The first view of a page fills what an earlier page of the visit would have filled (the
navigation's notification count, cached until something it depends on changes), so two counts
of the same page compare like with like whatever happened in between.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return len(captured)
