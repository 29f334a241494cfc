"""First-fit greedy scheduling (what simple matchmaking tools do) side by side with solve().

    .venv/bin/python bench/greedy.py [--time-limit 30] [--only NAME] [--skip-jair] [--skip-generated] [--method full|large|auto]

The JAIR 2022 instances are read from ../shared/benchmarks/b2b-jair2022 (or $MEETSOLVER_JAIR).

The greedy takes requests in priority order (required first, then by weight) and puts each in
the first slot where everybody is free and a table (or online room) is left. It lives here only,
as a yardstick: the engine never uses it.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

from meetsolver import Assignment, Instance, Mode, SolveConfig
from meetsolver.verify import evaluate

JAIR = Path(
    os.environ.get(
        "MEETSOLVER_JAIR",
        Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "b2b-jair2022",
    )
)


METHOD = "full"  # --method: full (solve), large (solve_large) or auto (by instance size)


def greedy(inst: Instance) -> list[Assignment]:
    order = sorted(
        range(len(inst.requests)),
        key=lambda r: (not inst.requests[r].required, -inst.requests[r].weight, r),
    )
    busy: set[tuple[int, int]] = set()
    count: dict[int, int] = defaultdict(int)
    tables_used: dict[int, set[int]] = defaultdict(set)
    rooms_used: dict[int, int] = defaultdict(int)
    reserved = {p.reserved_table for p in inst.participants if p.reserved_table is not None}
    free_tables = [t for t in range(inst.tables) if t not in reserved]
    slot_of: dict[int, int] = {}
    successors: dict[int, list[int]] = defaultdict(list)
    for r, req in enumerate(inst.requests):
        for a in req.after:
            successors[a].append(r)
    out = []
    for r in order:
        req = inst.requests[r]
        people = [inst.participants[p] for p in req.participants]
        if any(
            p.max_meetings is not None and count[i] >= p.max_meetings
            for i, p in zip(req.participants, people, strict=True)
        ):
            continue
        own = {p.reserved_table for p in people if p.reserved_table is not None}
        onsite_ok = (
            req.online is not True and all(p.mode != Mode.ONLINE for p in people) and len(own) <= 1
        )
        online_ok = req.online is not False and all(p.mode != Mode.ONSITE for p in people)
        for s in inst.allowed_slots(r):
            if any((p, s) in busy for p in req.participants):
                continue
            if any(a in slot_of and slot_of[a] >= s for a in req.after):
                continue
            if any(q in slot_of and slot_of[q] <= s for q in successors[r]):
                continue
            place = None
            if onsite_ok:
                candidates = list(own) if own else free_tables
                table = next((t for t in candidates if t not in tables_used[s]), None)
                if table is not None:
                    place = Assignment(r, s, table=table)
            if place is None and online_ok and rooms_used[s] < inst.online_rooms:
                place = Assignment(r, s, room=rooms_used[s])
            if place is None:
                continue
            if place.table is not None:
                tables_used[s].add(place.table)
            else:
                rooms_used[s] += 1
            for p in req.participants:
                busy.add((p, s))
                count[p] += 1
            slot_of[r] = s
            out.append(place)
            break
    return out


def compare(name: str, inst: Instance, time_limit: float) -> dict:
    from meetsolver.solve import solve
    from meetsolver.verify import verify

    start = time.perf_counter()
    g = greedy(inst)
    g_seconds = time.perf_counter() - start
    gv = evaluate(inst, g)
    from meetsolver.large import is_large, solve_large

    large = METHOD == "large" or (METHOD == "auto" and is_large(inst))
    solution = (solve_large if large else solve)(
        inst, SolveConfig(time_limit=time_limit, workers=2, seed=0)
    )
    sv = evaluate(inst, solution.assignments)
    errors = verify(inst, solution)
    required = sum(r.required for r in inst.requests)
    return {
        "name": name,
        "requests": len(inst.requests),
        "required": required,
        "greedy_meetings": gv["meetings"],
        "greedy_required": gv["required"],
        "greedy_weight": gv["weight"],
        "greedy_breaks": gv["breaks"],
        "greedy_seconds": g_seconds,
        "status": solution.status.value,
        "meetings": sv["meetings"],
        "weight": sv["weight"],
        "breaks": sv["breaks"],
        "bound": solution.bound.get("breaks"),
        "seconds": solution.seconds,
        "verified": not errors,
    }


def published_optima() -> dict[str, str]:
    table = JAIR / "published_results.tsv"
    if not table.exists():
        return {}
    rows = [
        line.split("\t")
        for line in table.read_text().splitlines()
        if line and not line.startswith("#")
    ]
    header = rows[0]
    col = header.index("opt_original_d2")
    return {row[0]: row[col] for row in rows[1:]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--only", default=None)
    parser.add_argument("--skip-jair", action="store_true")
    parser.add_argument("--skip-generated", action="store_true")
    parser.add_argument("--method", choices=("full", "large", "auto"), default="full")
    args = parser.parse_args()
    global METHOD
    METHOD = args.method
    print(
        f"# greedy vs solve(), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.python_version()}, time limit {args.time_limit:g} s"
    )
    rows = []
    if not args.skip_jair:
        if not JAIR.is_dir():
            print(f"JAIR benchmark not found at {JAIR}: skipping it", file=sys.stderr)
        else:
            from meetsolver.dzn import read_dzn

            optima = published_optima()
            for path in sorted((JAIR / "instances").glob("*.original.dzn")):
                name = path.name.removesuffix(".original.dzn")
                if args.only and args.only not in name:
                    continue
                row = compare(name, read_dzn(path, fairness=2), args.time_limit)
                row["published"] = optima.get(name, "?")
                rows.append(row)
                _print(row)
    if not args.skip_generated:
        from meetsolver.generate import generate

        for n, k, days, per_day, tables in (
            (100, 8, 1, 16, 30),
            (300, 10, 2, 12, 60),
            (1000, 10, 2, 16, 150),
        ):
            name = f"generated {n}p {k}r/p {days}x{per_day} {tables}t"
            if args.only and args.only not in name:
                continue
            inst = generate(
                participants=n,
                requests_per_participant=k,
                days=days,
                slots_per_day=per_day,
                tables=tables,
                seed=1,
            )
            row = compare(name, inst, args.time_limit)
            row["published"] = ""
            rows.append(row)
            _print(row)
    return 0


def _print(row: dict) -> None:
    g_ratio = row["greedy_meetings"] / row["meetings"] if row["meetings"] else float("nan")
    print(
        f"| {row['name']} | {row['requests']} ({row['required']} req.) | "
        f"{row['greedy_meetings']} ({row['greedy_required']} req.), w {row['greedy_weight']}, {row['greedy_breaks']} breaks, {row['greedy_seconds']:.2f}s | "
        f"{row['status']}: {row['meetings']}, w {row['weight']}, {row['breaks']} breaks (bound {row['bound']}), {row['seconds']:.1f}s "
        f"{'✓' if row['verified'] else 'FAILS verify'} | {row['published']} | {g_ratio:.3f} |",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
