"""The database itself refuses double bookings and inconsistent schedules."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from maillage.matchmaking.enums import MeetingStatus, ScheduleStatus, WishLevel
from maillage.matchmaking.models import Meeting, MeetingSeat, Schedule, Wish
from tests.matchmaking.factories import (
    MeetingSessionFactory,
    MeetingSlotFactory,
    ParticipantFactory,
    TableFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    session = MeetingSessionFactory()
    slots = [MeetingSlotFactory(session=session, index=i) for i in range(2)]
    tables = [TableFactory(session=session, number=i + 1) for i in range(2)]
    people = [ParticipantFactory(session=session) for _ in range(4)]
    draft = Schedule.objects.create(session=session)
    return session, slots, tables, people, draft


def add_meeting(schedule, a, b, slot, table):
    meeting = Meeting.objects.create(
        schedule=schedule, participant_a=a, participant_b=b, slot=slot, table=table
    )
    for p in (a, b):
        MeetingSeat.objects.create(meeting=meeting, participant=p, schedule=schedule, slot=slot)
    return meeting


def test_a_participant_cannot_sit_twice_in_one_slot(world):
    _, slots, tables, (a, b, c, _d), draft = world
    add_meeting(draft, a, b, slots[0], tables[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        add_meeting(draft, a, c, slots[0], tables[1])


def test_a_table_holds_one_meeting_per_slot(world):
    _, slots, tables, (a, b, c, d), draft = world
    add_meeting(draft, a, b, slots[0], tables[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        add_meeting(draft, c, d, slots[0], tables[0])


def test_cancelled_meetings_free_the_table_and_the_people(world):
    _, slots, tables, (a, b, c, _d), draft = world
    first = add_meeting(draft, a, b, slots[0], tables[0])
    first.status = MeetingStatus.CANCELLED
    first.save()
    first.seats.update(active=False)
    add_meeting(draft, a, c, slots[0], tables[0])
    assert Meeting.objects.scheduled().count() == 1


def test_the_same_slot_in_another_schedule_is_independent(world):
    session, slots, tables, (a, b, _c, _d), draft = world
    add_meeting(draft, a, b, slots[0], tables[0])
    draft.status, draft.version = ScheduleStatus.PUBLISHED, 1
    draft.save()
    new_draft = Schedule.objects.create(session=session)
    add_meeting(new_draft, a, b, slots[0], tables[0])
    assert session.schedules.count() == 2


def test_one_draft_per_session(world):
    session, *_ = world
    with pytest.raises(IntegrityError), transaction.atomic():
        Schedule.objects.create(session=session)


def test_a_published_schedule_has_a_version(world):
    _, _, _, _, draft = world
    draft.status = ScheduleStatus.PUBLISHED
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.save()


def test_one_wish_per_pair(world):
    session, _, _, (a, b, _c, _d), _ = world
    Wish.objects.create(session=session, author=a, target=b, level=WishLevel.MUST_MEET)
    with pytest.raises(IntegrityError), transaction.atomic():
        Wish.objects.create(session=session, author=a, target=b, level=WishLevel.NO_THANKS)
    with pytest.raises(IntegrityError), transaction.atomic():
        Wish.objects.create(session=session, author=a, target=a, level=WishLevel.MUST_MEET)
