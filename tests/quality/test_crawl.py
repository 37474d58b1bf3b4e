"""Every page each role can reach by following links answers without a server error."""

import pytest

from tests.quality.conftest import ROLES, client_as, crawl_as


@pytest.mark.parametrize("role", [*ROLES, None], ids=[*ROLES, "anonymous"])
def test_no_page_reachable_by_a_role_fails(demo, role):
    client = client_as(role)
    result = crawl_as(client, role, per_pattern=3, limit=150)
    assert not result.errors, "\n".join(result.errors)
    assert result.pages, "the crawl found no page at all"
    for url, html in result.pages.items():
        assert '<html lang="nl">' in html, f"{url} is not marked as Dutch"
