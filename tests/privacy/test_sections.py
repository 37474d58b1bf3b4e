"""The privacy app finds each app's part itself, in the order erasure needs."""

from organisations.privacy_protocol import PrivacySection
from privacy.sections import sections


def test_every_domain_app_with_personal_data_is_found_most_dependent_first():
    names = [section.__name__ for section in sections()]
    assert names == [
        "overview.privacy",
        "evaluations.privacy",
        "coaching.privacy",
        "signin.privacy",
        "portfolios.privacy",
        "mentors.privacy",
        "programmes.privacy",
        "organisations.privacy",
    ]


def test_every_section_implements_the_protocol():
    assert all(isinstance(section, PrivacySection) for section in sections())
