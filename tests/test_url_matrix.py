"""The URL × actor matrix: every named URL, every role, inside and outside the
object's organisation, and anonymous, for GET and POST."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.url_matrix import ACTORS, ROWS, SCENARIOS, SKIPPED_PREFIXES
from tests.world import World


def url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


PRODUCT_URLS = sorted(name for name in url_names() if not name.startswith(SKIPPED_PREFIXES))


def test_every_url_has_a_row():
    missing = [name for name in PRODUCT_URLS if name not in ROWS]
    assert not missing, f"URLs without an expectation in tests/url_matrix.py: {missing}"
    stale = [name for name in ROWS if name not in PRODUCT_URLS]
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_no_row_expects_a_server_error():
    """A 5xx is never an acceptable answer, for any actor; every row names every actor."""
    for name, row in ROWS.items():
        for method in ("get", "post"):
            answers = getattr(row, method)
            if answers is None:
                continue
            assert set(answers) == set(ACTORS), f"{name} {method.upper()} lacks actors {set(ACTORS) - set(answers)}"
            assert all(status < 500 for status in answers.values()), f"{name} {method.upper()} expects a 5xx"


CASES = [
    (name, method, actor)
    for name in PRODUCT_URLS
    if name in ROWS
    for method in ("get", "post")
    if getattr(ROWS[name], method) is not None
    for actor in ACTORS
]


@pytest.mark.parametrize(("name", "method", "actor"), CASES)
def test_url_answers_as_expected(name, method, actor, personas, client_for):
    world = World(personas)
    row = ROWS[name]
    url = reverse(name, kwargs=row.kwargs(world))
    client = client_for(None if actor == "anonymous" else personas.users[actor])
    response = client.get(url) if method == "get" else client.post(url, row.data(world))
    expected = getattr(row, method)[actor]
    assert response.status_code < 500, f"{method.upper()} {url} as {actor} failed with {response.status_code}"
    assert response.status_code == expected, f"{method.upper()} {url} as {actor}"


def test_relation_scenarios(personas, client_for):
    """Relations follow memberships, partnerships and time: one world, every scenario row."""
    world = World(personas)
    wrong = []
    for name, kwargs, actor, expected in SCENARIOS:
        user = world.people.get(actor) or personas.users[actor]
        url = reverse(name, kwargs=kwargs(world))
        status = client_for(user).get(url).status_code
        if status != expected:
            wrong.append(f"GET {url} ({name}) as {actor}: {status}, expected {expected}")
    assert not wrong, "\n".join(wrong)
