"""Finds every installed project app's ``privacy`` module (``organisations.privacy_protocol``)."""

from functools import cache
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

from organisations.privacy_protocol import PrivacySection


@cache
def sections() -> tuple[PrivacySection, ...]:
    """The apps' sections, most dependent app first: erasure runs from there down, so the
    account (``organisations``) is anonymised last. INSTALLED_APPS lists apps bottom-up."""
    found = []
    base = Path(settings.BASE_DIR).resolve()
    for config in reversed(list(apps.get_app_configs())):
        if config.name == __package__ or not Path(config.path).resolve().is_relative_to(base):
            continue
        if not module_has_submodule(config.module, "privacy"):
            continue
        module = import_module(f"{config.name}.privacy")
        if not isinstance(module, PrivacySection):
            raise ImproperlyConfigured(f"{module.__name__} does not implement PrivacySection")
        found.append(module)
    return tuple(found)
