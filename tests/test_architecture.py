"""The shape docs/architecture.md describes, checked on the source: dependencies between apps
point one way, the domain never imports the API, only the demo imports demo data, meetsolver
never imports Django, and an import inside a function says why on the line above (never to
dodge a cycle unexplained)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
APPS = SRC / "maillage"

# app -> apps it must never import (docs/architecture.md, "What may import what").
FORBIDDEN = {
    "ecosystem": {"events", "matchmaking", "partnerships", "softlanding", "reports", "news"},
    "events": {"matchmaking", "partnerships", "softlanding", "reports", "news"},
    "matchmaking": {"partnerships", "softlanding", "reports", "news"},
    "partnerships": {"softlanding", "events", "matchmaking", "reports", "news"},
    "softlanding": {"events", "matchmaking", "reports", "news"},
    "reports": {"news"},
}
# Nothing but the project's URLs imports the API layer.
NOT_API = [p.name for p in APPS.iterdir() if (p / "__init__.py").exists() and p.name != "api"]
# The demo (maillage/demo/) sits above every domain app: it imports them, none imports it.
NOT_DEMO = [p for p in NOT_API if p != "demo"]
NO_SILENT_LOCAL_IMPORTS = [
    "ecosystem",
    "events",
    "partnerships",
    "softlanding",
    "matchmaking",
    "reports",
    "demo",
]


def _modules(app: str):
    for path in sorted((APPS / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imported(tree) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def _apps_imported(tree) -> set[str]:
    return {
        name.split(".")[1]
        for name in _imported(tree)
        if name.startswith("maillage.") and len(name.split(".")) > 1
    }


def _is_demo(module: str) -> bool:
    """maillage.demo and everything in it, or a `demo*` module left inside an app."""
    parts = module.split(".")
    return parts[:2] == ["maillage", "demo"] or (
        parts[0] == "maillage" and any(p.startswith("demo") for p in parts[2:])
    )


def _imported_with_names(tree) -> set[str]:
    """Modules imported, and `package.name` for each `from package import name`."""
    names = _imported(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


@pytest.mark.parametrize("app", NOT_DEMO)
def test_only_the_demo_imports_demo_data(app):
    wrong = {
        f"{path.relative_to(SRC)} imports {name}"
        for path, tree in _modules(app)
        for name in _imported_with_names(tree)
        if _is_demo(name)
    }
    assert not wrong, sorted(wrong)


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_dependencies_point_one_way(app):
    wrong = {
        f"{path.relative_to(SRC)} imports maillage.{other}"
        for path, tree in _modules(app)
        for other in _apps_imported(tree) & FORBIDDEN[app]
    }
    assert not wrong, sorted(wrong)


@pytest.mark.parametrize("app", sorted(NOT_API))
def test_only_urls_import_the_api(app):
    wrong = [str(p.relative_to(SRC)) for p, tree in _modules(app) if "api" in _apps_imported(tree)]
    assert not wrong


def test_meetsolver_knows_neither_django_nor_maillage():
    wrong = []
    for path in sorted((SRC / "meetsolver").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrong += [
            f"{path.relative_to(SRC)}: {name}"
            for name in _imported(tree)
            if name.split(".")[0] in ("django", "maillage")
        ]
    assert not wrong


@pytest.mark.parametrize("app", NO_SILENT_LOCAL_IMPORTS)
def test_an_import_inside_a_function_says_why(app):
    silent = []
    for path, tree in _modules(app):
        lines = path.read_text(encoding="utf-8").splitlines()
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                # Walk up over the imports just above it to the first other line: a comment.
                row = node.lineno - 2
                while row >= 0 and lines[row].lstrip().startswith(("from ", "import ")):
                    row -= 1
                if row < 0 or not lines[row].lstrip().startswith("#"):
                    silent.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not silent, f"say on the line above why these are imported in a function: {silent}"
