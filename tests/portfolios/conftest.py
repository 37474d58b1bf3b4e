import os

import pytest

from tests.portfolios.factories import traineeship_with_profile

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


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
