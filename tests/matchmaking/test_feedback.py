"""Feedback after meetings: the service's rules, the participant's page, the organiser's rates."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from maillage.matchmaking.enums import FeedbackOutcome as O
from maillage.matchmaking.models import Feedback
from maillage.matchmaking.scheduling import release
from maillage.matchmaking.services import editing, feedback
from tests.events.factories import PASSWORD, UserFactory
from tests.matchmaking.published import make_session, meet

pytestmark = pytest.mark.django_db


@pytest.fixture
def past():
    """A convention held two days ago: 0 met 1, 0 met 2, 2 met 3 (published)."""
    world = make_session(people=4, in_days=-2)
    meet(world, 0, 1, slot=0)
    meet(world, 0, 2, slot=1)
    meet(world, 2, 3, slot=0, table=1)
    release.publish(session=world.session)
    return world


def published_meeting(world, a, b):
    schedule = world.session.schedules.get(status="published")
    return schedule.meetings.get(
        participant_a=world.participants[a], participant_b=world.participants[b]
    )


def test_feedback_is_recorded_changed_and_forced_consistent(past):
    me = past.participants[0]
    meeting = published_meeting(past, 0, 1)
    f = feedback.give_feedback(
        meeting=meeting,
        author=me,
        took_place=True,
        outcome=O.COOPERATION_POSSIBLE,
        comment=" Follow-up in May ",
    )
    assert (f.outcome, f.comment) == (O.COOPERATION_POSSIBLE, "Follow-up in May")
    f = feedback.give_feedback(meeting=meeting, author=me, took_place=False, outcome=O.INFORMATIVE)
    assert f.outcome == O.DID_NOT_TAKE_PLACE and Feedback.objects.count() == 1
    with pytest.raises(ValidationError):
        feedback.give_feedback(
            meeting=meeting, author=me, took_place=True, outcome=O.DID_NOT_TAKE_PLACE
        )
    with pytest.raises(ValidationError):
        feedback.give_feedback(meeting=meeting, author=me, took_place=True, outcome="great")


def test_only_participants_of_published_past_meetings_may_answer(past):
    meeting = published_meeting(past, 0, 1)
    with pytest.raises(PermissionDenied):
        feedback.give_feedback(
            meeting=meeting, author=past.participants[3], took_place=True, outcome=O.INFORMATIVE
        )
    draft_meeting = past.session.schedules.get(status="draft").meetings.first()
    with pytest.raises(ValidationError, match="published"):
        feedback.give_feedback(
            meeting=draft_meeting,
            author=past.participants[0],
            took_place=True,
            outcome=O.INFORMATIVE,
        )
    future = make_session(people=2, in_days=5)
    meet(future, 0, 1, slot=0)
    release.publish(session=future.session)
    upcoming = published_meeting(future, 0, 1)
    with pytest.raises(ValidationError, match="not started"):
        feedback.give_feedback(
            meeting=upcoming, author=future.participants[0], took_place=True, outcome=O.INFORMATIVE
        )


def test_cancelled_meeting_cannot_be_rated(past):
    draft = past.session.schedules.get(status="draft")
    editing.cancel(meeting=draft.meetings.get(participant_b=past.participants[1]))
    release.publish(session=past.session)
    with pytest.raises(ValidationError, match="cancelled"):
        feedback.give_feedback(
            meeting=published_meeting(past, 0, 1),
            author=past.participants[0],
            took_place=True,
            outcome=O.INFORMATIVE,
        )


def test_rates_per_event(past):
    m01, m02, m23 = (
        published_meeting(past, 0, 1),
        published_meeting(past, 0, 2),
        published_meeting(past, 2, 3),
    )
    p = past.participants
    feedback.give_feedback(
        meeting=m01, author=p[0], took_place=True, outcome=O.COOPERATION_POSSIBLE
    )
    feedback.give_feedback(meeting=m01, author=p[1], took_place=True, outcome=O.INFORMATIVE)
    feedback.give_feedback(meeting=m02, author=p[2], took_place=False)
    rates = feedback.rates(past.event)
    assert (rates.meetings, rates.answered_meetings, rates.answers, rates.took_place) == (
        3,
        2,
        3,
        2,
    )
    assert rates.response_rate == 66.7 and rates.took_place_rate == 66.7
    table = {value: (count, share) for value, _label, count, share in rates.outcome_rates()}
    assert table[O.COOPERATION_POSSIBLE] == (1, 33.3)
    assert table[O.DID_NOT_TAKE_PLACE] == (1, 33.3)
    assert table[O.INSUFFICIENT_INTEREST] == (0, 0.0)
    assert m23.pk and feedback.rates(make_session(people=1).event).meetings == 0


def test_my_past_meetings_page_and_form(client, past):
    me = past.participants[0]
    client.login(email=me.registration.person.user.email, password=PASSWORD)
    page = client.get(reverse("matchmaking:my_feedback", args=[past.session.pk]))
    assert page.status_code == 200
    assert page.text.count('class="card mb-3 past-meeting"') == 2
    assert "First3 Last3" not in page.text
    meeting = published_meeting(past, 0, 1)
    url = reverse("matchmaking:give_feedback", args=[past.session.pk, meeting.pk])
    prefix = f"m{meeting.pk}"
    response = client.post(
        url,
        {
            f"{prefix}-took_place": "yes",
            f"{prefix}-outcome": O.INSUFFICIENT_INTEREST,
            f"{prefix}-comment": "Too early for them",
        },
    )
    assert response.status_code == 302
    assert Feedback.objects.get().outcome == O.INSUFFICIENT_INTEREST
    # someone else's meeting: refused
    other = published_meeting(past, 2, 3)
    response = client.post(
        reverse("matchmaking:give_feedback", args=[past.session.pk, other.pk]),
        {f"m{other.pk}-took_place": "yes", f"m{other.pk}-outcome": O.INFORMATIVE},
    )
    assert response.status_code == 403 and Feedback.objects.count() == 1


def test_rates_page_is_for_organisers_only(client, past):
    url = reverse("matchmaking:feedback_rates", args=[past.event.slug])
    me = past.participants[0]
    client.login(email=me.registration.person.user.email, password=PASSWORD)
    assert client.get(url).status_code == 403
    organiser = UserFactory(staff_of=[past.event.organisers.first()])
    client.login(email=organiser.email, password=PASSWORD)
    page = client.get(url)
    assert page.status_code == 200 and 'id="outcomes"' in page.text
