"""``IdsFirst``: a page read as its ids first, then its rows by id, holds what the plain query's page holds."""

from django.core.paginator import Paginator

from organisations.models import User
from organisations.querysets import IdsFirst
from tests.organisations.factories import UserFactory


def test_every_page_holds_the_plain_querys_rows_in_its_order(db, django_assert_num_queries):
    for number, name in enumerate(["Eva", "Bas", "Cor", "Ada", "Dirk", "Bas", "Fenna"]):
        UserFactory(name=name, email=f"ids-first-{number}@example.org")
    ordered = User.objects.filter(email__startswith="ids-first-").order_by("name", "-pk")
    asked = []

    def rows(ids):
        asked.append(list(ids))
        return User.objects.filter(pk__in=ids)

    paginator = Paginator(IdsFirst(ordered, rows=rows), 3)
    plain = Paginator(ordered, 3)
    assert paginator.count == 7 and paginator.num_pages == 3
    for number in paginator.page_range:
        with django_assert_num_queries(2):  # the ids, then their rows
            page = list(paginator.page(number))
        assert page == list(plain.page(number))
        assert asked[-1] == [user.pk for user in page]  # only the page's own ids are read in full
    assert [u.name for u in IdsFirst(ordered, rows=rows)[:2]] == ["Ada", "Bas"]
