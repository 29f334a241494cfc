"""The constructive schedule: every hard constraint on small hand-made cases, and larger events."""

from __future__ import annotations

from meetsolver import Assignment, Instance, Mode, Participant, Request, Session, Slot, Status
from meetsolver.bounds import meetings_bound, weight_bound
from meetsolver.construct import construct, missing
from meetsolver.generate import generate
from meetsolver.solution import Solution
from meetsolver.verify import evaluate, verify

from .instances import day_slots


def people(n: int, **overrides) -> tuple[Participant, ...]:
    return tuple(Participant(f"p{i}", **overrides.get(f"p{i}", {})) for i in range(n))


def built(instance: Instance, **kw) -> dict[int, Assignment]:
    assignments = construct(instance, **kw)
    assert verify(instance, Solution(Status.FEASIBLE, assignments)) == []
    return {a.request: a for a in assignments}


def test_small_instance_valid_with_required(small_instance):
    placed = built(small_instance)
    assert 1 in placed  # the required meeting
    assert missing(small_instance, list(placed.values())) == []


def test_unavailable_session_and_fixed_slot():
    inst = Instance(
        slots=day_slots(1, 4, 2),
        tables=3,
        participants=people(6, p0={"unavailable": frozenset({0, 1})}),
        requests=(
            Request((0, 1)),
            Request((2, 3), session=Session.PM),
            Request((4, 5), fixed_slot=1),
        ),
    )
    placed = built(inst)
    assert placed[0].slot in (2, 3)
    assert placed[1].slot in (2, 3)
    assert placed[2].slot == 1


def test_precedence_kept_both_ways():
    # Request 1 must come after request 0; request 1 weighs more so it is placed first.
    inst = Instance(
        slots=day_slots(1, 4, 2),
        tables=2,
        participants=people(3),
        requests=(Request((0, 1), weight=1), Request((0, 2), weight=3, after=frozenset({0}))),
    )
    placed = built(inst)
    assert 1 in placed
    if 0 in placed:
        assert placed[0].slot < placed[1].slot


def test_table_capacity_per_slot():
    inst = Instance(
        slots=day_slots(1, 2, 1),
        tables=1,
        participants=people(6),
        requests=(Request((0, 1)), Request((2, 3)), Request((4, 5))),
    )
    placed = built(inst)
    assert len(placed) == 2
    assert len({a.slot for a in placed.values()}) == 2


def test_reserved_tables():
    inst = Instance(
        slots=day_slots(1, 3, 1),
        tables=2,
        participants=people(4, p0={"reserved_table": 1}),
        requests=(Request((0, 1)), Request((0, 2)), Request((2, 3)), Request((1, 3))),
    )
    placed = built(inst)
    assert placed[0].table == 1 and placed[1].table == 1
    assert all(a.table == 0 for r, a in placed.items() if r in (2, 3))


def test_online_rooms_and_modes():
    inst = Instance(
        slots=day_slots(1, 1, 1),
        tables=1,
        online_rooms=1,
        participants=people(6, p0={"mode": Mode.ONLINE}, p4={"mode": Mode.ONSITE}),
        requests=(Request((0, 1)), Request((2, 3), online=True), Request((4, 5))),
    )
    placed = built(inst)
    online = [r for r in (0, 1) if r in placed]
    assert len(online) == 1 and placed[online[0]].room == 0  # one room for two online meetings
    assert placed[2].table == 0  # on site only


def test_no_room_no_online_meeting():
    inst = Instance(
        slots=day_slots(1, 2, 1),
        tables=2,
        participants=people(2, p0={"mode": Mode.ONLINE}),
        requests=(Request((0, 1)),),
    )
    assert built(inst) == {}


def test_max_meetings_and_groups():
    inst = Instance(
        slots=day_slots(1, 4, 2),
        tables=2,
        participants=people(5, p0={"max_meetings": 2}),
        requests=(
            Request((0, 1)),
            Request((0, 2)),
            Request((0, 3)),
            Request((1, 2, 4), weight=3),
        ),
    )
    placed = built(inst)
    assert sum(1 for r in placed if r < 3) == 2
    assert 3 in placed


def test_fewest_breaks_next_to_existing_meetings():
    # p0 meets everyone; no reason for an idle slot in between.
    inst = Instance(
        slots=day_slots(1, 6, 3),
        tables=3,
        participants=people(5),
        requests=tuple(Request((0, q)) for q in range(1, 5)),
        fairness=0,
    )
    placed = built(inst)
    assert len(placed) == 4
    assert evaluate(inst, list(placed.values()))["breaks"] == 0


def test_previous_schedule_kept():
    inst = generate(
        participants=40, requests_per_participant=4, days=1, slots_per_day=8, tables=8, seed=3
    )
    first = construct(inst)
    again = construct(inst, previous=first)
    assert {(a.request, a.slot, a.table) for a in again} >= {
        (a.request, a.slot, a.table) for a in first
    }


def test_generated_event_close_to_the_bound():
    inst = generate(
        participants=300, requests_per_participant=10, days=2, slots_per_day=12, tables=60, seed=1
    )
    assignments = construct(inst)
    assert verify(inst, Solution(Status.FEASIBLE, assignments)) == []
    assert missing(inst, assignments) == []
    values = evaluate(inst, assignments)
    assert values["meetings"] >= 0.85 * meetings_bound(inst)
    assert values["weight"] <= weight_bound(inst)


def test_dense_event_every_slot_filled():
    # Eight people who all want to meet each other in seven slots: a round robin exists.
    inst = Instance(
        slots=tuple(Slot(1, Session.AM) for _ in range(7)),
        tables=4,
        participants=people(8),
        requests=tuple(Request((a, b)) for a in range(8) for b in range(a + 1, 8)),
        fairness=2,
    )
    placed = built(inst)
    assert len(placed) == 28


def test_dense_event_with_greedy_matchings(monkeypatch):
    import meetsolver.construct as construct_module

    monkeypatch.setattr(construct_module, "MATCHING_NODES", 2)  # as for a large dense event
    inst = Instance(
        slots=tuple(Slot(1, Session.AM) for _ in range(7)),
        tables=4,
        participants=people(8),
        requests=tuple(Request((a, b)) for a in range(8) for b in range(a + 1, 8)),
        fairness=2,
    )
    assert len(built(inst)) >= 20


def test_bounds_on_a_small_event():
    inst = Instance(
        slots=day_slots(1, 2, 1),
        tables=1,
        participants=people(4, p3={"unavailable": frozenset({0, 1})}),
        requests=(
            Request((0, 1), weight=2),
            Request((0, 2), weight=3),
            Request((1, 2)),
            Request((2, 3), weight=5),
        ),
    )
    # One table over two slots; p3 is never free, so request 4 counts for nothing.
    assert meetings_bound(inst) == 2
    assert weight_bound(inst) == 6
