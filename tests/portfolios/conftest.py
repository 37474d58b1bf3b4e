import pytest

from tests.portfolios.factories import traineeship_with_profile


@pytest.fixture
def traineeship(personas):
    return traineeship_with_profile(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)


@pytest.fixture
def other_traineeship(personas):
    return traineeship_with_profile(
        personas.other_organisation, trainee=personas.other_trainee, mentor=personas.other_mentor
    )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
