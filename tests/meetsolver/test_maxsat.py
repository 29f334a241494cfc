"""The MaxSAT engine (UWrMaxSAT): events whose meetings are all required."""

from __future__ import annotations

import csv
import threading
import time

import pytest

from meetsolver import Instance, Participant, Request, Session, SolveConfig, Status, solve
from meetsolver.dzn import read_dzn
from meetsolver.maxsat import applies, solve_maxsat
from meetsolver.maxsat.background import race
from meetsolver.verify import evaluate, verify

from .instances import day_slots


def people(n: int, **kw) -> tuple[Participant, ...]:
    return tuple(Participant(id=f"p{i + 1}", **kw) for i in range(n))


def meet(a: int, b: int, **kw) -> Request:
    return Request((a, b), required=True, **kw)


def one_day(n: int) -> tuple:
    return day_slots(1, n, n)


def test_forced_break_is_the_optimum():
    # p1 meets p2 in slot 1 and p3 in slot 3: one break, nothing better exists.
    inst = Instance(
        slots=one_day(4),
        tables=2,
        participants=people(3),
        requests=(meet(0, 1, fixed_slot=0), meet(0, 2, fixed_slot=2)),
        fairness=None,
    )
    sol = solve_maxsat(inst, SolveConfig(time_limit=10))
    assert verify(inst, sol) == []
    assert sol.status is Status.OPTIMAL
    assert sol.objective["breaks"] == 1 == sol.bound["breaks"]


def test_round_robin_without_breaks():
    # Four people, everyone meets everyone: three rounds of two tables, no break needed.
    pairs = [(a, b) for a in range(4) for b in range(a + 1, 4)]
    inst = Instance(
        slots=one_day(5),
        tables=2,
        participants=people(4),
        requests=tuple(meet(a, b) for a, b in pairs),
        fairness=2,
    )
    sol = solve_maxsat(inst, SolveConfig(time_limit=10))
    assert verify(inst, sol) == []
    assert sol.status is Status.OPTIMAL
    assert sol.objective["breaks"] == 0
    assert len(sol.assignments) == 6


def test_fairness_moves_breaks_and_agrees_with_cp_sat():
    # p1 has a fixed break; the sessions force one on p4 too. Both engines, same optimum.
    inst = Instance(
        slots=day_slots(1, 6, 3),
        tables=1,
        participants=people(6),
        requests=(
            meet(0, 1, fixed_slot=0),
            meet(0, 2, fixed_slot=2),
            meet(3, 4, session=Session.AM),
            meet(3, 5, session=Session.PM),
            meet(4, 5),
        ),
        fairness=1,
    )
    sat = solve(inst, SolveConfig(time_limit=10, engine="maxsat", explain=False))
    cp = solve(inst, SolveConfig(time_limit=10, engine="cp-sat", explain=False))
    assert verify(inst, sat) == [] and verify(inst, cp) == []
    assert sat.status is Status.OPTIMAL and cp.status is Status.OPTIMAL
    assert sat.objective["breaks"] == cp.objective["breaks"]
    assert evaluate(inst, sat.assignments)["fairness_spread"] <= 1


def test_fairness_zero_with_an_idle_participant_is_infeasible():
    # p4 has no meeting (0 breaks) and p1 must take a break: d = 0 cannot hold.
    inst = Instance(
        slots=one_day(4),
        tables=2,
        participants=people(4),
        requests=(meet(0, 1, fixed_slot=0), meet(0, 2, fixed_slot=2)),
        fairness=0,
    )
    assert solve_maxsat(inst, SolveConfig(time_limit=10)).status is Status.INFEASIBLE
    sol = solve(inst, SolveConfig(time_limit=10))
    assert sol.status is Status.INFEASIBLE
    assert sol.conflicts, "an infeasible solve names the conflicting constraints"


def test_too_few_tables_is_infeasible():
    inst = Instance(
        slots=one_day(1),
        tables=1,
        participants=people(4),
        requests=(meet(0, 1), meet(2, 3)),
    )
    sol = solve(inst, SolveConfig(time_limit=10, explain=False))
    assert sol.status is Status.INFEASIBLE
    assert sol.assignments == []


def test_applies_only_when_every_request_is_required():
    base = dict(slots=one_day(3), tables=1, participants=people(3))
    assert applies(Instance(**base, requests=(meet(0, 1), meet(1, 2))))
    optional = Request((1, 2), required=False)
    assert not applies(Instance(**base, requests=(meet(0, 1), optional)))
    assert not applies(Instance(**base, requests=(meet(0, 1),), online_rooms=1))


def published(jair_dir, name: str) -> str:
    lines = [x for x in (jair_dir / "published_results.tsv").open() if not x.startswith("#")]
    return {r["instance"]: r for r in csv.DictReader(lines, delimiter="\t")}[name][
        "opt_original_d2"
    ].strip()


@pytest.mark.parametrize("name", ["tic-12", "tic-13crafb"])
def test_jair_originals_reach_the_published_optimum(jair_dir, name):
    inst = read_dzn(jair_dir / "instances" / f"{name}.original.dzn", fairness=2)
    sol = solve(inst, SolveConfig(time_limit=30, explain=False))
    assert verify(inst, sol) == []
    assert sol.status is Status.OPTIMAL
    assert str(sol.objective["breaks"]) == published(jair_dir, name)


def test_time_limit_is_kept_on_a_hard_instance(jair_dir):
    # forum-13crafb takes UWrMaxSAT tens of seconds: a 3 s limit returns a valid schedule.
    inst = read_dzn(jair_dir / "instances" / "forum-13crafb.original.dzn", fairness=2)
    start = time.monotonic()
    sol = solve(inst, SolveConfig(time_limit=3, explain=False))
    assert time.monotonic() - start < 6
    assert sol.status in (Status.FEASIBLE, Status.UNKNOWN)
    assert verify(inst, sol) == []


def test_race_stops_when_asked(jair_dir):
    inst = read_dzn(jair_dir / "instances" / "forum-13crafb.original.dzn", fairness=2)
    stop = threading.Event()
    threading.Timer(2.0, stop.set).start()
    start = time.monotonic()
    sol = race(inst, SolveConfig(time_limit=60, stop=stop))
    assert time.monotonic() - start < 6
    assert sol.status in (Status.FEASIBLE, Status.UNKNOWN)
    assert verify(inst, sol) == []


def test_one_worker_solves_in_this_process(jair_dir):
    inst = read_dzn(jair_dir / "instances" / "tic-12.original.dzn", fairness=2)
    sol = solve(inst, SolveConfig(time_limit=30, workers=1, explain=False))
    assert verify(inst, sol) == []
    assert sol.status is Status.OPTIMAL
    assert str(sol.objective["breaks"]) == published(jair_dir, "tic-12")
