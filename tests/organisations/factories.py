import factory
from faker import Faker

from organisations.models import Membership, Organisation, Role, User
from tests.factories import ModelFactory

PASSWORD = "test-password-123"
DUTCH = Faker("nl_NL")


class OrganisationFactory(ModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")


class UserFactory(ModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    # Dutch names without the apostrophe of "van 't Riet": pages escape it, so "name in page"
    # would fail and "name not in page" would pass for the wrong reason (hostile names are
    # tested on purpose in tests/hardening).
    name = factory.LazyFunction(lambda: DUTCH.name().replace("'", ""))
    language = "nl"
    password = factory.django.Password(PASSWORD)


class MembershipFactory(ModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.TRAINEE


def member(organisation: Organisation, role: Role, **user_fields) -> User:
    """A user with ``role`` in ``organisation``."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user
