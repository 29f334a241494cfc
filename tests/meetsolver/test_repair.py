"""repair() keeps what it can of a published schedule and tells each participant what changed."""

import re

import pytest

from meetsolver import Instance, InstanceError, Participant, Request, SolveConfig, Status
from meetsolver.repair import Absent, CancelMeeting, LateRegistrant, TableOutOfUse, repair
from meetsolver.verify import verify

from .instances import day_slots

CONFIG = SolveConfig(time_limit=10, workers=2, seed=1)


@pytest.fixture(scope="module")
def published():
    from meetsolver.solve import solve

    inst = Instance(
        slots=day_slots(1, 6, 3),
        tables=3,
        participants=tuple(Participant(f"p{i}") for i in range(1, 8)),
        requests=(
            Request((0, 1), weight=3),
            Request((0, 2), weight=2),
            Request((0, 3), weight=2),
            Request((1, 2), weight=1),
            Request((1, 4), weight=3),
            Request((2, 5), weight=2),
            Request((3, 4), weight=1),
            Request((4, 5), weight=2),
            Request((5, 6), weight=3, required=True),
        ),
        fairness=1,
    )
    solution = solve(inst, CONFIG)
    assert solution.status == Status.OPTIMAL and verify(inst, solution) == []
    return inst, solution.assignments


def by_request(assignments):
    return {a.request: a for a in assignments}


def test_cancelled_meeting_changes_nothing_else(published):
    inst, pub = published
    gone = pub[0].request
    result = repair(inst, pub, [CancelMeeting(gone)], CONFIG)
    assert verify(result.instance, result.solution) == []
    assert len(result.instance.requests) == len(inst.requests) - 1
    now = by_request(result.solution.assignments)
    for a in pub:
        if a.request != gone:
            assert now[result.request_map[a.request]].slot == a.slot
            assert now[result.request_map[a.request]].table == a.table
    members = {inst.participants[p].id for p in inst.requests[gone].participants}
    assert set(result.changes) == members
    for pid in members:
        assert [c.kind for c in result.changes[pid]] == ["cancelled"]
        assert result.changes[pid][0].sentence().endswith("is cancelled")


def test_absent_participant_loses_later_meetings(published):
    inst, pub = published
    result = repair(inst, pub, [Absent("p5", from_slot=2)], CONFIG)
    assert verify(result.instance, result.solution) == []
    p5 = inst.participant_index("p5")
    for a in result.solution.assignments:
        if p5 in result.instance.requests[a.request].participants:
            assert a.slot < 2
    before = [a for a in pub if p5 in inst.requests[a.request].participants and a.slot >= 2]
    if before:
        assert result.changes["p5"]


def test_late_registrant_gets_meetings_and_others_stay(published):
    inst, pub = published
    newcomer = Participant("late")
    wish = Request(("late", "p7"), weight=3)
    result = repair(inst, pub, [LateRegistrant(newcomer, (wish,))], CONFIG)
    assert verify(result.instance, result.solution) == []
    new_request = len(inst.requests)
    assert result.instance.requests[new_request].participants == (7, 6)
    now = by_request(result.solution.assignments)
    assert new_request in now  # p7 has one meeting only: there is room for the newcomer
    assert [c.kind for c in result.changes["late"]] == ["added"]
    assert result.changes["late"][0].sentence().startswith("new meeting with p7: slot")
    assert result.solution.objective["changes"] == 0
    for a in pub:
        assert now[a.request] == a


def test_table_out_of_use(published):
    inst, pub = published
    used = [a for a in pub if a.table is not None]
    table = max(used, key=lambda a: a.slot).table
    from_slot = 3
    result = repair(inst, pub, [TableOutOfUse(table, from_slot)], CONFIG)
    assert verify(result.instance, result.solution) == []
    for a in result.solution.assignments:
        assert not (a.table == table and a.slot >= from_slot)
    now = by_request(result.solution.assignments)
    for a in pub:
        if a.slot < from_slot and a.request in now and now[a.request].slot == a.slot:
            assert now[a.request].table == a.table  # before the closure the table is still there
    moved = [c for changes in result.changes.values() for c in changes if c.kind == "moved"]
    assert all(c.before.table == table for c in moved)


def test_past_slots_are_frozen(published):
    inst, pub = published
    now_slot = 3
    # p1 leaves at once: the meetings already held stay as they were.
    result = repair(inst, pub, [Absent("p1", from_slot=0)], CONFIG, now_slot=now_slot)
    assert verify(result.instance, result.solution) == []
    now = by_request(result.solution.assignments)
    for a in pub:
        if a.slot < now_slot:
            assert now[a.request] == a
    for a in result.solution.assignments:
        if a.request not in by_request(pub) or by_request(pub)[a.request].slot >= now_slot:
            assert a.slot >= now_slot or now[a.request] == by_request(pub).get(a.request)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (CancelMeeting(40), "change 1 (CancelMeeting): request 41 does not exist"),
        (Absent("nobody"), "change 1 (Absent): participant 'nobody' does not exist"),
        (TableOutOfUse(7), "change 1 (TableOutOfUse): table 8 does not exist"),
        (Absent("p1", from_slot=9), "change 1 (Absent): slot 10 does not exist"),
        (
            LateRegistrant(Participant("new"), (Request(("new", "ghost")),)),
            "request 1 names unknown participant 'ghost'",
        ),
    ],
)
def test_changes_naming_what_does_not_exist(published, change, message):
    inst, pub = published
    with pytest.raises(InstanceError, match=re.escape(message)):
        repair(inst, pub, [change], CONFIG)
