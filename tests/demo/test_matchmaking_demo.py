"""The demo convention: about forty meetings each, published, every schedule verified."""

from __future__ import annotations

import io

import pytest

from maillage.demo import events as events_demo
from maillage.demo import matchmaking as demo
from maillage.events.models import Event, Registration
from maillage.matchmaking.enums import ScheduleStatus
from maillage.matchmaking.models import Feedback, MeetingSession, OnlineRoom, Opportunity, Wish
from maillage.matchmaking.scheduling import build
from meetsolver import Solution, Status
from meetsolver.verify import verify
from tests.events.factories import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def loaded(monkeypatch):
    for name, (kind, country, city) in events_demo.ORGANISATIONS.items():
        OrganisationFactory(name=name, kind=kind, country=country, city=city)
    UserFactory(email=demo.PARTICIPANT_EMAIL, first_name="Léa", last_name="Fontaine")
    events_demo.load(io.StringIO())
    out = io.StringIO()
    demo.load(out)
    return out.getvalue()


def test_demo_convention_and_online_day(loaded):
    convention = Event.objects.get(slug=demo.CONVENTION)
    session = MeetingSession.objects.get(event=convention)
    participants = session.participants.count()
    assert participants >= 70
    assert session.slots.count() == 44 and session.tables.count() == 40
    published = session.schedules.get(status=ScheduleStatus.PUBLISHED)
    meetings = published.meetings.scheduled().count()
    assert 2 * meetings / participants >= 35, loaded
    assert Opportunity.objects.filter(participant__session=session).count() >= 2 * participants
    wished = Wish.objects.filter(session=session).count()
    assert wished / participants >= 35
    assert Feedback.objects.filter(meeting__schedule=published).exists()

    me = session.participants.get(registration__person__user__email=demo.PARTICIPANT_EMAIL)
    assert published.meetings.scheduled().filter(seats__participant=me).count() >= 20

    online = MeetingSession.objects.get(event__slug=demo.ONLINE_DAY)
    assert OnlineRoom.objects.filter(session=online).count() == 12
    online_schedule = online.schedules.get(status=ScheduleStatus.PUBLISHED)
    assert online_schedule.meetings.scheduled().filter(room__isnull=False).count() > 50
    assert not online_schedule.meetings.filter(table__isnull=False).exists()

    # every saved schedule (published and the new draft) passes the independent check
    for s in (session, online):
        for schedule in s.schedules.all():
            built = build.build_instance(s)
            assignments = build.assignments_of(built, schedule)
            assert len(assignments) == schedule.meetings.scheduled().count()
            assert verify(built.instance, Solution(Status.FEASIBLE, assignments=assignments)) == []

    # idempotent
    counts = (
        Registration.objects.count(),
        Opportunity.objects.count(),
        Wish.objects.count(),
        Feedback.objects.count(),
        published.meetings.count(),
    )
    demo.load(io.StringIO())
    assert counts == (
        Registration.objects.count(),
        Opportunity.objects.count(),
        Wish.objects.count(),
        Feedback.objects.count(),
        published.meetings.count(),
    )
