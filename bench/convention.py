"""The convention of the issue: 70 participants who each ask for 40 meetings over 40 slots.

    .venv/bin/python bench/convention.py [--time-limit 29] [--seed 1] [--days 2] [--method full|large|auto]

Each participant is in exactly 40 requests (a random 40-regular wish graph, reproducible from
the seed), so a perfect schedule gives everyone a meeting in every slot. Weights follow the
interest: 40 % mutual wishes (3), 40 % one-sided (2), 20 % recommendations (1). 35 tables are
enough for 70 people. Target: on average at least 38 meetings per participant in under 30 s.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

import networkx as nx

from meetsolver import Instance, Participant, Request, Session, Slot, SolveConfig
from meetsolver.verify import evaluate, verify

PARTICIPANTS, WISHES, SLOTS, TABLES = 70, 40, 40, 35


def convention(seed: int = 1, days: int = 2) -> Instance:
    rng = random.Random(seed)
    graph = nx.random_regular_graph(WISHES, PARTICIPANTS, seed=seed)
    per_day = SLOTS // days
    slots = tuple(
        Slot(day=d, session=Session.AM if i < per_day // 2 else Session.PM)
        for d in range(1, days + 1)
        for i in range(per_day)
    )
    requests = tuple(
        Request(participants=(a, b), weight=rng.choices((3, 2, 1), weights=(40, 40, 20))[0])
        for a, b in sorted(graph.edges())
    )
    return Instance(
        slots=slots,
        tables=TABLES,
        participants=tuple(Participant(f"c{i + 1}") for i in range(PARTICIPANTS)),
        requests=requests,
        fairness=2,
        name=f"convention-70x40-seed{seed}",
    )


def main() -> int:
    from meetsolver.large import is_large, solve_large
    from meetsolver.solve import solve

    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=float, default=29.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=2)
    parser.add_argument(
        "--hint-greedy", action="store_true", help="warm-start from the first-fit greedy schedule"
    )
    parser.add_argument(
        "--method",
        choices=("full", "large", "auto"),
        default="full",
        help="full model (solve), construction + LNS (solve_large), or by instance size",
    )
    args = parser.parse_args()
    inst = convention(args.seed, args.days)
    large = args.method == "large" or (args.method == "auto" and is_large(inst))
    first_at: dict[str, float] = {}
    start = time.perf_counter()

    def progress(info: dict) -> None:
        weight = info["objective"].get("weight")
        if weight:
            first_at.setdefault("first", info["seconds"])

    hint = None
    if args.hint_greedy:
        from greedy import greedy  # bench/greedy.py, next to this script

        hint = greedy(inst)
    config = SolveConfig(
        time_limit=args.time_limit - (time.perf_counter() - start), workers=2, seed=0
    )
    if large:
        solution = solve_large(inst, config, progress=progress)
    else:
        solution = solve(inst, config, progress=progress, hint=hint)
    wall = time.perf_counter() - start
    values = evaluate(inst, solution.assignments)
    errors = verify(inst, solution)
    per = values["meetings_per_participant"]
    average = sum(per) / len(per)
    print(
        f"convention seed {args.seed}, {args.days} day(s): {len(inst.requests)} requests; {solution.status.value} in {wall:.1f} s wall; "
        f"{values['meetings']} meetings, average {average:.2f} per participant (min {min(per)}, max {max(per)}); "
        f"weight {values['weight']} of {sum(r.weight for r in inst.requests)}; breaks {values['breaks']} "
        f"(bound {solution.bound.get('breaks')}); fairness spread {values['fairness_spread']}; "
        f"{'verified' if not errors else f'{len(errors)} violations'}; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
        f"target {'met' if average >= 38 and wall < 30 else 'NOT met'}"
    )
    print(
        f"  first improving solution at {first_at.get('first', float('nan')):.1f} s; hint from greedy: {args.hint_greedy}; "
        f"method: {'large' if large else 'full'}; breaks per participant {values['breaks'] / PARTICIPANTS:.3f}"
    )
    if large:
        from meetsolver.construct import construct

        built = evaluate(inst, construct(inst))
        print(
            f"  construction alone (before LNS): {built['meetings']} meetings, weight {built['weight']}, "
            f"breaks {built['breaks']} ({built['breaks'] / PARTICIPANTS:.3f} per participant)"
        )
    from greedy import greedy

    reference = evaluate(inst, greedy(inst))
    print(
        f"  first-fit greedy for reference: {reference['meetings']} meetings, average "
        f"{2 * reference['meetings'] / PARTICIPANTS:.2f} per participant, {reference['breaks']} breaks"
    )
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
