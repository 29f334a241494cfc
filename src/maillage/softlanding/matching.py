"""Matching soft-landing applications to host offers: a ranked list per application and an
optimal assignment of every pending application under capacity and preferences (OR-Tools CP-SAT).

Pure functions over plain data (frozen dataclasses): no Django here, so the solver can be
tested and benchmarked on its own. Capacity is counted per calendar month: in every month of
its period a host never holds more startups than it has desks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

Month = tuple[int, int]

# Placing one more startup always beats a better fit for the others: BASE exceeds any score sum
# difference the fit terms can make (at most MAX_SCORE per request).
MAX_SCORE = 140
BASE = 1000


def month_span(start: date, end: date) -> list[Month]:
    """Calendar months touched by [start, end], in order."""
    if end < start:
        return []
    months, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


@dataclass(frozen=True)
class Host:
    id: int
    desks: int
    months: frozenset[Month]
    sectors: frozenset[int] = frozenset()
    languages: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()
    country: str = ""
    # Desks already held in each month by applications outside this instance.
    used: Mapping[Month, int] = field(default_factory=dict)

    def free(self, month: Month) -> int:
        return self.desks - self.used.get(month, 0) if month in self.months else 0


@dataclass(frozen=True)
class Request:
    id: int
    months: frozenset[Month]
    sector: int | None = None
    filiere: int | None = None
    languages: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    preferences: tuple[int, ...] = ()  # host ids, most wanted first


@dataclass(frozen=True)
class Ranked:
    host_id: int
    score: int
    feasible: bool
    reasons: tuple[str, ...]  # machine codes: "dates", "full", "country"


@dataclass(frozen=True)
class Assignment:
    hosts: dict[int, int | None]  # request id -> host id or None
    objective: int
    optimal: bool


def score(request: Request, host: Host) -> int:
    """Fit of a host for a request, 0..MAX_SCORE: sector 40, language 20, services 30, preference 50."""
    total = 0
    if not host.sectors:
        total += 15  # a generalist host
    elif request.sector is not None and request.sector in host.sectors:
        total += 40
    elif request.filiere is not None and request.filiere in host.sectors:
        total += 25
    if not request.languages or not host.languages:
        total += 10
    elif request.languages & host.languages:
        total += 20
    if request.needs:
        total += round(30 * len(request.needs & host.services) / len(request.needs))
    else:
        total += 30
    if host.id in request.preferences:
        total += 10 * (5 - request.preferences.index(host.id))
    return total


def obstacles(request: Request, host: Host) -> tuple[str, ...]:
    """Why this host cannot take this request on its own (ignoring other pending requests)."""
    reasons = []
    if request.countries and host.country and host.country not in request.countries:
        reasons.append("country")
    if not request.months or not request.months <= host.months:
        reasons.append("dates")
    elif any(host.free(m) < 1 for m in request.months):
        reasons.append("full")
    return tuple(reasons)


def rank_hosts(request: Request, hosts: list[Host]) -> list[Ranked]:
    ranked = [
        Ranked(h.id, score(request, h), not obstacles(request, h), obstacles(request, h))
        for h in hosts
    ]
    return sorted(ranked, key=lambda r: (not r.feasible, -r.score, r.host_id))


def objective(requests: list[Request], hosts: list[Host], chosen: Mapping[int, int | None]) -> int:
    by_id = {h.id: h for h in hosts}
    return sum(
        BASE + score(r, by_id[chosen[r.id]]) for r in requests if chosen.get(r.id) is not None
    )


def verify(
    requests: list[Request], hosts: list[Host], chosen: Mapping[int, int | None]
) -> list[str]:
    """Independent check of an assignment: every host exists, fits, and no month is overbooked."""
    by_id = {h.id: h for h in hosts}
    errors, load = [], {}
    for r in requests:
        host_id = chosen.get(r.id)
        if host_id is None:
            continue
        host = by_id.get(host_id)
        if host is None:
            errors.append(f"request {r.id}: unknown host {host_id}")
            continue
        if r.countries and host.country and host.country not in r.countries:
            errors.append(f"request {r.id}: host {host_id} is not in a target country")
        if not r.months <= host.months:
            errors.append(f"request {r.id}: dates outside host {host_id}'s period")
        for m in r.months:
            load[(host_id, m)] = load.get((host_id, m), 0) + 1
    for (host_id, m), n in sorted(load.items()):
        host = by_id[host_id]
        if n + host.used.get(m, 0) > host.desks:
            errors.append(
                f"host {host_id}: {n + host.used.get(m, 0)} startups for {host.desks} desks in {m[0]}-{m[1]:02d}"
            )
    return errors


def assign(
    requests: list[Request],
    hosts: list[Host],
    *,
    time_limit: float = 10.0,
    workers: int = 1,
    seed: int = 0,
    hint: Mapping[int, int | None] | None = None,
) -> Assignment:
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for r in requests:
        for h in hosts:
            if not obstacles(r, h):
                x[r.id, h.id] = model.new_bool_var(f"x_{r.id}_{h.id}")
    _one_host_each(model, requests, hosts, x)
    _desks_per_month(model, requests, hosts, x)
    reqs, by_id = {r.id: r for r in requests}, {h.id: h for h in hosts}
    model.maximize(
        sum((BASE + score(reqs[r_id], by_id[h_id])) * var for (r_id, h_id), var in x.items())
    )
    start = dict(hint) if hint else greedy(requests, hosts)
    for (r_id, h_id), var in x.items():
        model.add_hint(var, 1 if start.get(r_id) == h_id else 0)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # A time-out before the solver's first solution: fall back on the starting assignment
        # when it is valid (it always is unless a caller's hint was not).
        fallback = start if not verify(requests, hosts, start) else {r.id: None for r in requests}
        fallback = {r.id: fallback.get(r.id) for r in requests}
        return Assignment(fallback, objective(requests, hosts, fallback), False)
    chosen: dict[int, int | None] = {r.id: None for r in requests}
    for (r_id, h_id), var in x.items():
        if solver.boolean_value(var):
            chosen[r_id] = h_id
    return Assignment(chosen, objective(requests, hosts, chosen), status == cp_model.OPTIMAL)


def _one_host_each(model, requests, hosts, x) -> None:
    for r in requests:
        model.add_at_most_one(x[r.id, h.id] for h in hosts if (r.id, h.id) in x)


def _desks_per_month(model, requests, hosts, x) -> None:
    months = {r.id: r.months for r in requests}
    by_id = {h.id: h for h in hosts}
    takers: dict[tuple[int, Month], list] = {}
    for (r_id, h_id), var in x.items():
        for m in months[r_id]:
            takers.setdefault((h_id, m), []).append(var)
    for (h_id, m), vars_ in takers.items():
        free = max(by_id[h_id].free(m), 0)
        if len(vars_) > free:
            model.add(sum(vars_) <= free)


def greedy(requests: list[Request], hosts: list[Host]) -> dict[int, int | None]:
    """A quick feasible assignment (most constrained requests first, best-fitting free host):
    the solver's starting point, and the answer if the solver finds nothing better in time."""
    load: dict[tuple[int, Month], int] = {}
    chosen: dict[int, int | None] = {}
    options = {r.id: [h for h in hosts if not obstacles(r, h)] for r in requests}
    for r in sorted(requests, key=lambda r: (len(options[r.id]), -len(r.months), r.id)):
        chosen[r.id] = None
        for h in sorted(options[r.id], key=lambda h: (-score(r, h), h.id)):
            if all(load.get((h.id, m), 0) < h.free(m) for m in r.months):
                for m in r.months:
                    load[(h.id, m)] = load.get((h.id, m), 0) + 1
                chosen[r.id] = h.id
                break
    return chosen
