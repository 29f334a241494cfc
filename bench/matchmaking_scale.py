"""A 3,000-participant brokerage event with 15,000 wishes optimised end to end.

    .venv/bin/python bench/matchmaking_scale.py [--time-limit 110]

Timed from the run's creation to its saved end, as the worker executes it: load the session
from the database into a meetsolver instance, solve (the time limit is the solver's), explain
the wishes left out, save the draft (meetings and seats) in one transaction. The saved draft is
then re-checked with meetsolver's verify(). Target: under 3 minutes.

The event: two days 09:00–18:00 with lunch 12:30–14:00, 30-minute slots (15 a day, 30 in all),
300 tables, 3,000 participants, 15,000 wishes with a popularity skew (5 % "no thanks"). Uses the
database of MAILLAGE_DATABASE_URL (a separate one is advised).
"""

# ruff: noqa: I001 - matchmaking_event sets Django up before the project imports
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from matchmaking_event import machine, make_event, prepare_database  # noqa: I001 (sets Django up)

from meetsolver import Solution, Status  # noqa: E402
from meetsolver.verify import verify  # noqa: E402

from maillage.matchmaking.scheduling import build, runs  # noqa: E402
from maillage.matchmaking.models import ScheduleRun  # noqa: E402
from maillage.matchmaking.services.sessions import ensure_draft  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=int, default=110)
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--wishes", type=int, default=15000)
    args = parser.parse_args()
    prepare_database()
    print(machine())
    start = time.perf_counter()
    session, organiser = make_event(
        slug="bench-scale",
        participants=args.participants,
        wishes_per_participant=args.wishes / args.participants,
        days=2,
        start=dt.time(9),
        end=dt.time(18),
        lunch=(dt.time(12, 30), dt.time(14)),
        slot_minutes=30,
        tables=300,
    )
    print(f"data generated in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    run = ScheduleRun.objects.create(
        session=session, started_by=organiser, time_limit=args.time_limit
    )
    run = runs.execute_run(run_id=run.pk)
    total = time.perf_counter() - start
    r = run.result
    built = build.build_instance(session)
    assignments = build.assignments_of(built, ensure_draft(session))
    errors = verify(built.instance, Solution(Status.FEASIBLE, assignments=assignments))
    per = [0] * len(built.participants)
    for a in assignments:
        for p in built.instance.requests[a.request].participants:
            per[p] += 1
    print(
        f"{total:.1f} s end to end (solver {r['seconds']} s, time limit {args.time_limit} s), "
        f"status {run.status}/{r['status']}, {r['meetings']} meetings of {r['requests']} wished pairs, "
        f"weight {r['objective']} / bound {r['bound']}, meetings per participant median "
        f"{statistics.median(per):.0f} (max {max(per)}), left out {len(r['unscheduled'])}, "
        f"warm start kept {r['kept_start']}, verify errors {len(errors)} (target < 180 s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
