"""JAIR-like B2B instances, bigger and harder than the benchmark's 20 base problems.

Every meeting is required (as in Bofill et al., JAIR 2022), so meetsolver hands them to its
all-required engines. Each instance is built around a *planted* schedule, so it is always
feasible: meetings are drawn first (a few participants ask for many meetings, most for a few,
as in the benchmark's forums), placed greedily slot by slot, and what could not be placed is
dropped; forbidden slots, fixed meetings, precedences and morning / afternoon wishes are then
taken so that the planted schedule keeps them. Tables are binding (as many as the busiest
planted slot needs) or not (one per two participants).

    .venv/bin/python bench/jairgen.py --count 50 --seed 1 --out /tmp/jairgen   # 50 JSON files

Ranges: 40–150 participants, 150–800 meetings, 10–30 slots over one or two days, forbidden
slots, precedences, fixed meetings, fairness 0–3 (the file name says each parameter).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from meetsolver.instance import Instance, Participant, Request, Session, Slot  # noqa: E402
from meetsolver.jsonio import instance_to_dict  # noqa: E402


def generate(rng: random.Random, index: int) -> Instance:
    while True:
        n = rng.randint(40, 150)
        days = rng.choice((1, 1, 2))
        n_slots = rng.randint(10, 30) if days == 1 else 2 * rng.randint(5, 15)
        most = min(800, int(n * n_slots * rng.uniform(0.2, 0.4)))  # up to 80 % of the slots
        if most >= 160:
            break
    per_day = n_slots // days
    morning = [rng.randint(per_day // 3, 2 * per_day // 3) for _ in range(days)]
    slots = tuple(
        Slot(d + 1, Session.AM if i < morning[d] else Session.PM)
        for d in range(days)
        for i in range(per_day)
    )
    target = rng.randint(160, most)
    # Requesters (as in the forums: some participants ask for many meetings) and popularity.
    requesters = set(rng.sample(range(n), max(2, n // rng.randint(3, 6))))
    activity = [rng.lognormvariate(0, 0.5) * (6 if p in requesters else 1) for p in range(n)]
    popularity = [rng.lognormvariate(0, 0.8) for _ in range(n)]
    cap = [max(2, n_slots - rng.randint(1, max(1, n_slots // 3))) for _ in range(n)]
    degree = [0] * n
    pairs: set[tuple[int, int]] = set()
    tries = 0
    while len(pairs) < target and tries < target * 50:
        tries += 1
        a = rng.choices(range(n), weights=activity)[0]
        b = rng.choices(range(n), weights=popularity)[0]
        pair = (min(a, b), max(a, b))
        if a == b or pair in pairs or degree[a] >= cap[a] or degree[b] >= cap[b]:
            continue
        pairs.add(pair)
        degree[a] += 1
        degree[b] += 1
    meetings = sorted(pairs)
    rng.shuffle(meetings)
    binding = rng.random() < 0.6
    tables = n if not binding else max(1, round(len(meetings) / n_slots * rng.uniform(1.0, 1.15)))
    # The planted schedule: each meeting in the slot where both are free, the fullest first
    # (so meetings stay in blocks), within the tables.
    busy = [set() for _ in range(n)]
    used = [0] * n_slots
    planted: list[tuple[tuple[int, int], int]] = []
    for a, b in meetings:
        free = [
            s for s in range(n_slots) if s not in busy[a] and s not in busy[b] and used[s] < tables
        ]
        if not free:
            continue

        def close(s: int, a: int = a, b: int = b) -> int:
            near = sum(1 for p in (a, b) for t in (s - 1, s + 1) if t in busy[p])
            return -near

        s = min(free, key=lambda s: (close(s), rng.random()))
        busy[a].add(s)
        busy[b].add(s)
        used[s] += 1
        planted.append(((a, b), s))
    if binding:
        tables = max(used)
    forbid_share = rng.choice((0.0, 0.03, 0.07))
    unavailable = [
        frozenset(s for s in range(n_slots) if s not in busy[p] and rng.random() < forbid_share * 3)
        for p in range(n)
    ]
    fixed_share = rng.choice((0.0, 0.0, 0.1, 0.2))
    prec_share = rng.choice((0.0, 0.0, 0.15, 0.25))
    session_share = rng.choice((0.0, 0.3, 0.6))
    requests = []
    for r, ((a, b), s) in enumerate(planted):
        after: set[int] = set()
        if r and rng.random() < prec_share:
            # An earlier meeting of one of the two that the planted schedule places before.
            before = [q for q in range(r) if planted[q][1] < s and set(planted[q][0]) & {a, b}]
            if before:
                after.add(rng.choice(before))
        requests.append(
            Request(
                (a, b),
                weight=1,
                required=True,
                session=slots[s].session if rng.random() < session_share else None,
                fixed_slot=s if rng.random() < fixed_share else None,
                after=frozenset(after),
            )
        )
    participants = tuple(Participant(f"b{p + 1}", unavailable=unavailable[p]) for p in range(n))
    fairness = rng.randint(0, 3)
    name = (
        f"gen{index:03d}-n{n}-m{len(requests)}-s{n_slots}x{days}-"
        f"{'bind' if binding else 'free'}-f{round(forbid_share * 100)}-x{round(fixed_share * 100)}"
        f"-p{round(prec_share * 100)}-d{fairness}"
    )
    return Instance(
        slots=slots,
        tables=tables,
        participants=participants,
        requests=tuple(requests),
        fairness=fairness,
        name=name,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    for i in range(1, args.count + 1):
        inst = generate(rng, i)
        path = args.out / f"{inst.name}.json"
        path.write_text(json.dumps(instance_to_dict(inst)) + "\n", encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
