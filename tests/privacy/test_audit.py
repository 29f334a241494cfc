"""Audit trail: staff writes leave an entry with the actor; only editors read the history."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from maillage.accounts.models import ApiToken
from tests.ecosystem import directory_data
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return directory_data.build()


def test_a_staff_api_edit_leaves_an_entry_with_the_actor(client, d):
    _obj, token = ApiToken.issue(user=d.staff_a, name="test")
    response = client.patch(
        f"/api/v1/organisations/{d.biotech.slug}",
        {"city": "Aubagne", "latitude": 43.29, "longitude": 5.57},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.content
    entry = LogEntry.objects.get_for_object(d.biotech).latest("timestamp")
    assert entry.actor == d.staff_a and entry.changes_dict["city"][1] == "Aubagne"


def test_history_page_is_for_editors_only(client, d):
    d.biotech.city = "La Ciotat"
    d.biotech.save()
    url = reverse("privacy:history", kwargs={"kind": "organisation", "pk": d.biotech.pk})
    client.force_login(d.staff_b)  # another park's staff
    assert client.get(url).status_code == 403
    client.force_login(d.staff_a)
    page = client.get(url)
    assert page.status_code == 200 and "La Ciotat" in page.content.decode()
    detail = client.get(reverse("ecosystem:organisation", kwargs={"slug": d.biotech.slug}))
    assert url in detail.content.decode()  # reachable from the object's page
    unknown = reverse("privacy:history", kwargs={"kind": "person", "pk": 1})
    assert client.get(unknown).status_code == 404


def test_history_needs_sign_in(client, d):
    url = reverse("privacy:history", kwargs={"kind": "organisation", "pk": d.biotech.pk})
    assert client.get(url).status_code == 302


def test_ties_to_organisations_are_in_the_trail(client, d):
    event = EventFactory(organisers=[d.park_a])
    event.organisers.add(d.genopole)
    entries = LogEntry.objects.get_for_object(event)
    change = next(e.changes_dict["organisers"] for e in entries if "organisers" in e.changes_dict)
    assert change["operation"] == "add" and d.genopole.name in change["objects"]
    client.force_login(d.staff_a)
    url = reverse("privacy:history", kwargs={"kind": "event", "pk": event.pk})
    assert "added " + d.genopole.name in client.get(url).content.decode()
