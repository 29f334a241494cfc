"""Self-booking pages: after publication a participant books a slot free for both."""

from __future__ import annotations

import pytest
from django.urls import reverse

from maillage.matchmaking.enums import MeetingSource
from maillage.matchmaking.models import Meeting
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing, sessions
from maillage.matchmaking.services.sessions import ensure_draft, published_schedule
from tests.events.factories import UserFactory

pytestmark = pytest.mark.django_db


def _login(client, participant):
    client.force_login(participant.registration.person.user)


def _publish(session, people):
    a, b, c, *_ = people
    editing.add_meeting(
        schedule=ensure_draft(session),
        people=[a, c],
        slot=session.slots.get(index=0),
        table=session.tables.get(number=1),
    )
    return release.publish(session=session)


def test_books_a_free_slot_shown_in_schedule_and_agenda(client, session, people):
    a, b, *_ = people
    _publish(session, people)
    _login(client, a)
    agenda = client.get(reverse("matchmaking:my_agenda", args=[session.pk]))
    assert reverse("matchmaking:self_book_choose", args=[session.pk]) in agenda.text
    chooser = client.get(reverse("matchmaking:self_book_choose", args=[session.pk]))
    assert reverse("matchmaking:self_book", args=[session.pk, b.pk]) in chooser.text
    url = reverse("matchmaking:self_book", args=[session.pk, b.pk])
    page = client.get(url)
    assert page.status_code == 200 and page.text.count('class="list-group-item d-flex') == 5
    slot = session.slots.get(index=1)
    done = client.post(url, {"slot": slot.pk})
    assert done.status_code == 302
    meeting = Meeting.objects.get(schedule=published_schedule(session), slot=slot)
    assert meeting.source == MeetingSource.SELF_BOOKED
    assert {meeting.participant_a_id, meeting.participant_b_id} == {a.pk, b.pk}
    agenda = client.get(reverse("matchmaking:my_agenda", args=[session.pk]))
    assert b.registration.organisation.name in agenda.text


def test_refused_before_publication(client, session, people):
    a, b, *_ = people
    _login(client, a)
    url = reverse("matchmaking:self_book", args=[session.pk, b.pk])
    assert "once the organisers publish" in client.get(url).text
    refused = client.post(url, {"slot": session.slots.get(index=1).pk})
    assert refused.status_code == 400 and "once the organisers publish" in refused.text
    assert not Meeting.objects.exists()


def test_refused_when_the_other_is_busy_or_the_slot_full(client, session, people):
    a, b, c, d, *_ = people
    _publish(session, people)
    _login(client, b)
    busy = client.post(
        reverse("matchmaking:self_book", args=[session.pk, c.pk]),
        {"slot": session.slots.get(index=0).pk},
    )
    assert busy.status_code == 400 and "already meets" in busy.text
    sessions.set_tables(session=session, count=1)
    full = client.post(
        reverse("matchmaking:self_book", args=[session.pk, d.pk]),
        {"slot": session.slots.get(index=0).pk},
    )
    assert full.status_code == 400 and "No table or room is free" in full.text
    assert Meeting.objects.filter(source=MeetingSource.SELF_BOOKED).count() == 0


def test_refused_at_the_maximum_or_across_forbidden_types(client, session, people):
    a, b, c, d, *_ = people
    _publish(session, people)
    a.max_meetings = 1
    a.save(update_fields=["max_meetings"])
    _login(client, a)
    maxed = client.post(
        reverse("matchmaking:self_book", args=[session.pk, b.pk]),
        {"slot": session.slots.get(index=2).pk},
    )
    assert maxed.status_code == 400 and "their maximum" in maxed.text
    sessions.set_rule(
        session=session, type_a=b.participation_type, type_b=c.participation_type, may_meet=False
    )
    _login(client, b)
    forbidden = client.post(
        reverse("matchmaking:self_book", args=[session.pk, c.pk]),
        {"slot": session.slots.get(index=2).pk},
    )
    assert forbidden.status_code == 400 and "may not meet" in forbidden.text
    assert Meeting.objects.filter(source=MeetingSource.SELF_BOOKED).count() == 0


def test_nobody_books_for_someone_else(client, session, people):
    a, b, c, *_ = people
    _publish(session, people)
    url = reverse("matchmaking:self_book", args=[session.pk, b.pk])
    client.force_login(UserFactory(email="outsider@example.org"))
    assert client.post(url, {"slot": session.slots.get(index=1).pk}).status_code == 404
    _login(client, a)  # one's own id is not someone to book with
    own = reverse("matchmaking:self_book", args=[session.pk, a.pk])
    assert client.post(own, {"slot": session.slots.get(index=1).pk}).status_code == 404
    _login(client, c)  # c posting on b's page books c with b, never a with b
    client.post(url, {"slot": session.slots.get(index=1).pk})
    booked = Meeting.objects.get(
        schedule=published_schedule(session), source=MeetingSource.SELF_BOOKED
    )
    assert {booked.participant_a_id, booked.participant_b_id} == {b.pk, c.pk}
    client.logout()
    assert client.get(url).status_code == 302  # sign in first
