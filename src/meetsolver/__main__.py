"""Command line: ``python -m meetsolver solve|generate|verify …``.

Exit codes (``solve`` writes its result file in every case but bad input):

- 0: a schedule (optimal or feasible), or ``verify`` found no violation;
- 1: the schedule fails the independent check (``verify``: violations found);
- 2: bad input — one line on stderr saying what is wrong and where, no traceback;
- 3: infeasible — the result has ``status: "infeasible"`` and its ``conflicts``;
- 4: unknown — no schedule found within the time limit (``status: "unknown"``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import threading
import time
from pathlib import Path

from meetsolver.dzn import read_dzn
from meetsolver.instance import Instance, InstanceError
from meetsolver.jsonio import load_instance
from meetsolver.solution import SolveConfig, Status

EXIT_OK, EXIT_CHECK, EXIT_INPUT, EXIT_INFEASIBLE, EXIT_UNKNOWN = 0, 1, 2, 3, 4
PROGRESS_EVERY = float(os.environ.get("MEETSOLVER_PROGRESS_SECONDS", "3"))  # between progress lines


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InstanceError as exc:
        print(f"meetsolver: {_one_line(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("meetsolver: interrupted", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meetsolver", description="Optimal B2B meeting schedules."
    )
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    solve = sub.add_parser(
        "solve", help="schedule an instance (.json, or .dzn from the JAIR benchmark)"
    )
    solve.add_argument("instance", metavar="INSTANCE")
    solve.add_argument(
        "--fairness",
        type=_non_negative,
        default=None,
        help="max difference of breaks (dzn default 2)",
    )
    solve.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    solve.add_argument("--workers", type=_positive, default=2)
    solve.add_argument("--seed", type=int, default=0)
    solve.add_argument("--table-changes", action="store_true", help="also minimise table changes")
    solve.add_argument(
        "--output", "-o", metavar="OUT.json", help="write the schedule here (default: stdout)"
    )
    solve.add_argument("--quiet", "-q", action="store_true", help="no progress lines")
    solve.set_defaults(run=_solve)

    gen = sub.add_parser("generate", help="write a realistic random event as JSON")
    gen.add_argument("--participants", type=_positive, required=True)
    gen.add_argument("--requests-per-participant", type=float, required=True)
    gen.add_argument("--days", type=_positive, default=1)
    gen.add_argument("--slots-per-day", type=_positive, default=16)
    gen.add_argument("--tables", type=_non_negative, required=True)
    gen.add_argument("--online-rooms", type=_non_negative, default=0)
    gen.add_argument("--fairness", type=_non_negative, default=2)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--output", "-o", metavar="FILE.json")
    gen.set_defaults(run=_generate)

    check = sub.add_parser("verify", help="check a schedule against its instance")
    check.add_argument("instance", metavar="INSTANCE")
    check.add_argument("solution", metavar="SOLUTION.json")
    check.add_argument("--fairness", type=_non_negative, default=None)
    check.set_defaults(run=_verify)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive whole number")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def load(path: str, fairness: int | None) -> Instance:
    """Read a .json or .dzn instance; ``fairness`` overrides the file's (dzn default 2).

    Any problem with the file raises :class:`InstanceError` naming the file first.
    """
    suffix = Path(path).suffix.lower()
    if not Path(path).is_file():
        raise InstanceError(f"{path}: no such file")
    if suffix not in (".dzn", ".json"):
        raise InstanceError(f"{path}: give a .json instance or a .dzn file of the JAIR benchmark")
    try:
        if suffix == ".dzn":
            return read_dzn(Path(path), fairness=2 if fairness is None else fairness)
        instance = load_instance(path)
        return instance if fairness is None else dataclasses.replace(instance, fairness=fairness)
    except InstanceError as exc:
        raise InstanceError(f"{path}: {_one_line(exc)}") from None
    except UnicodeDecodeError as exc:
        raise InstanceError(
            f"{path}: not a text file (byte {exc.start + 1} is not UTF-8); give a UTF-8 file"
        ) from None
    except OSError as exc:
        raise InstanceError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _format(values: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in values.items()) or "-"


class _Reporter:
    """Prints the latest progress on stderr every few seconds, whether or not it changed."""

    def __init__(self, enabled: bool) -> None:
        self.latest: dict = {}
        self.printed = False
        self.start = time.monotonic()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        if enabled:
            self.thread.start()

    def __call__(self, info: dict) -> None:
        self.latest = info

    def _loop(self) -> None:
        while not self.done.wait(PROGRESS_EVERY):
            self._print()

    def _print(self) -> None:
        info = self.latest
        self.printed = True
        print(
            f"[{time.monotonic() - self.start:6.1f}s] best: {_format(info.get('objective', {}))}"
            f" | bound: {_format(info.get('bound', {}))}",
            file=sys.stderr,
            flush=True,
        )

    def stop(self) -> None:
        """Stop the loop; a solve shorter than one interval still gets one progress line."""
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()
            if not self.printed:
                self._print()


def _solve(args) -> int:
    from meetsolver.explain import explain
    from meetsolver.jsonio import solution_to_dict
    from meetsolver.solve import solve
    from meetsolver.verify import verify

    instance = load(args.instance, args.fairness)
    config = SolveConfig(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    if args.table_changes:
        config = dataclasses.replace(config, table_changes=True)
    reporter = _Reporter(enabled=not args.quiet)
    try:
        solution = solve(instance, config, progress=reporter)
    finally:
        reporter.stop()
    solved = solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    if solved:
        solution.unscheduled = explain(instance, solution)
    text = json.dumps(solution_to_dict(instance, solution), indent=1, ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    print(
        f"meetsolver: {solution.status.value} in {solution.seconds:.1f}s; {len(solution.assignments)} of "
        f"{len(instance.requests)} meetings; objective: {_format(solution.objective)}; bound: {_format(solution.bound)}",
        file=sys.stderr,
    )
    for conflict in solution.conflicts:
        print(f"  conflict: {conflict}", file=sys.stderr)
    errors = verify(instance, solution) if solved else []
    for error in errors:
        print(f"meetsolver: the schedule fails the independent check: {error}", file=sys.stderr)
    if solution.status is Status.INFEASIBLE:
        return EXIT_INFEASIBLE
    if not solved:
        return EXIT_UNKNOWN
    return EXIT_CHECK if errors else EXIT_OK


def _generate(args) -> int:
    from meetsolver.generate import generate
    from meetsolver.jsonio import instance_to_dict

    instance = generate(
        participants=args.participants,
        requests_per_participant=args.requests_per_participant,
        days=args.days,
        slots_per_day=args.slots_per_day,
        tables=args.tables,
        online_rooms=args.online_rooms,
        seed=args.seed,
        fairness=args.fairness,
    )
    text = json.dumps(instance_to_dict(instance), ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(
            f"meetsolver: wrote {len(instance.participants)} participants and {len(instance.requests)} requests to {args.output}",
            file=sys.stderr,
        )
    else:
        print(text)
    return 0


def _verify(args) -> int:
    from meetsolver.jsonio import load_solution
    from meetsolver.verify import evaluate, verify

    instance = load(args.instance, args.fairness)
    solution = load_solution(args.solution)
    errors = verify(instance, solution)
    for error in errors:
        print(error)
    values = evaluate(instance, solution.assignments)
    print(
        f"meetsolver: {len(errors)} violation{'s' if len(errors) != 1 else ''}; {values['meetings']} meetings, "
        f"weight {values['weight']}, breaks {values['breaks']}, fairness spread {values['fairness_spread']}, "
        f"table changes {values['table_changes']}",
        file=sys.stderr,
    )
    return EXIT_CHECK if errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
