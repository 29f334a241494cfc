"""The optimiser end to end: database → instance → solve → draft; every schedule verified."""

from __future__ import annotations

import datetime as dt

import pytest

from maillage.matchmaking.enums import HalfDay, WishLevel
from maillage.matchmaking.models import Meeting
from maillage.matchmaking.scheduling import build
from maillage.matchmaking.services import editing, sessions, wishes
from maillage.matchmaking.services.sessions import ensure_draft
from meetsolver import Solution, Status
from meetsolver.verify import verify

pytestmark = pytest.mark.django_db


def verify_saved(session):
    """Rebuild the instance and check the draft as saved, with meetsolver's verify()."""
    built = build.build_instance(session)
    assignments = build.assignments_of(built, ensure_draft(session))
    errors = verify(built.instance, Solution(Status.FEASIBLE, assignments=assignments))
    assert errors == []
    return built, assignments


def test_slots_skip_the_lunch_break_and_split_the_day(convention):
    from tests.matchmaking.conftest import make_session

    session = make_session(
        convention,
        people=2,
        day_start=dt.time(11),
        day_end=dt.time(15),
        lunch=(dt.time(12, 30), dt.time(14)),
    )
    slots = list(session.slots.order_by("index"))
    labels = [s.label for s in slots]
    assert labels == ["11:00", "11:20", "11:40", "12:00", "14:00", "14:20", "14:40"]
    assert [s.half for s in slots] == [HalfDay.AM] * 4 + [HalfDay.PM] * 3


def test_wishes_become_weighted_requests(session, people):
    a, b, c, d, e, f = people
    wishes.set_wish(author=a, target=b, level=WishLevel.MUST_MEET)
    wishes.set_wish(author=c, target=d, level=WishLevel.WOULD_LIKE)
    wishes.set_wish(author=d, target=c, level=WishLevel.WOULD_LIKE)
    wishes.set_wish(author=e, target=f, level=WishLevel.WOULD_LIKE)
    wishes.set_wish(author=a, target=e, level=WishLevel.WOULD_LIKE)
    wishes.set_wish(author=e, target=a, level=WishLevel.NO_THANKS)
    built = build.build_instance(session)
    weights = {frozenset(w.people): w.weight for w in built.wanted}
    assert weights == {
        frozenset((a.id, b.id)): 3,
        frozenset((c.id, d.id)): 3,
        frozenset((e.id, f.id)): 2,
    }


def test_forbidden_types_are_left_out(session, people):
    a, b, *_ = people  # an SME and a large group
    wishes.set_wish(author=a, target=b, level=WishLevel.MUST_MEET)
    sessions.set_rule(session=session, type_a="large_group", type_b="sme", may_meet=False)
    built = build.build_instance(session)
    assert built.wanted == []


def test_schedule_now_saves_a_verified_draft(session, people):
    for x in people:
        for y in people:
            if x.id < y.id:
                wishes.set_wish(author=x, target=y, level=WishLevel.WOULD_LIKE)
    summary = build.schedule_now(session)
    assert summary["status"] in ("optimal", "feasible")
    built, assignments = verify_saved(session)
    # 6 slots, 3 tables, 15 pairs: every pair fits (a round robin of 5 rounds).
    assert len(assignments) == 15
    assert summary["unscheduled"] == []
    # Nobody sits twice in a slot (the database says so too).
    draft = ensure_draft(session)
    assert Meeting.objects.filter(schedule=draft).count() == 15


def test_unscheduled_wishes_come_with_a_reason(session, people):
    a, b, *_ = people
    a.unavailable_slots.set(session.slots.all())
    wishes.set_wish(author=b, target=a, level=WishLevel.MUST_MEET)
    summary = build.schedule_now(session)
    assert len(summary["unscheduled"]) == 1
    left = summary["unscheduled"][0]
    assert left["reason"]
    assert "Person0 Martin" in left["names"][0]


def test_locked_meetings_keep_their_slot(session, people):
    a, b, c, *_ = people
    draft = ensure_draft(session)
    slot = session.slots.get(index=4)
    table = session.tables.get(number=2)
    meeting = editing.add_meeting(schedule=draft, people=[a, b], slot=slot, table=table)
    editing.set_locked(meeting=meeting, locked=True)
    wishes.set_wish(author=a, target=c, level=WishLevel.MUST_MEET)
    build.schedule_now(session)
    verify_saved(session)
    kept = Meeting.objects.get(schedule=draft, participant_a=a, participant_b=b)
    assert kept.slot == slot and kept.locked and kept.uid == meeting.uid


def test_the_starting_schedule_of_a_built_session_is_valid(session, people):
    from meetsolver.construct import construct

    for x in people:
        for y in people:
            if x.id < y.id:
                wishes.set_wish(author=x, target=y, level=WishLevel.MUST_MEET)
    people[0].unavailable_slots.set(session.slots.filter(index__in=[0, 1]))
    people[1].max_meetings = 2
    people[1].save()
    built = build.build_instance(session)
    start = construct(built.instance)
    assert verify(built.instance, Solution(Status.FEASIBLE, assignments=start)) == []
    assert len(start) >= 10


def test_wishes_close_at_the_deadline(session, people):
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    a, b, *_ = people
    session.wish_deadline = timezone.now() - dt.timedelta(minutes=1)
    session.save()
    with pytest.raises(ValidationError, match="Wishes closed on"):
        wishes.set_wish(author=a, target=b, level=WishLevel.MUST_MEET)
    with pytest.raises(ValidationError, match="yourself"):
        wishes.set_wish(author=a, target=a, level=WishLevel.MUST_MEET)
