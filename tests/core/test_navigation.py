"""The navigation: staff entries shown to staff and admins only, at most one query per page."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.ecosystem.factories import ParkFactory, UserFactory


def _nav(client):
    return client.get(reverse("ecosystem:directory")).content.decode()


def test_staff_entries_shown_to_staff_and_admins_only(client, db):
    reports = reverse("reports:dashboard")
    assert reports not in _nav(client)  # anonymous
    client.force_login(UserFactory())
    assert reports not in _nav(client)  # signed in, no organisation
    client.force_login(UserFactory(staff_of=[ParkFactory()]))
    assert reports in _nav(client) and reverse("news:queue") in _nav(client)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert reports in _nav(client)


def test_navigation_asks_staff_of_once_per_request(client, db):
    """The staff entries read one cached answer: no per-entry ``staff_of`` query."""
    user = UserFactory(staff_of=[ParkFactory()])
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("events:calendar"))
    staff_queries = [q["sql"] for q in ctx.captured_queries if "user_staff_of" in q["sql"]]
    assert len(staff_queries) <= 1, staff_queries
