"""The URL × actor matrix: every named URL, every role, inside and outside the
object's organisation, and anonymous, for GET and POST."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from mentors import notification_cache
from mentors.notifications import unread_count
from tests.conftest import Personas
from tests.kept_files import KeptFiles
from tests.url_matrix import ACTORS, ROWS, SCENARIOS, SKIPPED_PREFIXES, forget_shown_forms
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


class Matrix:
    """One world for every test of this module (per worker), built inside a transaction rolled back at
    the module's end; each test's own savepoint nests inside it, so every test sees it untouched."""

    def __init__(self):
        # Files the world stored are put back before each test (an erasure deletes files at once).
        self.kept = KeptFiles(lambda: self._build())
        # One sign-in per actor: a fresh client per request carries the session cookie of a session
        # stored with the world (what a request changes in it is rolled back with the request).
        self.cookies = {}
        people = [*self.personas.users.values(), *self.world.people.values()]
        for user in people:
            client = Client()
            client.force_login(user)
            self.cookies[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value
        # Every page counts its viewer's notifications, about half the time of a request here. The
        # world is the same before every request, so are the counts: each is computed once and put
        # back in the emptied cache (a request that writes makes a new mark, so counts afresh).
        today = timezone.localdate()
        for user in people:
            unread_count(user, today)
        self.counts = cache.get_many([notification_cache.key("unread", user.pk, today) for user in people])

    def _build(self):
        self.personas = Personas()
        self.world = World(self.personas)

    def restore(self):
        self.kept.restore()

    def client(self, user=None) -> Client:
        """A fresh client, signed in as ``user`` (anonymous for None), as ``client_for`` makes one."""
        # Sessions live in the cache too (cached_db): a request's session changes must not reach the
        # next request, so every request reads its session afresh from the (rolled back) database.
        cache.clear()
        cache.set_many(self.counts)
        client = Client(HTTP_ACCEPT_LANGUAGE="nl")
        if user is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.cookies[user.pk]
        return client


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield Matrix()
        transaction.set_rollback(True)


@pytest.fixture
def fresh_matrix(matrix, db):
    matrix.restore()
    forget_shown_forms()
    return matrix


def _answer(client, method, url, row, world) -> tuple[int, bool | None, bool]:
    """One request inside a savepoint that is rolled back: the next actor sees the same world.
    Also whether a POST changed what the row's ``changed`` check looks at (None without one), and
    whether a browser or proxy could keep an answer that holds someone's data (``_cacheable``)."""
    with transaction.atomic():
        response = client.get(url) if method == "get" else client.post(url, row.data(world))
        changed = row.changed(world) if method == "post" and row.changed else None
        transaction.set_rollback(True)
    return response.status_code, changed, _cacheable(response)


def _cacheable(response) -> bool:
    """Every file handed out, and every answer made for a signed-in person, holds someone's data:
    none may be kept by a cache on the way."""
    private = response.has_header("Content-Disposition") or response.wsgi_request.user.is_authenticated
    return private and "no-store" not in response.get("Cache-Control", "")


def _may_write(actor: str, status: int) -> bool:
    """Signed-in actors whose POST the view accepted (refusals are 4xx, anonymous is sent to sign in)."""
    return actor != "anonymous" and status < 400


@pytest.mark.parametrize("name", [name for name in PRODUCT_URLS if name in ROWS])
def test_url_answers_as_expected(name, fresh_matrix):
    personas, world = fresh_matrix.personas, fresh_matrix.world
    row = ROWS[name]
    url = reverse(name, kwargs=row.kwargs(world))
    wrong = []
    for method in ("get", "post"):
        answers = getattr(row, method)
        if answers is None:
            continue
        for actor in ACTORS:
            client = fresh_matrix.client(None if actor == "anonymous" else personas.users[actor])
            status, changed, cacheable = _answer(client, method, url, row, world)
            if status != answers[actor]:
                wrong.append(f"{method.upper()} {url} as {actor}: {status}, expected {answers[actor]}")
            elif cacheable:
                wrong.append(f"{method.upper()} {url} as {actor}: personal data without Cache-Control: no-store")
            elif changed is not None and changed != _may_write(actor, status):
                effect = "changed nothing" if not changed else "changed the database though refused"
                wrong.append(f"POST {url} as {actor}: {status}, but it {effect}")
    assert not wrong, "\n".join(wrong)


def test_relation_scenarios(fresh_matrix):
    """Relations follow memberships, partnerships and time: one world, every scenario row."""
    personas, world = fresh_matrix.personas, fresh_matrix.world
    wrong = []
    for name, kwargs, actor, expected in SCENARIOS:
        user = world.people.get(actor) or personas.users[actor]
        url = reverse(name, kwargs=kwargs(world))
        status = fresh_matrix.client(user).get(url).status_code
        if status != expected:
            wrong.append(f"GET {url} ({name}) as {actor}: {status}, expected {expected}")
    assert not wrong, "\n".join(wrong)
