"""Benchmark meetsolver on the B2B meeting scheduling instances of Bofill et al. (JAIR 2022).

The 200 runs of the paper: the 140 instance files with fairness d = 2, plus the 20 originals
with d = 0, 1 and 3. Each solution is checked with meetsolver.verify and compared with the
published optimum (``-`` = infeasible). Writes a Markdown table to stdout and bench/results/.

    .venv/bin/python bench/jair.py                       # all 200 runs, 60 s each
    .venv/bin/python bench/jair.py --only forum-13 --d 2 --variant original --time-limit 60
    .venv/bin/python bench/jair.py --engine cp-sat ...     # the CP-SAT model instead of MaxSAT

The data is read from ../shared/benchmarks/b2b-jair2022 (relative to the repository root).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from meetsolver.dzn import read_dzn  # noqa: E402
from meetsolver.instance import InstanceError  # noqa: E402
from meetsolver.solution import Solution, SolveConfig, Status  # noqa: E402
from meetsolver.solve import solve  # noqa: E402
from meetsolver.verify import verify  # noqa: E402

DATA = ROOT.parent / "shared" / "benchmarks" / "b2b-jair2022"
VARIANTS = [
    "original",
    "forb0003",
    "forb0007",
    "fixed020-Forb",
    "fixed040-Forb",
    "prec15",
    "prec25",
]


def column(variant: str, d: int) -> str:
    return f"opt_{variant.removesuffix('-Forb')}_d{d}"


def published() -> dict[str, dict[str, str]]:
    with open(DATA / "published_results.tsv", encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    return {row["instance"]: row for row in csv.DictReader(rows, delimiter="\t")}


def runs(table, only, ds, variants):
    out = []
    for name in table:
        if only and not any(o == name for o in only):
            continue
        for variant in VARIANTS:
            if variants and variant not in variants:
                continue
            for d in (2,) if variant != "original" else (2, 0, 1, 3):
                if ds and d not in ds:
                    continue
                out.append((name, variant, d))
    # The originals with d = 2 first, then the other variants, then the other fairness bounds.
    return sorted(out, key=lambda run: (run[1] != "original" or run[2] != 2, run[2] != 2))


def run_one(name: str, variant: str, d: int, expected: str, args) -> dict:
    path = DATA / "instances" / f"{name}.{variant}.dzn"
    start = time.monotonic()
    note = ""
    try:
        instance = read_dzn(path, fairness=d)
    except InstanceError as exc:
        # The reader rejects instances where a participant has more meetings than free slots:
        # a proof of infeasibility on its own.
        sol = Solution(Status.INFEASIBLE, conflicts=[str(exc)], seconds=time.monotonic() - start)
        note = "rejected on reading: " + str(exc)
    else:
        # Conflict explanation is not part of solving: timed without it.
        config = SolveConfig(
            time_limit=args.time_limit,
            workers=args.workers,
            seed=args.seed,
            explain=False,
            engine=args.engine,
        )
        sol = solve(instance, config)
        problems = verify(instance, sol)
        if problems:
            note = "verify: " + "; ".join(problems[:3])
    value = sol.objective.get("breaks") if sol.status in (Status.OPTIMAL, Status.FEASIBLE) else None
    shown = "" if value is None else str(value)
    if sol.status == Status.INFEASIBLE:
        shown = "-"
    proven = sol.status in (Status.OPTIMAL, Status.INFEASIBLE)
    match = proven and shown == expected and not note.startswith("verify")
    return {
        "instance": name,
        "variant": variant,
        "d": d,
        "status": sol.status.value,
        "objective": shown,
        "bound": "" if "breaks" not in sol.bound else str(sol.bound["breaks"]),
        "published": expected,
        "seconds": round(sol.seconds, 1),
        "match": "yes" if match else "no",
        "note": note,
    }


def markdown(results: list[dict]) -> str:
    head = "| instance | variant | d | status | objective | bound | published | seconds | match |"
    lines = [head, "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r['instance']} | {r['variant']} | {r['d']} | {r['status']} | {r['objective']} | "
            f"{r['bound']} | {r['published']} | {r['seconds']} | {r['match']} |"
        )
    return "\n".join(lines)


def summary(results: list[dict], time_limit: float) -> str:
    matched = sum(1 for r in results if r["match"] == "yes" and r["seconds"] <= time_limit)
    originals = [r for r in results if r["variant"] == "original" and r["d"] == 2]
    fast = sum(1 for r in originals if r["match"] == "yes" and r["seconds"] <= 10)
    worst = sorted(results, key=lambda r: -r["seconds"])[:5]
    slow = ", ".join(f"{r['instance']}.{r['variant']} d={r['d']} {r['seconds']} s" for r in worst)
    return (
        f"{matched} of {len(results)} runs matched the published optimum (or infeasibility) and "
        f"proved it within {time_limit:g} s; {fast} of {len(originals)} originals with d=2 within 10 s. "
        f"Slowest: {slow}."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", help="base instance name (repeatable)")
    parser.add_argument("--d", type=int, action="append", help="fairness bound (repeatable)")
    parser.add_argument("--variant", action="append", choices=VARIANTS, help="variant (repeatable)")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--engine",
        choices=["auto", "cp-sat", "maxsat"],
        default="auto",
        help="solve()'s engine (auto: MaxSAT, as every JAIR meeting is required)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="Markdown file (default bench/results/)"
    )
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"benchmark data not found at {DATA} (../shared is absent): nothing to run")
        return 0
    table = published()
    todo = runs(table, args.only, args.d, args.variant)
    load_before = os.getloadavg()
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    results = []
    out = (
        args.out or ROOT / "bench" / "results" / f"jair-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.md"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    for name, variant, d in todo:
        expected = table[name][column(variant, d)].strip()
        r = run_one(name, variant, d, expected, args)
        results.append(r)
        print(
            f"{name}.{variant} d={d}: {r['status']} {r['objective']} (published {expected}) "
            f"{r['seconds']} s {'ok' if r['match'] == 'yes' else 'MISMATCH'} {r['note']}",
            file=sys.stderr,
            flush=True,
        )
        out.write_text(markdown(results) + "\n", encoding="utf-8")  # partial results so far
    load_after = os.getloadavg()
    header = (
        f"Command: `.venv/bin/python bench/jair.py {' '.join(argv if argv is not None else sys.argv[1:])}`\n"
        f"Date: {started}; machine: {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"load average before {load_before[0]:.1f}, after {load_after[0]:.1f}; "
        f"time limit {args.time_limit:g} s, {args.workers} workers, engine {args.engine}.\n\n"
        f"{summary(results, args.time_limit)}\n"
    )
    text = header + "\n" + markdown(results) + "\n"
    notes = [r for r in results if r["note"]]
    if notes:
        text += (
            "\n"
            + "\n".join(f"- {r['instance']}.{r['variant']} d={r['d']}: {r['note']}" for r in notes)
            + "\n"
        )
    print(text)
    out = (
        args.out or ROOT / "bench" / "results" / f"jair-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.md"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
