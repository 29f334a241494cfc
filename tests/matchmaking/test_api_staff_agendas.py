"""Agendas, the table plan and the feedback figures for staff through the API: JSON, calendar
file and PDF from the published schedule; refused to other participants and other parks."""

from __future__ import annotations

import icalendar
import pytest

from maillage.accounts.models import ApiToken
from maillage.events.models import Event
from tests.events.factories import ParkFactory, UserFactory
from tests.matchmaking.published import make_session as make_published
from tests.matchmaking.published import meet, publish

pytestmark = pytest.mark.django_db

BASE = "/api/v1/matchmaking"


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def world():
    return make_published(people=3)


@pytest.fixture
def staff(world):
    return UserFactory(staff_of=list(world.event.organisers.all()))


def test_an_agenda_before_and_after_publication(client, world, staff):
    a, b, _c = world.participants
    url = f"{BASE}/sessions/{world.session.pk}/participants/{a.pk}/agenda"
    before = client.get(url, **bearer(staff)).json()
    assert before["version"] is None and before["meetings"] == []
    assert before["person"]["name"] == "First0 Last0"
    nothing = client.get(f"{url}.ics", **bearer(staff))
    assert nothing.status_code == 409 and "published" in nothing.json()["detail"]
    meet(world, 0, 1, slot=2)
    publish(world)
    after = client.get(url, **bearer(staff)).json()
    assert after["version"] == 1
    assert [(m["place"], m["with_"][0]["name"]) for m in after["meetings"]] == [
        ("Table 1", "First1 Last1")
    ]
    assert len(after["free_slots"]) == len(world.slots) - 1
    ics = client.get(f"{url}.ics", **bearer(staff))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert ".ics" in ics["Content-Disposition"]
    events = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert [str(e["summary"]).startswith("Meeting with First1 Last1") for e in events] == [True]


def test_the_table_plan_and_one_pdf(client, world, staff):
    meet(world, 0, 1, slot=0)
    publish(world)
    base = f"{BASE}/sessions/{world.session.pk}"
    plan = client.get(f"{base}/table-plan", **bearer(staff)).json()
    assert len(plan) == len(world.slots)
    assert plan[0]["tables"][0]["place"] == "Table 1"
    assert {p["name"] for p in plan[0]["tables"][0]["people"]} == {"First0 Last0", "First1 Last1"}
    assert plan[1]["tables"] == []
    pdf = client.get(f"{base}/agendas.pdf", **bearer(staff))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "agendas.pdf" in pdf["Content-Disposition"]


def test_nothing_published_no_pdf_of_agendas(client, world, staff):
    empty = client.get(f"{BASE}/sessions/{world.session.pk}/agendas.pdf", **bearer(staff))
    assert empty.status_code == 409


def test_agendas_are_refused_to_others(client, world, staff):
    a, b, _c = world.participants
    meet(world, 0, 1, slot=0)
    publish(world)
    base = f"{BASE}/sessions/{world.session.pk}"
    other_participant = b.registration.person.user
    url = f"{base}/participants/{a.pk}/agenda"
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(other_participant)).status_code == 403
    assert client.get(f"{url}.ics", **bearer(other_participant)).status_code == 403
    # As on the page, the participant themself may read it here too.
    own = client.get(url, **bearer(a.registration.person.user))
    assert own.status_code == 200 and own.json()["participant"] == a.pk
    assert client.get(f"{base}/table-plan", **bearer(other_participant)).status_code == 403
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    assert client.get(url, **bearer(stranger)).status_code == 403
    assert client.get(f"{base}/table-plan.pdf", **bearer(stranger)).status_code == 403
    # A private event's sessions are hidden from another park: the answer of no session.
    Event.objects.filter(pk=world.event.pk).update(is_public=False)
    hidden = client.get(f"{base}/table-plan", **bearer(stranger))
    missing = client.get(f"{BASE}/sessions/2000000000/table-plan", **bearer(stranger))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    # A participant of another session is not found in this one.
    other = make_published(people=1)
    elsewhere = f"{base}/participants/{other.participants[0].pk}/agenda"
    assert client.get(elsewhere, **bearer(staff)).status_code == 404


def test_feedback_rates_for_staff_only(client, world, staff):
    url = f"{BASE}/events/{world.event.slug}/feedback-rates"
    rates = client.get(url, **bearer(staff))
    assert rates.status_code == 200
    assert rates.json()["meetings"] == 0 and rates.json()["response_rate"] == 0.0
    assert {o["outcome"] for o in rates.json()["outcomes"]}  # every outcome, with its label
    assert client.get(url).status_code == 401
    participant = world.participants[0].registration.person.user
    assert client.get(url, **bearer(participant)).status_code == 403
    assert (
        client.get(f"{BASE}/events/no-such-event/feedback-rates", **bearer(staff)).status_code
        == 404
    )
