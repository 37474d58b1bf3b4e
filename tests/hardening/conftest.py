import pytest

from tests.portfolios.factories import traineeship_with_profile

UNREACHABLE = {"default": {"BACKEND": "tests.hardening.mailers.Unreachable"}}


@pytest.fixture
def traineeship(personas):
    return traineeship_with_profile(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def unreachable_mail_server(settings):
    settings.MAILERS = UNREACHABLE


@pytest.fixture
def worker_not_running(settings):
    """Tasks are queued but not run, as when the request returns before the worker picks them up."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()
