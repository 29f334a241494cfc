"""meetsolver against the straightforward CP-SAT model (bench/plain_cpsat.py) on generated
JAIR-like instances (bench/jairgen.py): breaks, proven or not, time to the first schedule.

One solver per invocation, one JSON line per instance appended to ``--out`` (so two runs can
go side by side or one after the other, and a run can be cut and resumed: instances already in
the file are skipped). Every schedule is re-checked with ``meetsolver.verify``; each line
carries the ``uptime`` load average before and after the run.

    .venv/bin/python bench/jairgen.py --count 50 --seed 1 --out /tmp/jairgen
    .venv/bin/python bench/anytime.py --solver plain --time-limit 120 /tmp/jairgen/*.json \\
        --out bench/results/anytime-plain.jsonl
    .venv/bin/python bench/anytime.py --solver meetsolver --time-limit 60 /tmp/jairgen/*.json \\
        --out bench/results/anytime-meetsolver.jsonl
    .venv/bin/python bench/anytime.py --table bench/results/anytime-meetsolver.jsonl \\
        bench/results/anytime-plain.jsonl                       # the Markdown table
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from plain_cpsat import solve_plain  # noqa: E402

from meetsolver.jsonio import load_instance  # noqa: E402
from meetsolver.solution import SolveConfig, Status  # noqa: E402
from meetsolver.solve import solve  # noqa: E402
from meetsolver.verify import verify  # noqa: E402


def run_one(path: Path, solver: str, time_limit: float, workers: int) -> dict:
    load_before = os.getloadavg()
    start = time.monotonic()
    instance = load_instance(path)
    if solver == "plain":
        out = solve_plain(instance, time_limit, workers)
        sol, first = out["solution"], out["first"]
    else:
        firsts: list[float] = []

        def progress(info: dict) -> None:
            if not firsts and "breaks" in info.get("objective", {}):
                firsts.append(time.monotonic() - start)

        config = SolveConfig(time_limit=time_limit, workers=workers, explain=False)
        sol = solve(instance, config, progress=progress)
        first = firsts[0] if firsts else None
    wall = time.monotonic() - start
    errors = verify(instance, sol) if sol.status in (Status.OPTIMAL, Status.FEASIBLE) else []
    return {
        "instance": path.stem,
        "solver": solver,
        "time_limit": time_limit,
        "workers": workers,
        "status": sol.status.value,
        "breaks": sol.objective.get("breaks"),
        "bound": sol.bound.get("breaks"),
        "first": None if first is None else round(first, 2),
        "wall": round(wall, 2),
        "violations": len(errors),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "date": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
    }


def table(meetsolver_file: Path, plain_file: Path) -> str:
    def rows(path: Path) -> dict[str, dict]:
        out = {}
        for line in path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                out[row["instance"]] = row
        return out

    ms, pl = rows(meetsolver_file), rows(plain_file)
    names = sorted(set(ms) & set(pl))

    def cell(row: dict) -> str:
        if row["status"] in ("infeasible", "unknown"):
            return row["status"]
        proof = " (optimal)" if row["status"] == "optimal" else f" (bound {row['bound']})"
        return f"{row['breaks']}{proof}"

    lines = [
        "| instance | meetsolver 60 s | first (s) | wall (s) | plain CP-SAT 120 s | first (s) |"
        " wall (s) | no worse |",
        "|---|---|---|---|---|---|---|---|",
    ]
    wins = 0
    for name in names:
        a, b = ms[name], pl[name]
        ok = _no_worse(a, b)
        wins += ok
        lines.append(
            f"| {name} | {cell(a)} | {a['first'] if a['first'] is not None else '-'} | {a['wall']} "
            f"| {cell(b)} | {b['first'] if b['first'] is not None else '-'} | {b['wall']} "
            f"| {'yes' if ok else '**no**'} |"
        )
    lines.append("")
    lines.append(f"{wins} of {len(names)} no worse than the plain model.")

    def summary(rows: dict, label: str) -> str:
        got = [rows[n] for n in names]
        proven = sum(r["status"] in ("optimal", "infeasible") for r in got)
        firsts = [r["first"] for r in got if r["first"] is not None]
        fast = sum(f <= 10 for f in firsts)
        loads = [x for r in got for x in (r["load_before"][0], r["load_after"][0])]
        dates = sorted(r["date"] for r in got)
        return (
            f"{label}: {proven} proven (optimal or infeasible); a schedule in {len(firsts)}, "
            f"the first within 10 s in {fast}; {dates[0]} – {dates[-1]} UTC, "
            f"1-minute load {min(loads):.1f}–{max(loads):.1f}"
        )

    lines.append(summary(ms, "meetsolver"))
    lines.append(summary(pl, "plain model"))
    return "\n".join(lines)


def _no_worse(a: dict, b: dict) -> bool:
    """meetsolver's answer ``a`` is at least as good as the plain model's ``b``."""
    if b["status"] == "unknown":
        return True
    if b["status"] == "infeasible":
        return a["status"] == "infeasible"
    if b["status"] == "optimal" and a["status"] != "optimal":
        return False
    return a["breaks"] is not None and a["breaks"] <= b["breaks"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--solver", choices=("meetsolver", "plain"), default="meetsolver")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--table", nargs=2, type=Path, metavar=("MEETSOLVER", "PLAIN"))
    args = parser.parse_args()
    if args.table:
        print(table(*args.table))
        return 0
    done = set()
    if args.out and args.out.exists():
        done = {json.loads(x)["instance"] for x in args.out.read_text().splitlines() if x.strip()}
    for path in args.files:
        if path.stem in done:
            continue
        row = run_one(path, args.solver, args.time_limit, args.workers)
        text = json.dumps(row)
        print(text, flush=True)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            with args.out.open("a", encoding="utf-8") as f:
                f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
