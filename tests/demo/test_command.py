"""The `demo` command: without faker it says, in the user's language, how to install it; with
faker it loads and lists the demo accounts. Nothing outside the demo needs faker."""

from __future__ import annotations

import ast
import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from maillage.demo.accounts import DEMO_ACCOUNTS

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "install it with `pip install -e '.[demo]'`"), ("fr", "installez-le avec")],
)
def test_without_faker_the_command_says_how_to_install_it(monkeypatch, language, words):
    monkeypatch.setitem(sys.modules, "faker", None)  # `import faker` fails, as when missing
    with translation.override(language), pytest.raises(CommandError) as refused:
        call_command("demo")
    assert words in str(refused.value)
    assert "faker" in str(refused.value)


def test_only_the_demo_imports_faker():
    wrong = []
    for path in sorted((SRC / "maillage").rglob("*.py")):
        if "demo" in path.relative_to(SRC / "maillage").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            wrong += [f"{path.relative_to(SRC)}: {n}" for n in names if n.split(".")[0] == "faker"]
    assert not wrong


@pytest.mark.django_db
def test_the_command_lists_the_demo_accounts(monkeypatch):
    loaded = []
    monkeypatch.setattr(
        "maillage.demo.management.commands.demo.load_all", lambda stdout: loaded.append(1)
    )
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert loaded == [1]
    for email, _role in DEMO_ACCOUNTS:
        assert email in out.getvalue()
