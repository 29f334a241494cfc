"""The organisers' set-up API: sessions of an event, days and breaks (and the slots they give),
tables, rooms, rules, limits, participants and their settings; refusals for everyone else."""

from __future__ import annotations

import datetime as dt

import pytest

from maillage.accounts.models import ApiToken
from maillage.events.models import Event
from maillage.matchmaking.models import MeetingSession
from tests.events.factories import ParkFactory, UserFactory
from tests.matchmaking.conftest import make_session
from tests.matchmaking.published import make_session as make_published
from tests.matchmaking.published import meet

pytestmark = pytest.mark.django_db

BASE = "/api/v1/matchmaking"


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client, method, url, user, body=None):
    return getattr(client, method)(
        url, body if body is not None else {}, content_type="application/json", **bearer(user)
    )


def test_create_and_list_sessions(client, convention, organiser):
    url = f"{BASE}/events/{convention.slug}/sessions"
    made = send(client, "post", url, organiser, {"name": "Morning B2B", "slot_minutes": 30})
    assert made.status_code == 201, made.content
    assert made.json()["slot_minutes"] == 30 and made.json()["event"] == convention.slug
    session = MeetingSession.objects.get(pk=made.json()["id"])
    assert session.schedules.filter(status="draft").exists()  # its draft, as the page's
    listed = client.get(url, **bearer(organiser)).json()
    assert [s["name"] for s in listed] == ["Morning B2B"]


def test_creating_a_session_checks_its_fields(client, convention, organiser):
    url = f"{BASE}/events/{convention.slug}/sessions"
    bad = send(client, "post", url, organiser, {"name": "B2B", "slot_minutes": 25})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"][-1] == "slot_minutes"
    short = send(client, "post", url, organiser, {"name": "B2B", "remind_minutes_before": 1})
    assert short.status_code == 422
    assert not MeetingSession.objects.filter(event=convention).exists()


def test_outsiders_are_refused(client, convention, organiser):
    url = f"{BASE}/events/{convention.slug}/sessions"
    assert client.get(url).status_code == 401
    assert client.post(url, {"name": "x"}, content_type="application/json").status_code == 401
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    assert client.get(url, **bearer(stranger)).status_code == 403
    refused = send(client, "post", url, stranger, {"name": "Theirs"})
    assert refused.status_code == 403
    assert not MeetingSession.objects.filter(event=convention).exists()
    # A private event is not even shown to another park's staff; the same 404 as no event.
    Event.objects.filter(pk=convention.pk).update(is_public=False)
    hidden = client.get(url, **bearer(stranger))
    missing = client.get(f"{BASE}/events/no-such-event/sessions", **bearer(stranger))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_days_breaks_and_the_slots_they_give(client, convention, organiser):
    session = make_session(convention, people=0, day_start=dt.time(9), day_end=dt.time(10))
    base = f"{BASE}/sessions/{session.pk}"
    assert len(client.get(f"{base}/setup", **bearer(organiser)).json()["slots"]) == 3
    date = session.days.get().date + dt.timedelta(days=1)
    day = send(
        client,
        "post",
        f"{base}/days",
        organiser,
        {"date": str(date), "starts_at": "14:00", "ends_at": "15:00"},
    )
    assert day.status_code == 201, day.content
    day_id = day.json()["id"]
    lunch = send(
        client,
        "post",
        f"{base}/days/{day_id}/breaks",
        organiser,
        {"starts_at": "14:20", "ends_at": "14:40", "label": "Coffee"},
    )
    assert lunch.status_code == 201
    setup = client.get(f"{base}/setup", **bearer(organiser)).json()
    assert len(setup["slots"]) == 3 + 2  # 14:00 and 14:40: the coffee break takes 14:20
    assert [b["label"] for b in setup["days"][1]["breaks"]] == ["Coffee"]
    # The same date twice, a break outside its day: 422 with the service's sentence.
    twice = send(
        client,
        "post",
        f"{base}/days",
        organiser,
        {"date": str(date), "starts_at": "09:00", "ends_at": "10:00"},
    )
    assert twice.status_code == 422 and "already a day" in twice.json()["detail"]
    outside = send(
        client,
        "post",
        f"{base}/days/{day_id}/breaks",
        organiser,
        {"starts_at": "16:00", "ends_at": "17:00"},
    )
    assert outside.status_code == 422 and "within the day" in outside.json()["detail"]
    removed = client.delete(f"{base}/days/{day_id}", **bearer(organiser))
    assert removed.status_code == 204
    assert session.slots.count() == 3 and session.days.count() == 1


def test_a_day_with_meetings_is_not_removed(client):
    published = make_published(people=2)
    session = published.session
    organiser = UserFactory(staff_of=list(session.event.organisers.all()))
    meet(published, 0, 1, slot=0)
    day = session.days.get()
    gone = client.delete(f"{BASE}/sessions/{session.pk}/days/{day.pk}", **bearer(organiser))
    assert gone.status_code == 422 and "remove them before" in gone.json()["detail"]
    assert session.days.filter(pk=day.pk).exists() and session.slots.count() == 6
    # Another session's day is no day of this session.
    other = make_published(people=0)
    wrong = client.delete(
        f"{BASE}/sessions/{session.pk}/days/{other.session.days.get().pk}", **bearer(organiser)
    )
    assert wrong.status_code == 404
    # Neither may the slot length change under placed meetings; other settings may.
    longer = send(client, "patch", f"{BASE}/sessions/{session.pk}", organiser, {"slot_minutes": 30})
    assert longer.status_code == 422
    closed = send(
        client, "patch", f"{BASE}/sessions/{session.pk}", organiser, {"requests_open": False}
    )
    assert closed.status_code == 200 and closed.json()["requests_open"] is False


