"""Realistic random B2B events, for benchmarks, demos and tests.

A business convention is not a random graph: a few large groups and investors attract most of the
wishes and cap their agendas, small companies ask a lot, some people arrive late or leave early,
and the organisers' matchmaking adds recommendations. Weights follow what organisers use: a
mutual wish 3, a one-sided wish 2, a recommendation 1; a few meetings are required (sponsors'
or programme meetings).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from meetsolver.instance import Instance, Mode, Participant, Request, Session, Slot

MUTUAL, ONE_SIDED, RECOMMENDED = 3, 2, 1
RECIPROCITY = 0.3  # chance that the one wished for wishes the meeting too


@dataclass(frozen=True)
class Profile:
    kind: str
    share: float  # of participants
    popularity: float  # mean attractiveness (log-normal around it)
    activity: float  # how many wishes they send, relative to the average
    max_share: float | None  # max meetings as a share of the slots; None = no cap


PROFILES = (
    Profile("sme", 0.62, 1.0, 1.15, None),
    Profile("startup", 0.18, 0.8, 1.25, None),
    Profile("large_group", 0.10, 3.0, 0.6, 0.75),
    Profile("investor", 0.06, 4.0, 0.4, 0.5),
    Profile("research_lab", 0.04, 1.5, 0.7, None),
)


def generate(
    *,
    participants: int,
    requests_per_participant: float,
    days: int = 1,
    slots_per_day: int = 16,
    tables: int = 50,
    online_rooms: int = 0,
    seed: int = 0,
    required_share: float = 0.01,
    group_share: float = 0.005,
    fairness: int | None = 2,
) -> Instance:
    """An event where each participant is in about ``requests_per_participant`` requests."""
    if participants < 2:
        raise ValueError("an event needs at least 2 participants")
    rng = random.Random(seed)
    n_slots = days * slots_per_day
    slots = tuple(
        Slot(day=d, session=Session.AM if i < (slots_per_day + 1) // 2 else Session.PM)
        for d in range(1, days + 1)
        for i in range(slots_per_day)
    )
    kinds = _kinds(participants, rng)
    popularity = [rng.lognormvariate(0, 0.6) * PROFILES[k].popularity for k in kinds]
    activity = [rng.lognormvariate(0, 0.3) * PROFILES[k].activity for k in kinds]
    people = [
        _participant(i, PROFILES[k], n_slots, slots_per_day, online_rooms, rng)
        for i, k in enumerate(kinds)
    ]
    people = _reserve_tables(people, kinds, tables, rng)

    target = round(participants * requests_per_participant / 2)
    wishes: set[tuple[int, int]] = set()
    pairs: dict[tuple[int, int], int] = {}
    senders = list(range(participants))
    send_cum, pop_cum = list(accumulate(activity)), list(accumulate(popularity))
    # 85 % of the requests come from wishes, the rest from the organisers' recommendations.
    while len(pairs) < 0.85 * target:
        i = rng.choices(senders, cum_weights=send_cum)[0]
        j = rng.choices(senders, cum_weights=pop_cum)[0]
        if i == j or (i, j) in wishes:
            continue
        wishes.add((i, j))
        if rng.random() < RECIPROCITY:
            wishes.add((j, i))
        key = (min(i, j), max(i, j))
        pairs[key] = MUTUAL if (j, i) in wishes else ONE_SIDED
    attempts = 0
    while len(pairs) < target and attempts < 50 * target:
        attempts += 1
        i, j = rng.sample(senders, 2)
        key = (min(i, j), max(i, j))
        if key not in pairs and kinds[i] != kinds[j]:
            pairs[key] = RECOMMENDED

    requests = [Request(participants=key, weight=w) for key, w in pairs.items()]
    rng.shuffle(requests)
    requests = _groups(requests, participants, group_share, rng) if group_share > 0 else requests
    requests = _required(requests, people, required_share, n_slots, rng)
    return Instance(
        slots=slots,
        tables=tables,
        participants=tuple(people),
        requests=tuple(requests),
        online_rooms=online_rooms,
        fairness=fairness,
        name=f"generated-{participants}p-{len(requests)}r-seed{seed}",
    )


def _kinds(n: int, rng: random.Random) -> list[int]:
    return rng.choices(range(len(PROFILES)), weights=[p.share for p in PROFILES], k=n)


def _participant(
    i: int, profile: Profile, n_slots: int, per_day: int, rooms: int, rng: random.Random
) -> Participant:
    unavailable: set[int] = set()
    if rng.random() < 0.2:  # arrives late, leaves early, or misses a session
        length = rng.randint(1, max(1, per_day // 2))
        start = rng.choice([0, max(0, n_slots - length), rng.randrange(n_slots)])
        unavailable = set(range(start, min(n_slots, start + length)))
    max_meetings = None
    if profile.max_share is not None:
        max_meetings = max(1, round(profile.max_share * n_slots))
    elif rng.random() < 0.3:
        max_meetings = rng.randint(max(1, n_slots // 3), n_slots)
    mode = Mode.BOTH
    if rooms > 0 and rng.random() < 0.1:
        mode = Mode.ONLINE
    return Participant(
        id=f"{profile.kind}-{i + 1}",
        unavailable=frozenset(unavailable),
        max_meetings=max_meetings,
        mode=mode,
    )


def _reserve_tables(
    people: list[Participant], kinds: list[int], tables: int, rng: random.Random
) -> list[Participant]:
    """Some large groups run a booth: their meetings happen at their own table."""
    large = [
        i
        for i, k in enumerate(kinds)
        if PROFILES[k].kind == "large_group" and people[i].mode != Mode.ONLINE
    ]
    booths = min(len(large) // 2, tables // 10)
    out = list(people)
    for table, i in enumerate(rng.sample(large, booths)):
        p = out[i]
        out[i] = Participant(
            p.id, p.unavailable, p.max_meetings, p.min_meetings, p.mode, reserved_table=table
        )
    return out


def _groups(requests: list[Request], n: int, share: float, rng: random.Random) -> list[Request]:
    """Turn a few requests into meetings of three or four (a company bringing a partner along)."""
    out = []
    for req in requests:
        if rng.random() < share:
            extra = [p for p in rng.sample(range(n), 3) if p not in req.participants][
                : rng.randint(1, 2)
            ]
            req = Request(participants=req.participants + tuple(extra), weight=req.weight)
        out.append(req)
    return out


def _required(
    requests: list[Request],
    people: list[Participant],
    share: float,
    n_slots: int,
    rng: random.Random,
) -> list[Request]:
    """Mark a few mutual wishes as required, at most a third of what a participant can attend."""
    budget = [0] * len(people)
    cap = [
        min(n_slots - len(p.unavailable), p.max_meetings if p.max_meetings is not None else n_slots)
        // 3
        for p in people
    ]
    out = []
    for req in requests:
        if (
            req.weight == MUTUAL
            and len(req.participants) == 2
            and rng.random() < share * 3
            and all(budget[p] < cap[p] and people[p].mode == Mode.BOTH for p in req.participants)
        ):
            for p in req.participants:
                budget[p] += 1
            req = Request(participants=req.participants, weight=req.weight, required=True)
        out.append(req)
    return out
