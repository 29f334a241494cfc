"""Soft-landing matching benchmark: CP-SAT assignment of pending applications to host offers.

Pure solver, no database: random but seeded instances shaped like a large cross soft-landing
network (hosts with 1–6 desks over three years, stays of 2–9 months, up to five preferred hosts,
sectors, languages, services, target countries). Each instance is solved with the settings the
platform uses (1 worker, 10 s limit) and the result re-checked by matching.verify().

    .venv/bin/python bench/softlanding_matching.py                 # default sizes
    .venv/bin/python bench/softlanding_matching.py --sizes 50x10 500x40 --runs 3

Prints, per size: median solve time, status, startups placed, desk-months used.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from maillage.softlanding.matching import Host, Request, assign, month_span, verify  # noqa: E402

SERVICES = ["desk", "mentoring", "market_study", "legal_visa", "introductions", "lab_access"]
LANGS = ["en", "fr", "zh", "ja", "de", "es"]
COUNTRIES = ["FR", "CN", "US", "JP", "DE", "ES", "TN", "CA"]
MONTHS = month_span(date(2027, 1, 1), date(2029, 12, 31))


def instance(n_requests: int, n_hosts: int, seed: int):
    rnd = random.Random(seed)
    hosts = []
    for h in range(n_hosts):
        start = rnd.randrange(0, 12)
        hosts.append(
            Host(
                id=h,
                desks=rnd.randint(1, 6),
                months=frozenset(MONTHS[start:]),
                sectors=frozenset(rnd.sample(range(30), rnd.randint(2, 6))),
                languages=frozenset(rnd.sample(LANGS, rnd.randint(1, 3))),
                services=frozenset(rnd.sample(SERVICES, rnd.randint(2, 6))),
                country=rnd.choice(COUNTRIES),
            )
        )
    requests = []
    for r in range(n_requests):
        length = rnd.randint(2, 9)
        start = rnd.randrange(0, len(MONTHS) - length)
        countries = frozenset(rnd.sample(COUNTRIES, rnd.randint(1, 3)))
        candidates = [h.id for h in hosts if h.country in countries] or [h.id for h in hosts]
        sector = rnd.randrange(30)
        requests.append(
            Request(
                id=r,
                months=frozenset(MONTHS[start : start + length]),
                sector=sector,
                filiere=sector // 5 * 5,
                languages=frozenset(rnd.sample(LANGS, rnd.randint(1, 2))),
                needs=frozenset(rnd.sample(SERVICES, rnd.randint(1, 4))),
                countries=countries,
                preferences=tuple(rnd.sample(candidates, min(5, len(candidates)))),
            )
        )
    return requests, hosts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["20x5", "100x20", "300x40", "1000x80"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.node()}")
    print(
        f"{'size':>9} {'median s':>9} {'max s':>7} {'optimal':>8} {'placed':>12} {'desk-months':>12}"
    )
    for size in args.sizes:
        n, h = map(int, size.split("x"))
        times, optimal, placed, used = [], 0, [], []
        for run in range(args.runs):
            requests, hosts = instance(n, h, seed=run)
            t0 = time.perf_counter()
            result = assign(requests, hosts, time_limit=args.time_limit)
            times.append(time.perf_counter() - t0)
            assert verify(requests, hosts, result.hosts) == [], "solution failed verification"
            optimal += result.optimal
            chosen = [r for r in requests if result.hosts[r.id] is not None]
            placed.append(len(chosen))
            used.append(sum(len(r.months) for r in chosen))
        print(
            f"{size:>9} {statistics.median(times):>9.2f} {max(times):>7.2f} {optimal:>5}/{args.runs:<2} "
            f"{statistics.median(placed):>7.0f}/{n:<4} {statistics.median(used):>12.0f}"
        )


if __name__ == "__main__":
    main()