def test_settings_tables_rooms_rules_and_limits(client, session, organiser):
    base = f"{BASE}/sessions/{session.pk}"
    patched = send(
        client,
        "patch",
        base,
        organiser,
        {"slot_minutes": 30, "default_max_meetings": 4, "wish_deadline": None},
    )
    assert patched.status_code == 200, patched.content
    assert patched.json()["slot_minutes"] == 30 and patched.json()["default_max_meetings"] == 4
    assert session.slots.count() == 4  # 09:00–11:00 in slots of 30 minutes
    tables = send(client, "put", f"{base}/tables", organiser, {"count": 5})
    assert [t["number"] for t in tables.json()] == [1, 2, 3, 4, 5]
    assert send(client, "put", f"{base}/tables", organiser, {"count": -1}).status_code == 422
    room = send(
        client, "post", f"{base}/rooms", organiser, {"name": "Room A", "video_url": "not a link"}
    )
    assert room.status_code == 422
    assert [e["loc"][-1] for e in room.json()["errors"]] == ["video_url"]
    room = send(
        client,
        "post",
        f"{base}/rooms",
        organiser,
        {"name": "Room A", "video_url": "https://meet.example.org/a"},
    )
    assert room.status_code == 201
    again = send(
        client,
        "post",
        f"{base}/rooms",
        organiser,
        {"name": "Room A", "video_url": "https://meet.example.org/b"},
    )
    assert again.status_code == 422 and "exists already" in again.json()["detail"]
    rules = send(
        client,
        "put",
        f"{base}/rules",
        organiser,
        {"type_a": "startup", "type_b": "sme", "may_meet": False},
    )
    assert rules.json() == [{"type_a": "sme", "type_b": "startup", "may_meet": False}]
    unknown = send(
        client,
        "put",
        f"{base}/rules",
        organiser,
        {"type_a": "alien", "type_b": "sme", "may_meet": False},
    )
    assert unknown.status_code == 422
    limits = send(
        client,
        "put",
        f"{base}/limits",
        organiser,
        {"participation_type": "sme", "max_meetings": 3},
    )
    assert limits.json() == [{"participation_type": "sme", "max_meetings": 3}]
    cleared = send(
        client,
        "put",
        f"{base}/limits",
        organiser,
        {"participation_type": "sme", "max_meetings": None},
    )
    assert cleared.json() == []
    setup = client.get(f"{base}/setup", **bearer(organiser)).json()
    assert [r["name"] for r in setup["rooms"]] == ["Room A"]
    assert setup["participants"] == 6


def test_registrants_participants_and_their_settings(client, session, people, organiser):
    base = f"{BASE}/sessions/{session.pk}"
    added = client.post(f"{base}/registrants", **bearer(organiser))
    assert added.status_code == 200 and added.json() == {"added": 0}  # all are in already
    rows = client.get(f"{base}/participants", **bearer(organiser)).json()
    assert len(rows) == 6 and {r["meetings"] for r in rows} == {0}
    p = people[0]
    slots = list(session.slots.order_by("index"))
    url = f"{base}/participants/{p.pk}/settings"
    put = send(
        client,
        "put",
        url,
        organiser,
        {"mode": "online", "max_meetings": 2, "unavailable_slots": [slots[0].pk]},
    )
    assert put.status_code == 200, put.content
    assert put.json()["limit"] == 2 and put.json()["unavailable_slots"] == [slots[0].pk]
    p.refresh_from_db()
    assert p.mode == "online" and list(p.unavailable_slots.all()) == [slots[0]]
    # A slot of another session, a mode that does not exist: 422 naming the field.
    other = make_published(people=1)
    wrong = send(
        client,
        "put",
        url,
        organiser,
        {"mode": "onsite", "unavailable_slots": [other.slots[0].pk]},
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["loc"] == ["body", "unavailable_slots"]
    assert send(client, "put", url, organiser, {"mode": "teleport"}).status_code == 422
    p.refresh_from_db()
    assert p.mode == "online"
    # A participant of another session is not found here.
    elsewhere = f"{base}/participants/{other.participants[0].pk}/settings"
    assert client.get(elsewhere, **bearer(organiser)).status_code == 404


def test_other_parks_staff_and_participants_cannot_set_up(client, session, people):
    base = f"{BASE}/sessions/{session.pk}"
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    participant = people[0].registration.person.user
    for user in (stranger, participant):
        assert client.get(f"{base}/setup", **bearer(user)).status_code == 403
        assert send(client, "put", f"{base}/tables", user, {"count": 9}).status_code == 403
        assert client.get(f"{base}/participants", **bearer(user)).status_code == 403
    assert session.tables.count() == 3
    assert client.get(f"{base}/setup").status_code == 401
