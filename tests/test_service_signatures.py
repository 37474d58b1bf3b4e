"""Services take cleaned values, never forms or formsets: a view runs the form, the service
gets what it cleaned. Checked on every app's service modules."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICE_MODULES = sorted(
    path
    for pattern in ("*/services.py", "*/services_*.py", "*/services/*.py")
    for path in ROOT.glob(pattern)
    if ".venv" not in path.parts
)


def _form_parameters(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_"):
            for arg in [*node.args.args, *node.args.kwonlyargs]:
                if arg.arg in {"form", "formset"} or arg.arg.endswith(("_form", "_formset")):
                    found.append(f"{node.name}({arg.arg})")
    return found


def _form_imports(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        module = node.module if isinstance(node, ast.ImportFrom) else None
        if module and (module == "django.forms" or module.endswith((".forms", ".forms_registers"))):
            found.append(module)
    return found


def test_there_are_service_modules_to_check():
    assert len(SERVICE_MODULES) >= 5


def test_services_take_cleaned_values_not_forms():
    offenders = {}
    for path in SERVICE_MODULES:
        tree = ast.parse(path.read_text(), filename=str(path))
        problems = _form_parameters(tree) + _form_imports(tree)
        if problems:
            offenders[str(path.relative_to(ROOT))] = problems
    assert not offenders, offenders
