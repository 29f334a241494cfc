"""A large event: 3,000 participants, 15,000 optional weighted requests, 2 days x 16 slots, 300 tables.

    .venv/bin/python bench/scale.py [--time-limit 115] [--seed 1] [--method full|large|auto]

Target: at least 99 % of the meetings the upper bound allows, within 120 s and under 4 GB.
Upper bound = min(requests, tables x slots, sum over participants of min(requests_p, free slots_p,
max_p) / 2). The generated event is realistic (popularity skew, absences, agenda caps, booths);
here every request is optional (the generator's few required ones are made optional) and no
table is reserved.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace

from meetsolver import SolveConfig
from meetsolver.bounds import meetings_bound as upper_bound
from meetsolver.generate import generate
from meetsolver.verify import evaluate, verify


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=float, default=115.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=15000)
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
    t0 = time.perf_counter()
    inst = generate(
        participants=args.participants,
        requests_per_participant=2 * args.requests / args.participants,
        days=2,
        slots_per_day=16,
        tables=300,
        seed=args.seed,
        group_share=0.0,
    )
    # All optional, and no booths: a reserved table idle while its owner is busy elsewhere would
    # make the bound below unreachable by construction.
    inst = replace(
        inst,
        participants=tuple(replace(p, reserved_table=None) for p in inst.participants),
        requests=tuple(replace(r, required=False) for r in inst.requests),
    )
    built = time.perf_counter() - t0
    bound = upper_bound(inst)
    trace: list[tuple[float, dict]] = []

    def progress(info: dict) -> None:
        trace.append((info["seconds"], dict(info["objective"])))

    start = time.perf_counter()
    hint = None
    if args.hint_greedy:
        from greedy import greedy  # bench/greedy.py, next to this script

        hint = greedy(inst)
    solution = _solve(args.method, inst)(
        inst,
        SolveConfig(time_limit=args.time_limit - (time.perf_counter() - start), workers=2, seed=0),
        progress=progress,
        **({"hint": hint} if hint else {}),
    )
    wall = time.perf_counter() - start
    values = evaluate(inst, solution.assignments)
    errors = verify(inst, solution)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    share = values["meetings"] / bound if bound else 0.0
    print(
        f"scale seed {args.seed}: {len(inst.participants)} participants, {len(inst.requests)} requests, "
        f"{inst.n_slots} slots, {inst.tables} tables; instance built in {built:.1f} s; upper bound {bound} meetings"
    )
    for seconds, objective in trace[:: max(1, len(trace) // 12)]:
        print(f"  progress {seconds:6.1f} s: {objective}")
    print(
        f"{solution.status.value} in {wall:.1f} s wall (solver {solution.seconds:.1f} s): {values['meetings']} meetings "
        f"= {100 * share:.2f} % of the bound; weight {values['weight']}; breaks {values['breaks']} "
        f"(bound {solution.bound.get('breaks')}); {'verified' if not errors else f'{len(errors)} violations'}; "
        f"peak RSS {rss:.0f} MB; target {'met' if share >= 0.99 and wall < 120 and rss < 4096 else 'NOT met'}"
    )
    print(f"  breaks per participant: {values['breaks'] / len(inst.participants):.3f}")
    for error in errors[:5]:
        print("  violation:", error)
    if args.method != "full":
        _before_lns(inst, len(inst.participants))
    from greedy import greedy

    g_start = time.perf_counter()
    reference = evaluate(inst, greedy(inst))
    print(
        f"  first-fit greedy for reference: {reference['meetings']} meetings = "
        f"{100 * reference['meetings'] / bound:.2f} % of the bound, weight {reference['weight']}, "
        f"breaks {reference['breaks']}, in {time.perf_counter() - g_start:.1f} s"
    )
    return 0 if not errors else 1


def _solve(method: str, inst):
    from meetsolver.large import is_large, solve_large
    from meetsolver.solve import solve

    if method == "auto":
        method = "large" if is_large(inst) else "full"
    return solve_large if method == "large" else solve


def _before_lns(inst, n_participants: int) -> None:
    from meetsolver.construct import construct

    start = time.perf_counter()
    values = evaluate(inst, construct(inst))
    print(
        f"  construction alone (before LNS): {values['meetings']} meetings, weight {values['weight']}, "
        f"breaks {values['breaks']} ({values['breaks'] / n_participants:.3f} per participant), "
        f"in {time.perf_counter() - start:.1f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
