"""The shared pagination links keep the other query parameters and set ``page`` once."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_pagination_links_are_plain_query_strings():
    request = RequestFactory().get("/traineeships/", {"step": "2", "page": "2"})
    page = Paginator(range(30), 10).get_page(2)
    html = render_to_string("includes/pagination.html", {"page": page}, request=request)
    assert 'href="?step=2&amp;page=1"' in html
    assert 'href="?step=2&amp;page=3"' in html
    assert "??" not in html
