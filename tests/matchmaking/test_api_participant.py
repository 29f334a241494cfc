"""The participant's API beyond requests and wishes: their sessions in an event, the other
participants, their own agenda (JSON, ICS, PDF) and calendar link, recommendations, feedback,
and withdrawing a request."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.events import tokens
from maillage.matchmaking.models import Feedback, MeetingRequest
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import marketplace, requests, wishes
from tests.events.factories import ParkFactory, UserFactory
from tests.matchmaking.published import make_session, meet

pytestmark = pytest.mark.django_db

JSON = "application/json"
BASE = "/api/v1/matchmaking"


def bearer(user):
    _, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def as_(p):
    return bearer(p.registration.person.user)


@pytest.fixture
def park():
    return ParkFactory(name="Owner park")


@pytest.fixture
def upcoming(park):
    """In ten days: 0 meets 1 at the first slot (published)."""
    world = make_session(people=3, organisers=[park])
    meet(world, 0, 1, slot=0)
    release.publish(session=world.session)
    return world


@pytest.fixture
def past(park):
    """Two days ago: 0 met 1 (published)."""
    world = make_session(people=3, in_days=-2, organisers=[park])
    meet(world, 0, 1, slot=0)
    release.publish(session=world.session)
    return world


def test_participations_show_each_session_and_pending_requests(client, upcoming):
    a, b, c = upcoming.participants
    requests.send_request(sender=b, recipient=a, message="Hello")
    url = f"{BASE}/events/{upcoming.event.slug}/participations"
    mine = client.get(url, **as_(a)).json()
    assert [(p["session"], p["participant"], p["pending_requests"]) for p in mine] == [
        (upcoming.session.pk, a.pk, 1)
    ]
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(UserFactory())).status_code == 403
    assert client.get(f"{BASE}/events/no-such-event/participations", **as_(a)).status_code == 404


def test_people_in_session_carry_the_callers_wishes(client, upcoming):
    a, b, c = upcoming.participants
    wishes.set_wish(author=a, target=c, level="must_meet")
    got = client.get(f"{BASE}/sessions/{upcoming.session.pk}/people", **as_(a)).json()
    assert got["wishes_open"] is True
    assert {p["participant"]: p["wish"] for p in got["people"]} == {b.pk: None, c.pk: "must_meet"}
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    assert (
        client.get(f"{BASE}/sessions/{upcoming.session.pk}/people", **bearer(stranger)).status_code
        == 403
    )


def test_withdraw_a_sent_request_only_as_its_sender(client, upcoming):
    a, b, c = upcoming.participants
    sent = requests.send_request(sender=c, recipient=b, message="Coffee?")
    url = f"{BASE}/requests/{sent.pk}"
    assert client.delete(url, **as_(b)).status_code == 403
    assert client.delete(url, **as_(a)).status_code == 404
    gone = client.delete(url, **as_(c))
    assert gone.status_code == 200 and gone.json()["status"] == "cancelled"
    assert MeetingRequest.objects.get(pk=sent.pk).status == "cancelled"
    assert client.delete(url, **as_(c)).status_code == 409


def test_my_agenda_as_json_and_ics_and_the_calendar_link(client, upcoming):
    a, b, c = upcoming.participants
    s = upcoming.session.pk
    agenda = client.get(f"{BASE}/sessions/{s}/agenda", **as_(a)).json()
    assert agenda["participant"] == a.pk and agenda["version"] == 1
    assert [m["with_"][0]["name"] for m in agenda["meetings"]] == [b.person_name]
    assert client.get(f"{BASE}/sessions/{s}/agenda", **as_(c)).json()["meetings"] == []
    ics = client.get(f"{BASE}/sessions/{s}/agenda.ics", **as_(a))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content
    assert client.get(f"{BASE}/sessions/{s}/agenda").status_code == 401
    assert client.get(f"{BASE}/sessions/{s}/agenda", **bearer(UserFactory())).status_code == 403
    assert client.get(f"{BASE}/sessions/2000000000/agenda", **as_(a)).status_code == 404
    link = client.get(f"{BASE}/sessions/{s}/agenda/calendar-link", **as_(a)).json()["url"]
    assert link == tokens.calendar_feed_url(a.registration)
    new = client.post(f"{BASE}/sessions/{s}/agenda/calendar-link", **as_(a)).json()["url"]
    assert new != link and new == tokens.calendar_feed_url(a.registration)
    old_key = link.rsplit("/", 1)[-1].removesuffix(".ics")
    assert tokens.registration_by_key(old_key, tokens.Purpose.CALENDAR) is None


def test_agenda_files_before_publication_are_a_conflict(client, park):
    world = make_session(people=2, organisers=[park])
    me = world.participants[0]
    s = world.session.pk
    assert client.get(f"{BASE}/sessions/{s}/agenda", **as_(me)).json()["version"] is None
    assert client.get(f"{BASE}/sessions/{s}/agenda.ics", **as_(me)).status_code == 409
    assert client.get(f"{BASE}/sessions/{s}/agenda.pdf", **as_(me)).status_code == 409


def test_my_agenda_pdf(client, upcoming):
    got = client.get(
        f"{BASE}/sessions/{upcoming.session.pk}/agenda.pdf", **as_(upcoming.participants[0])
    )
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    assert got["Content-Disposition"].endswith('.pdf"')


def test_recommendations_say_why(client, upcoming):
    a, b, c = upcoming.participants
    marketplace.publish_opportunity(
        participant=a, kind="request", category="product", title="Solar panel coatings"
    )
    marketplace.publish_opportunity(
        participant=c,
        kind="offer",
        category="product",
        title="Anti-soiling coatings for solar panels",
    )
    got = client.get(f"{BASE}/sessions/{upcoming.session.pk}/recommendations", **as_(a))
    assert got.status_code == 200
    first = got.json()[0]
    assert first["participant"]["participant"] == c.pk and first["answers_a_request"] is True
    assert first["reasons"][0]["kind"] == "their_offer"
    bad = client.get(f"{BASE}/sessions/{upcoming.session.pk}/recommendations?limit=0", **as_(a))
    assert bad.status_code == 422
    stranger = UserFactory(staff_of=[ParkFactory(name="Other park")])
    assert (
        client.get(
            f"{BASE}/sessions/{upcoming.session.pk}/recommendations", **bearer(stranger)
        ).status_code
        == 403
    )


def _meeting(world):
    return world.session.schedules.get(status="published").meetings.get()


def test_feedback_listed_given_and_changed(client, past):
    a, b, c = past.participants
    s = past.session.pk
    meeting = _meeting(past)
    listed = client.get(f"{BASE}/sessions/{s}/feedback", **as_(a)).json()
    assert [(m["meeting"], m["with_"][0]["participant"], m["feedback"]) for m in listed] == [
        (meeting.pk, b.pk, None)
    ]
    url = f"{BASE}/sessions/{s}/feedback/{meeting.pk}"
    given = client.put(
        url, {"took_place": True, "outcome": "cooperation_possible"}, content_type=JSON, **as_(a)
    )
    assert given.status_code == 200 and given.json()["outcome"] == "cooperation_possible"
    changed = client.put(url, {"took_place": False}, content_type=JSON, **as_(a))
    assert changed.json()["outcome"] == "did_not_take_place"
    assert Feedback.objects.filter(meeting=meeting, author=a).count() == 1
    listed = client.get(f"{BASE}/sessions/{s}/feedback", **as_(a)).json()
    assert listed[0]["feedback"]["took_place"] is False


def test_feedback_refusals(client, past, upcoming):
    a, b, c = past.participants
    url = f"{BASE}/sessions/{past.session.pk}/feedback/{_meeting(past).pk}"
    body = {"took_place": True, "outcome": "informative_no_cooperation"}
    assert client.put(url, body, content_type=JSON).status_code == 401
    assert client.put(url, body, content_type=JSON, **as_(c)).status_code == 403  # not theirs
    no_outcome = client.put(url, {"took_place": True}, content_type=JSON, **as_(a))
    assert no_outcome.status_code == 422 and no_outcome.json()["errors"][0]["loc"][-1] == "outcome"
    wrong = client.put(url, {"took_place": "perhaps"}, content_type=JSON, **as_(a))
    assert wrong.status_code == 422
    early = client.put(
        f"{BASE}/sessions/{upcoming.session.pk}/feedback/{_meeting(upcoming).pk}",
        body,
        content_type=JSON,
        **as_(upcoming.participants[0]),
    )
    assert early.status_code == 409 and "not started" in early.json()["detail"]
    # A meeting of another session is not found in this one.
    elsewhere = client.put(
        f"{BASE}/sessions/{past.session.pk}/feedback/{_meeting(upcoming).pk}",
        body,
        content_type=JSON,
        **as_(a),
    )
    assert elsewhere.status_code == 404
    assert Feedback.objects.count() == 0


def test_feedback_on_a_cancelled_meeting_is_a_conflict(client, past):
    a = past.participants[0]
    meeting = _meeting(past)
    # As the day's repair leaves it in the published version: there, but cancelled.
    type(meeting).objects.filter(pk=meeting.pk).update(status="cancelled")
    got = client.put(
        f"{BASE}/sessions/{past.session.pk}/feedback/{meeting.pk}",
        {"took_place": True, "outcome": "cooperation_possible"},
        content_type=JSON,
        **as_(a),
    )
    assert got.status_code == 409 and "cancelled" in got.json()["detail"]
    assert client.get(f"{BASE}/sessions/{past.session.pk}/feedback", **as_(a)).json() == []
    assert Feedback.objects.count() == 0
