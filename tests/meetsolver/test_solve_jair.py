"""A few small instances of the JAIR 2022 benchmark solved to their published optimum."""

from __future__ import annotations

import csv

import pytest

from meetsolver import SolveConfig, Status, read_dzn, solve
from meetsolver.verify import verify


def published(jair_dir, instance: str, column: str) -> str:
    rows = [
        line for line in (jair_dir / "published_results.tsv").open() if not line.startswith("#")
    ]
    table = {row["instance"]: row for row in csv.DictReader(rows, delimiter="\t")}
    return table[instance][column].strip()


@pytest.mark.parametrize(
    ("instance", "variant", "d"),
    [
        ("tic-12", "original", 2),
        ("tic-12", "original", 0),
        pytest.param("tic-13crafb", "prec25", 2, marks=pytest.mark.slow),
    ],
)
def test_small_instances_reach_the_published_optimum(jair_dir, instance, variant, d):
    inst = read_dzn(jair_dir / "instances" / f"{instance}.{variant}.dzn", fairness=d)
    sol = solve(inst, SolveConfig(time_limit=60))
    assert verify(inst, sol) == []
    assert sol.status == Status.OPTIMAL
    assert str(sol.objective["breaks"]) == published(jair_dir, instance, f"opt_{variant}_d{d}")
    assert sol.bound["breaks"] == sol.objective["breaks"]


@pytest.mark.slow
def test_forumt_14_needs_five_breaks(jair_dir):
    inst = read_dzn(jair_dir / "instances" / "forumt-14.original.dzn", fairness=2)
    sol = solve(inst, SolveConfig(time_limit=90))
    assert verify(inst, sol) == []
    assert sol.status == Status.OPTIMAL
    assert str(sol.objective["breaks"]) == published(jair_dir, "forumt-14", "opt_original_d2")


@pytest.mark.slow
def test_infeasible_instance_is_proven_and_explained(jair_dir):
    # forum-13crafb has participants without meetings: with d = 0 nobody may have a break.
    assert published(jair_dir, "forum-13crafb", "opt_original_d0") == "-"
    inst = read_dzn(jair_dir / "instances" / "forum-13crafb.original.dzn", fairness=0)
    sol = solve(inst, SolveConfig(time_limit=90))
    assert sol.status == Status.INFEASIBLE
    assert sol.conflicts and sol.conflicts[0].endswith(":")
    assert any("differ by at most 0" in line for line in sol.conflicts)
