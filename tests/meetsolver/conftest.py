"""Small hand-built instances shared by the meetsolver tests."""

import pytest

from meetsolver import Instance, Participant, Request, Session

from .instances import day_slots


@pytest.fixture
def small_instance() -> Instance:
    """Four participants, four slots, two tables, one online room; a bit of everything."""
    return Instance(
        slots=day_slots(1, 4, 2),
        tables=2,
        online_rooms=1,
        participants=(
            Participant("a", max_meetings=3),
            Participant("b", unavailable=frozenset({3})),
            Participant("c"),
            Participant("d"),
        ),
        requests=(
            Request((0, 1), weight=3),
            Request((0, 2), weight=2, required=True),
            Request((1, 2), weight=1, session=Session.AM),
            Request((2, 3), weight=2, fixed_slot=3),
            Request((0, 3), weight=1, after=frozenset({1})),
        ),
        fairness=2,
    )
