"""The `demo` command loads the demo data and lists the demo accounts."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from maillage.demo.accounts import DEMO_ACCOUNTS


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
