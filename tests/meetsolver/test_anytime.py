"""The anytime side of the all-required engine: a schedule early, better ones as it goes."""

from __future__ import annotations

import os
import time

import pytest

from meetsolver import SolveConfig, Status, solve
from meetsolver.dzn import read_dzn
from meetsolver.maxsat.anytime import first_schedule, improve_from
from meetsolver.verify import verify


def test_first_schedule_then_lns_never_gets_worse(jair_dir):
    # forum-13crafb: the construction misses required meetings, so the first schedule comes
    # from SAT on the hard clauses; the LNS (then CP-SAT) only keeps better schedules.
    inst = read_dzn(jair_dir / "instances" / "forum-13crafb.original.dzn", fairness=2)
    deadline = time.monotonic() + 30
    first = first_schedule(inst, deadline)
    assert first is not None and verify(inst, first) == []
    heard: list[int] = []

    def progress(info):
        if "breaks" in info.get("objective", {}):
            heard.append(info["objective"]["breaks"])

    config = SolveConfig(time_limit=6, workers=1)
    better = improve_from(inst, first.assignments, config, time.monotonic() + 6, progress)
    assert verify(inst, better) == []
    assert better.objective["breaks"] <= first.objective["breaks"]
    assert heard == sorted(heard, reverse=True)  # only improvements are reported
    assert better.status in (Status.OPTIMAL, Status.FEASIBLE)


@pytest.mark.slow
def test_a_time_limited_solve_reports_a_schedule_before_the_end(jair_dir):
    inst = read_dzn(jair_dir / "instances" / "forum-13crafb.original.dzn", fairness=2)
    reports: list[tuple[float, int]] = []

    def progress(info):
        if "breaks" in info.get("objective", {}):
            reports.append((info["seconds"], info["objective"]["breaks"]))

    start = time.monotonic()
    sol = solve(inst, SolveConfig(time_limit=20, explain=False), progress=progress)
    assert time.monotonic() - start < 24
    assert verify(inst, sol) == []
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if sol.status is Status.UNKNOWN and load > 3 * cores:
        pytest.skip(
            f"no schedule in 20 s on an overloaded machine (load {load:.1f}, {cores} cores)"
        )
    assert sol.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert reports, "no schedule was reported on the way"
    # The result is the best schedule heard of (the last report is the final one).
    assert sol.objective["breaks"] == min(b for _, b in reports)
