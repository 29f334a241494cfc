"""The solver on small hand-made instances whose optimum follows from their structure."""

from __future__ import annotations

import threading

import pytest

from meetsolver import (
    Assignment,
    Instance,
    Mode,
    Participant,
    Request,
    Session,
    Slot,
    SolveConfig,
    Status,
    solve,
)
from meetsolver.verify import verify

QUICK = SolveConfig(time_limit=10.0, workers=2)


def people(*ids: str, **overrides) -> tuple[Participant, ...]:
    return tuple(Participant(id=i, **overrides.get(i, {})) for i in ids)


def day(n: int, morning: int | None = None) -> tuple[Slot, ...]:
    morning = n if morning is None else morning
    return tuple(Slot(day=1, session=Session.AM if s < morning else Session.PM) for s in range(n))


def meet(*ps: int, **kw) -> Request:
    kw.setdefault("required", True)
    return Request(participants=tuple(ps), **kw)


def solved(instance: Instance, config: SolveConfig = QUICK, **kw):
    sol = solve(instance, config, **kw)
    assert verify(instance, sol) == []
    return sol


def slot_of(sol, request: int) -> int:
    return next(a.slot for a in sol.assignments if a.request == request)


def test_one_forced_break():
    # A meets B (free only in slot 1) and C (free only in slot 3): A idles in slot 2.
    inst = Instance(
        slots=day(3),
        tables=2,
        participants=people(
            "A",
            "B",
            "C",
            B={"unavailable": frozenset({1, 2})},
            C={"unavailable": frozenset({0, 1})},
        ),
        requests=(meet(0, 1), meet(0, 2)),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    assert sol.objective["breaks"] == 1
    assert sol.bound["breaks"] == 1
    assert {a.table for a in sol.assignments} <= {0, 1}


def test_fairness_makes_it_infeasible_and_says_why():
    inst = Instance(
        slots=day(3),
        tables=2,
        participants=people(
            "A",
            "B",
            "C",
            B={"unavailable": frozenset({1, 2})},
            C={"unavailable": frozenset({0, 1})},
        ),
        requests=(meet(0, 1), meet(0, 2)),
        fairness=0,
    )
    sol = solve(inst, QUICK)
    assert sol.status == Status.INFEASIBLE
    assert sol.assignments == []
    text = " ".join(sol.conflicts)
    assert "differ by at most 0" in text
    assert all(s.endswith((".", ":")) for s in sol.conflicts)


def test_precedence_fixed_slot_and_session():
    inst = Instance(
        slots=day(4, morning=2),
        tables=3,
        participants=people("A", "B", "C", "D"),
        requests=(
            meet(0, 1, after=frozenset({1})),  # A-B strictly after A-C
            meet(0, 2),
            meet(2, 3, fixed_slot=3),
            meet(1, 3, session=Session.PM),
        ),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    assert slot_of(sol, 1) < slot_of(sol, 0)
    assert slot_of(sol, 2) == 3
    assert slot_of(sol, 3) in (2, 3)


def test_group_meeting_breaks_worked_out_by_hand():
    # Group A+B+C and D meets each of them, 4 slots. D's three meetings avoid the group slot g.
    # g at an end: D is contiguous but only one of A, B, C can meet D right next to g -> 2
    # breaks. g inside: D has a break, and one of A, B, C meets D two slots away -> 2 breaks.
    inst = Instance(
        slots=day(4),
        tables=4,
        participants=people("A", "B", "C", "D"),
        requests=(meet(0, 1, 2), meet(0, 3), meet(1, 3), meet(2, 3)),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    assert sol.objective["breaks"] == 2


def test_reserved_table_holds_only_its_owners_meetings():
    inst = Instance(
        slots=day(2),
        tables=2,
        participants=people("A", "B", "C", "D", "E", "F", A={"reserved_table": 0}),
        requests=(meet(0, 1), meet(2, 3), meet(4, 5)),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    tables = {a.request: a.table for a in sol.assignments}
    assert tables[0] == 0
    assert tables[1] == tables[2] == 1  # one free table: C-D and E-F in different slots
    assert slot_of(sol, 1) != slot_of(sol, 2)


def test_reserved_table_leaves_too_few_tables():
    inst = Instance(
        slots=day(2),
        tables=2,
        participants=people("A", "B", "C", "D", "E", "F", "G", "H", A={"reserved_table": 0}),
        requests=(meet(0, 1), meet(2, 3), meet(4, 5), meet(6, 7)),
    )
    sol = solve(inst, QUICK)
    assert sol.status == Status.INFEASIBLE
    assert sol.conflicts


def test_online_only_participant_meets_in_online_rooms():
    inst = Instance(
        slots=day(2),
        tables=1,
        online_rooms=1,
        participants=people("X", "A", "B", "C", "D", "E", "F", X={"mode": Mode.ONLINE}),
        requests=(meet(0, 1), meet(0, 2), meet(3, 4), meet(5, 6)),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    by_request = {a.request: a for a in sol.assignments}
    for r in (0, 1):
        assert by_request[r].table is None and by_request[r].room == 0
    for r in (2, 3):
        assert by_request[r].table == 0 and by_request[r].room is None


def test_optional_weights_when_capacity_forces_a_choice():
    # 2 slots x 1 table hold two meetings: the two heaviest (4 and 3) share nobody: 7.
    inst = Instance(
        slots=day(2),
        tables=1,
        participants=people("A", "B", "C", "D", "E"),
        requests=(
            meet(0, 1, required=False, weight=3),
            meet(0, 2, required=False, weight=2),
            meet(1, 2, required=False, weight=2),
            meet(3, 4, required=False, weight=4),
        ),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    assert sol.objective["weight"] == 7
    assert sol.bound["weight"] == 7
    assert sorted(r for r, _ in sol.unscheduled) == [1, 2]


def test_max_meetings_limits_optional_requests():
    inst = Instance(
        slots=day(3),
        tables=2,
        participants=people("A", "B", "C", A={"max_meetings": 1}),
        requests=(meet(0, 1, required=False, weight=1), meet(0, 2, required=False, weight=1)),
    )
    sol = solved(inst)
    assert sol.objective["weight"] == 1


def test_previous_schedule_changes_as_little_as_possible():
    inst = Instance(
        slots=day(2),
        tables=2,
        participants=people("A", "B", "C", "D", A={"unavailable": frozenset({0})}),
        requests=(meet(0, 1), meet(2, 3)),
    )
    published = [Assignment(0, 0, 0), Assignment(1, 1, 0)]  # A-B now impossible in slot 1
    sol = solved(inst, previous=published)
    assert sol.status == Status.OPTIMAL
    assert sol.objective["changes"] == 1
    assert Assignment(1, 1, 0) in sol.assignments  # C-D kept its slot and table


def test_stop_event_returns_at_once():
    stop = threading.Event()
    stop.set()
    inst = Instance(slots=day(3), tables=1, participants=people("A", "B"), requests=(meet(0, 1),))
    sol = solve(inst, SolveConfig(time_limit=30, stop=stop))
    assert sol.seconds < 5
    assert sol.status in (Status.FEASIBLE, Status.UNKNOWN)


def test_progress_reports_objective_and_can_stop():
    seen = []

    def progress(info):
        seen.append(info)
        return True

    inst = Instance(
        slots=day(6),
        tables=2,
        participants=people("A", "B", "C", "D"),
        requests=(meet(0, 1), meet(0, 2), meet(0, 3), meet(1, 2), meet(1, 3), meet(2, 3)),
    )
    sol = solve(inst, SolveConfig(time_limit=30), progress=progress)
    assert seen and set(seen[0]) == {"objective", "bound", "seconds"}
    assert sol.status in (Status.FEASIBLE, Status.OPTIMAL)


def test_required_request_without_any_slot_is_explained():
    inst = Instance(
        slots=day(2, morning=2),
        tables=1,
        participants=people("A", "B"),
        requests=(meet(0, 1, session=Session.PM),),
    )
    sol = solve(inst, QUICK)
    assert sol.status == Status.INFEASIBLE
    assert "no slot suits it" in sol.conflicts[0]


def test_table_changes_minimised_on_request():
    # A meets B, C, D in three slots; other pairs fill the second table.
    inst = Instance(
        slots=day(3),
        tables=2,
        participants=people("A", "B", "C", "D", "E", "F"),
        requests=(meet(0, 1), meet(0, 2), meet(0, 3), meet(4, 5)),
    )
    sol = solved(inst, SolveConfig(time_limit=10, table_changes=True))
    assert sol.objective["table_changes"] == 0
    assert sol.bound["table_changes"] == 0


@pytest.mark.parametrize("tables", [0])
def test_no_tables_and_no_rooms(tables):
    inst = Instance(
        slots=day(2), tables=tables, participants=people("A", "B"), requests=(meet(0, 1),)
    )
    sol = solve(inst, QUICK)
    assert sol.status == Status.INFEASIBLE
    assert "no tables" in sol.conflicts[0]


def test_fixed_meetings_far_apart_force_a_break():
    # A: fixed in slots 1 and 4, one more meeting anywhere: slots 2-3 cannot both be filled.
    inst = Instance(
        slots=day(4),
        tables=3,
        participants=people("A", "B", "C", "D"),
        requests=(meet(0, 1, fixed_slot=0), meet(0, 2, fixed_slot=3), meet(0, 3)),
    )
    sol = solved(inst)
    assert sol.status == Status.OPTIMAL
    assert sol.objective["breaks"] == 1
