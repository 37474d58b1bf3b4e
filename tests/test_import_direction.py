"""Apps depend one way: an app imports only apps below it, never a sibling, a higher app or
the project package ``traineeship`` (which may import anything: settings and URLs)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

# Bottom-up; apps on one level are siblings and never import each other.
LEVELS = [
    {"organisations"},
    {"competencies"},
    {"programmes"},
    {"goals"},
    {"mentors", "portfolios", "signin", "operations", "coaching", "evaluations"},
    {"overview", "privacy"},
]
LEVEL = {app: number for number, apps in enumerate(LEVELS) for app in apps}
PROJECT = "traineeship"
ROOT = Path(settings.BASE_DIR)


def imported_apps(path: Path) -> set[str]:
    """The top-level project packages a file imports, anywhere in it (also inside functions)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & (set(LEVEL) | {PROJECT})


def violations(app: str) -> list[str]:
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for other in sorted(imported_apps(path) - {app}):
            if other == PROJECT or LEVEL[other] >= LEVEL[app]:
                found.append(f"{path.relative_to(ROOT)} imports {other}")
    return found


def test_every_project_app_has_a_level():
    apps = {name for name in settings.INSTALLED_APPS if (ROOT / name).is_dir() and name != PROJECT}
    assert apps <= set(LEVEL)


@pytest.mark.parametrize("app", sorted(app for app in LEVEL if (ROOT / app).is_dir()))
def test_app_imports_only_apps_below_it(app):
    assert violations(app) == []


def test_the_check_catches_an_upward_import(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("def f():\n    from portfolios import models\nimport traineeship.settings\n")
    assert imported_apps(module) == {"portfolios", PROJECT}
