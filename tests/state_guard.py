"""Proof that the stored traineeship state never lags: after every service call it equals a fresh computation.

``guard_services`` replaces every public service function (``<app>.services``) wherever it is
imported with a wrapper that, when the outermost service call returns, compares every stored
``TraineeshipState`` with a from-scratch computation and fails naming the service and the fields.
Used by ``tests/overview/test_stored_state.py`` and, with ``CHECK_STORED_STATE=1``, by every test.
"""

import functools
import inspect
import sys

from django.utils import timezone

APPS = ["organisations", "programmes", "goals", "mentors", "portfolios", "privacy", "signin", "operations", "overview"]


def _services():
    found = {}
    for app in APPS:
        try:
            module = __import__(f"{app}.services", fromlist=["*"])
        except ImportError:
            continue
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__ and not name.startswith("_"):
                found[function] = f"{app}.services.{name}"
    return found


def guard_services(monkeypatch, called: list[str] | None = None) -> None:
    from overview.state import differences
    from programmes import state

    depth = [0]

    def wrap(function, label):
        @functools.wraps(function)
        def checked(*args, **kwargs):
            depth[0] += 1
            try:
                result = function(*args, **kwargs)
            finally:
                depth[0] -= 1
            # Inside a bulk load (the demo data) the state is refreshed once at its end.
            if depth[0] == 0 and not state.is_deferred():
                if called is not None:
                    called.append(label)
                found = differences(timezone.localdate())
                assert not found, f"after {label}: stored state differs: " + "; ".join(
                    f"traineeship {pk}: " + ", ".join(k for k in computed if (stored or {}).get(k) != computed[k])
                    for pk, stored, computed in found
                )
            return result

        return checked

    wrappers = {function: wrap(function, label) for function, label in _services().items()}
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if name.split(".")[0] not in APPS:
            continue
        for attribute, value in list(vars(module).items()):
            if inspect.isfunction(value) and value in wrappers:
                monkeypatch.setattr(module, attribute, wrappers[value])
