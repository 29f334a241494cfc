"""verify() catches each kind of hard-constraint violation; evaluate() counts as defined."""

from dataclasses import replace

import pytest

from meetsolver import Assignment, Instance, Mode, Participant, Request, Solution, Status
from meetsolver.verify import evaluate, verify

from .instances import day_slots

A = Assignment


def sol(assignments, status=Status.FEASIBLE, **kw) -> Solution:
    return Solution(status=status, assignments=list(assignments), **kw)


VALID = [A(0, 0, table=0), A(1, 1, table=0), A(3, 3, table=0), A(4, 2, table=1)]


def test_a_valid_schedule_has_no_errors(small_instance):
    assert verify(small_instance, sol(VALID)) == []


@pytest.mark.parametrize(
    ("assignments", "expected"),
    [
        ([A(0, 0, table=0), A(3, 3, table=0)], "request 2 (a, c) is required but not scheduled"),
        (VALID + [A(0, 2, table=0)], "request 1 is scheduled twice"),
        (VALID + [A(9, 0, table=0)], "request 10, which does not exist"),
        ([A(0, 0, table=0), A(1, 7, table=0)], "slot 8, which does not exist"),
        ([A(1, 0, table=0), A(0, 0, table=1)], "participant 'a' has two meetings in slot 1"),
        ([A(0, 3, table=0), A(1, 1, table=0)], "slot 4, where participant 'b' is unavailable"),
        ([A(1, 1, table=0), A(3, 2, table=0)], "request 4 is fixed to slot 4 but placed in slot 3"),
        (
            [A(1, 1, table=0), A(2, 2, table=0)],
            "request 3 must be in the am session but slot 3 is in the pm session",
        ),
        (
            [A(1, 2, table=0), A(4, 1, table=0)],
            "request 5 (slot 2) must come strictly after request 2 (slot 3)",
        ),
        ([A(1, 0, table=0), A(3, 0, table=0)], "table 1 hosts requests 2 and 4 in slot 1"),
        ([A(1, 0, table=5)], "table 6, which does not exist"),
        ([A(1, 0, room=0), A(3, 0, room=0)], "online room 1 hosts requests 2 and 4 in slot 1"),
        ([A(1, 0, room=3)], "online room 4, which does not exist"),
        ([A(1, 0)], "must have exactly one place"),
        ([A(1, 0, table=0, room=0)], "must have exactly one place"),
    ],
)
def test_each_violation_is_named(small_instance, assignments, expected):
    errors = verify(small_instance, sol(assignments))
    assert any(expected in e for e in errors), errors


def test_max_and_min_meetings(small_instance):
    inst = replace(
        small_instance,
        participants=(
            Participant("a", max_meetings=1),
            *small_instance.participants[1:3],
            Participant("d", min_meetings=2),
        ),
    )
    errors = verify(inst, sol([A(0, 0, table=0), A(1, 1, table=0)]))
    assert "participant 'a' has 2 meetings, more than their maximum of 1" in errors
    assert "participant 'd' has 0 meetings, fewer than their minimum of 2" in errors


def test_online_and_onsite_modes_and_forced_places():
    inst = Instance(
        slots=day_slots(1, 3),
        tables=2,
        online_rooms=2,
        participants=(
            Participant("on", mode=Mode.ONLINE),
            Participant("site", mode=Mode.ONSITE),
            Participant("x"),
        ),
        requests=(
            Request((0, 2)),
            Request((1, 2)),
            Request((0, 2), online=False),
            Request((1, 2), online=True),
        ),
    )
    errors = verify(inst, sol([A(0, 0, table=0), A(1, 1, room=0)]))
    assert "request 1 is on site (table 1) but participant 'on' meets only online" in errors
    assert "request 2 is online but participant 'site' meets only on site" in errors
    errors = verify(inst, sol([A(2, 0, room=0), A(3, 1, table=1)]))
    assert "request 3 must be on site but is in online room 1" in errors
    assert "request 4 must be online but is at table 2" in errors


def test_reserved_tables():
    inst = Instance(
        slots=day_slots(1, 2),
        tables=3,
        participants=(Participant("booth", reserved_table=2), Participant("x"), Participant("y")),
        requests=(Request((0, 1)), Request((1, 2))),
    )
    assert verify(inst, sol([A(0, 0, table=2), A(1, 1, table=0)])) == []
    errors = verify(inst, sol([A(0, 0, table=0), A(1, 1, table=2)]))
    assert "request 1 is at table 1 but 'booth' meets at their reserved table 3" in errors
    assert "request 2 is at table 3, reserved for 'booth' who is not in that meeting" in errors


def test_breaks_count_runs_once_and_reset_each_day():
    inst = Instance(
        slots=day_slots(2, 5),
        tables=5,
        participants=tuple(Participant(f"p{i}") for i in range(5)),
        requests=(
            Request((0, 1)),
            Request((0, 2)),
            Request((0, 3)),
            Request((0, 4)),
            Request((1, 2)),
        ),
        fairness=0,
    )
    # p0 meets in slots 1, 4, 5 of day one (one break of two idle slots) and slot 5 of day two.
    assignments = [
        A(0, 0, table=0),
        A(1, 3, table=0),
        A(2, 4, table=1),
        A(3, 9, table=0),
        A(4, 5, table=0),
    ]
    values = evaluate(inst, assignments)
    assert values["breaks_per_participant"] == [1, 0, 0, 0, 0]
    assert values["breaks"] == 1
    assert values["fairness_spread"] == 1
    # p0 on day one: table 1, 1, 2 -> one change; p2: tables 1 (slot 4) and 1 (slot 6, day 2) -> none
    assert values["table_changes"] == 1
    errors = verify(inst, sol(assignments))
    assert errors == [
        "fairness: participant 'p0' has 1 breaks and 'p1' 0, a difference above the bound 0"
    ]


def test_weight_counts_optional_meetings(small_instance):
    values = evaluate(small_instance, VALID)
    assert values["weight"] == 3 + 2 + 1  # request 2 is required and not counted
    assert values["weight_all"] == 8
    assert values["meetings"] == 4


def test_reported_objective_must_match(small_instance):
    errors = verify(small_instance, sol(VALID, objective={"breaks": 7, "weight": 6}))
    assert errors == ["the solution reports breaks 7 but its meetings give 1"]


def test_infeasible_status_with_meetings(small_instance):
    errors = verify(small_instance, sol(VALID, status=Status.INFEASIBLE))
    assert "the status is infeasible but the solution schedules 4 meetings" in errors


def test_shared_booth_and_two_owners_meeting():
    inst = Instance(
        slots=day_slots(1, 3),
        tables=3,
        participants=(
            Participant("a", reserved_table=0),
            Participant("a2", reserved_table=0),
            Participant("b", reserved_table=1),
            Participant("x"),
        ),
        requests=(Request((1, 3)), Request((0, 2)), Request((2, 3))),
    )
    assert verify(inst, sol([A(0, 0, table=0), A(1, 1, table=0), A(2, 2, table=1)])) == []
    errors = verify(inst, sol([A(1, 0, table=2)]))
    assert errors == ["request 2 is at table 3 but 'a' and 'b' meet at their reserved table 1 or 2"]
