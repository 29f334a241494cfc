"""LNS and the large-instance path: valid schedules, never worse than the start, on time."""

from __future__ import annotations

import threading
import time

from meetsolver import Instance, Participant, Request, Session, Slot, SolveConfig, Status
from meetsolver.construct import construct
from meetsolver.generate import generate
from meetsolver.large import is_large, request_slot_pairs, solve_large
from meetsolver.lns import improve
from meetsolver.verify import evaluate, verify

from .instances import day_slots


def event(n: int = 60, seed: int = 2) -> Instance:
    return generate(
        participants=n,
        requests_per_participant=6,
        days=2,
        slots_per_day=8,
        tables=n // 5,
        seed=seed,
    )


def rank(instance: Instance, assignments) -> tuple[int, int]:
    values = evaluate(instance, assignments)
    return values["weight"], -values["breaks"]


def test_never_worse_than_its_start_and_valid():
    inst = event()
    start = construct(inst)
    solution = improve(
        inst, start, SolveConfig(time_limit=4, seed=1), deadline=time.monotonic() + 4
    )
    assert verify(inst, solution) == []
    assert solution.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert rank(inst, solution.assignments) >= rank(inst, start)
    assert set(solution.objective) == {"weight", "breaks", "table_changes"}


def test_improves_an_empty_start():
    inst = Instance(
        slots=day_slots(1, 4, 2),
        tables=2,
        participants=tuple(Participant(f"p{i}") for i in range(4)),
        requests=tuple(Request((a, b), weight=1 + a) for a in range(4) for b in range(a + 1, 4)),
        fairness=1,
    )
    solution = improve(inst, [], SolveConfig(seed=0), deadline=time.monotonic() + 10)
    assert verify(inst, solution) == []
    # Four people, three rounds of two meetings: every wish held, no break.
    assert solution.status == Status.OPTIMAL
    assert evaluate(inst, solution.assignments)["meetings"] == 6


def test_deadline_respected():
    inst = event(200, seed=3)
    start = construct(inst)
    began = time.monotonic()
    solution = improve(inst, start, SolveConfig(), deadline=began + 2)
    assert time.monotonic() - began < 3.0
    assert verify(inst, solution) == []


def test_stop_event_and_progress():
    inst = event()
    stop = threading.Event()
    stop.set()
    began = time.monotonic()
    solution = solve_large(inst, SolveConfig(time_limit=30, stop=stop))
    assert time.monotonic() - began < 10
    assert verify(inst, solution) == []
    assert solution.status == Status.FEASIBLE

    reports = []

    def progress(info: dict) -> bool:
        reports.append(info)
        return True  # stop at the first report

    solution = solve_large(inst, SolveConfig(time_limit=30), progress=progress)
    assert reports and {"objective", "bound", "seconds"} <= set(reports[0])
    assert verify(inst, solution) == []


def test_solve_large_small_instance(small_instance):
    solution = solve_large(small_instance, SolveConfig(time_limit=1.5))
    assert verify(small_instance, solution) == []
    assert 1 in {a.request for a in solution.assignments}  # required
    assert not is_large(small_instance)


def test_solve_large_keeps_previous():
    inst = event()
    first = solve_large(inst, SolveConfig(time_limit=2))
    again = solve_large(inst, SolveConfig(time_limit=2), previous=first.assignments)
    assert verify(inst, again) == []
    assert again.objective["changes"] == 0


def test_unmet_minimum_reported():
    inst = Instance(
        slots=(Slot(1, Session.AM),),
        tables=1,
        participants=(
            Participant("a", min_meetings=1),
            Participant("b", unavailable=frozenset({0})),
        ),
        requests=(Request((0, 1)),),
    )
    solution = solve_large(inst, SolveConfig(time_limit=2))
    assert solution.status == Status.UNKNOWN and not solution.assignments
    assert solution.conflicts == ["participant 'a' has fewer than 1 meetings"]


def test_solve_large_starts_from_a_better_hint():
    inst = event()
    good = solve_large(inst, SolveConfig(time_limit=3, seed=4))
    again = solve_large(inst, SolveConfig(time_limit=0.5), hint=good.assignments)
    assert verify(inst, again) == []
    assert rank(inst, again.assignments) >= rank(inst, good.assignments)
    # An invalid hint (a meeting twice in one slot for one participant) is ignored.
    bad = [a.__class__(a.request, 0, a.table, a.room) for a in good.assignments]
    assert verify(inst, solve_large(inst, SolveConfig(time_limit=0.5), hint=bad)) == []


def test_solve_large_within_its_time_limit():
    inst = event(300, seed=5)
    began = time.monotonic()
    solution = solve_large(inst, SolveConfig(time_limit=3))
    assert time.monotonic() - began < 4.0
    assert verify(inst, solution) == []
    assert request_slot_pairs(inst) > 10_000  # a large event for the full model


def test_solve_hands_large_events_to_solve_large():
    from meetsolver import solve

    inst = generate(
        participants=400, requests_per_participant=8, days=2, slots_per_day=10, tables=80, seed=6
    )
    assert is_large(inst)
    began = time.monotonic()
    solution = solve(inst, SolveConfig(time_limit=4))
    assert time.monotonic() - began < 5.5
    assert verify(inst, solution) == []
    assert solution.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert set(solution.objective) == {"weight", "breaks", "table_changes"}
