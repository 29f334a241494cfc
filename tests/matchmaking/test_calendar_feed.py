"""The calendar subscription of a participant's agenda: its own random key (neither the badge
code nor the personal link), shown on the agenda page, replaced on request."""

from __future__ import annotations

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse

from maillage.events import tokens
from tests.events.factories import PASSWORD, UserFactory
from tests.matchmaking.published import make_session, meet, publish


@pytest.fixture
def world(db):
    world = make_session(people=3, slots_per_day=4, tables=2)
    meet(world, 0, 1, slot=0)
    meet(world, 0, 2, slot=1, table=1)
    publish(world)
    return world


def login(client, participant):
    assert client.login(email=participant.registration.person.user.email, password=PASSWORD)


def path_of(url: str) -> str:
    assert url.startswith(settings.SITE_URL + "/")
    return url.removeprefix(settings.SITE_URL)


def test_feed_returns_the_meetings_as_utf8_calendar_without_sign_in(client, world):
    me = world.participants[0]
    url = tokens.calendar_feed_url(me.registration)
    assert url == tokens.calendar_feed_url(me.registration)  # stable until replaced
    response = client.get(path_of(url))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 2
    assert all("First" in str(e["summary"]) for e in events)  # "Meeting with First1 Last1"


def test_badge_code_and_personal_link_are_not_calendar_keys(client, world):
    registration = world.participants[0].registration
    for key in (registration.token, tokens.key_of(registration, tokens.Purpose.PAGE), "x" * 43):
        response = client.get(reverse("matchmaking:agenda_feed", args=[key]))
        assert response.status_code == 404
        assert b"First0" not in response.content


def test_agenda_page_shows_the_link_to_its_participant_only(client, world):
    me = world.participants[0]
    login(client, me)
    page = client.get(reverse("matchmaking:my_agenda", args=[world.session.pk]))
    assert tokens.calendar_feed_url(me.registration) in page.text
    assert 'id="rotate-calendar-link"' in page.text
    other = world.participants[1]
    staff = UserFactory(staff_of=list(world.event.organisers.all()))
    client.logout()
    client.login(email=staff.email, password=PASSWORD)
    seen = client.get(reverse("matchmaking:participant_agenda", args=[world.session.pk, other.pk]))
    assert seen.status_code == 200
    assert 'id="calendar-subscription"' not in seen.text  # staff see the agenda, not the key


def test_new_link_makes_the_old_one_404(client, world):
    me = world.participants[0]
    old = tokens.calendar_feed_url(me.registration)
    login(client, me)
    response = client.post(reverse("matchmaking:rotate_calendar_link", args=[world.session.pk]))
    assert response.status_code == 302
    new = tokens.calendar_feed_url(me.registration)
    assert new != old
    client.logout()
    assert client.get(path_of(old)).status_code == 404
    assert client.get(path_of(new)).status_code == 200


def test_rotation_needs_the_participant_signed_in(client, world):
    me = world.participants[0]
    url = tokens.calendar_feed_url(me.registration)
    rotate = reverse("matchmaking:rotate_calendar_link", args=[world.session.pk])
    anonymous = client.get(rotate)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert client.post(rotate).status_code == 302  # to the sign-in page
    client.login(email=UserFactory().email, password=PASSWORD)  # not a participant
    assert client.post(rotate).status_code == 404
    assert tokens.calendar_feed_url(me.registration) == url  # unchanged
    # another participant rotating changes their own key only
    client.logout()
    login(client, world.participants[1])
    client.post(rotate)
    assert tokens.calendar_feed_url(me.registration) == url
