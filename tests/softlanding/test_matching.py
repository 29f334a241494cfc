"""The matching engine: ranked lists, CP-SAT assignment against a brute-force optimum and an
independent verification of capacity month by month."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from maillage.softlanding import matching
from maillage.softlanding.matching import (
    Host,
    Request,
    assign,
    month_span,
    objective,
    rank_hosts,
    verify,
)


def months(start: str, end: str) -> frozenset:
    return frozenset(month_span(date.fromisoformat(start), date.fromisoformat(end)))


def test_month_span_crosses_years():
    assert month_span(date(2025, 11, 20), date(2026, 2, 1)) == [
        (2025, 11),
        (2025, 12),
        (2026, 1),
        (2026, 2),
    ]
    assert month_span(date(2026, 2, 1), date(2026, 1, 1)) == []


def test_ranking_prefers_sector_language_services_and_rank():
    req = Request(
        1,
        months("2026-03-01", "2026-05-31"),
        sector=7,
        filiere=1,
        languages=frozenset({"en"}),
        needs=frozenset({"desk", "legal_visa"}),
        preferences=(20, 10),
    )
    good = Host(
        10,
        2,
        months("2026-01-01", "2026-12-31"),
        sectors=frozenset({7}),
        languages=frozenset({"en"}),
        services=frozenset({"desk", "legal_visa"}),
    )
    filiere = Host(
        20,
        2,
        months("2026-01-01", "2026-12-31"),
        sectors=frozenset({1}),
        languages=frozenset({"zh"}),
        services=frozenset({"desk"}),
    )
    too_short = Host(30, 2, months("2026-01-01", "2026-04-30"), sectors=frozenset({7}))
    ranked = rank_hosts(req, [too_short, filiere, good])
    assert [r.host_id for r in ranked] == [10, 20, 30]
    assert ranked[0].score == 40 + 20 + 30 + 40
    assert ranked[1].score == 25 + 0 + 15 + 50
    assert not ranked[2].feasible and ranked[2].reasons == ("dates",)


def test_full_host_and_wrong_country_are_not_feasible():
    req = Request(1, months("2026-03-01", "2026-03-31"), countries=frozenset({"CN"}))
    full = Host(1, 1, months("2026-01-01", "2026-12-31"), country="CN", used={(2026, 3): 1})
    elsewhere = Host(2, 3, months("2026-01-01", "2026-12-31"), country="US")
    assert matching.obstacles(req, full) == ("full",)
    assert matching.obstacles(req, elsewhere) == ("country",)
    result = assign([req], [full, elsewhere])
    assert result.hosts == {1: None}


def test_capacity_is_respected_month_by_month():
    host = Host(1, 1, months("2026-01-01", "2026-12-31"))
    a = Request(1, months("2026-01-01", "2026-03-31"), preferences=(1,))
    b = Request(2, months("2026-03-15", "2026-05-31"), preferences=(1,))  # overlaps a in March
    c = Request(3, months("2026-04-01", "2026-06-30"))  # overlaps b, not a
    result = assign([a, b, c], [host])
    assert result.optimal
    assert verify([a, b, c], [host], result.hosts) == []
    assert result.hosts == {1: 1, 2: None, 3: 1}  # two placed beats one


def test_verify_catches_overbooking_and_bad_dates():
    host = Host(1, 1, months("2026-01-01", "2026-02-28"))
    a = Request(1, months("2026-01-01", "2026-01-31"))
    b = Request(2, months("2026-01-01", "2026-03-31"))
    errors = verify([a, b], [host], {1: 1, 2: 1})
    assert any("outside" in e for e in errors)
    assert any("2 startups for 1 desks in 2026-01" in e for e in errors)


def brute_force(requests, hosts) -> int:
    best = 0
    options = [None, *[h.id for h in hosts]]
    for combo in itertools.product(options, repeat=len(requests)):
        chosen = {r.id: h for r, h in zip(requests, combo, strict=True)}
        if not verify(requests, hosts, chosen):
            best = max(best, objective(requests, hosts, chosen))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_assignment_matches_brute_force_on_tiny_cases(seed):
    rnd = random.Random(seed)
    year_months = [(2026, m) for m in range(1, 9)]

    def window():
        i = rnd.randrange(0, 6)
        j = rnd.randrange(i, min(i + 4, 8))
        return frozenset(year_months[i : j + 1])

    hosts = [
        Host(
            10 + k,
            rnd.randint(1, 2),
            frozenset(year_months[rnd.randrange(0, 3) :]),
            sectors=frozenset(rnd.sample(range(5), 2)),
            languages=frozenset(rnd.sample(["en", "fr", "zh"], 1)),
            services=frozenset(rnd.sample(["desk", "mentoring", "legal_visa"], 2)),
            used={year_months[rnd.randrange(0, 8)]: 1} if rnd.random() < 0.3 else {},
        )
        for k in range(rnd.randint(1, 3))
    ]
    requests = [
        Request(
            k,
            window(),
            sector=rnd.randrange(5),
            languages=frozenset({rnd.choice(["en", "fr", "zh"])}),
            needs=frozenset(rnd.sample(["desk", "mentoring", "legal_visa"], rnd.randint(0, 2))),
            preferences=tuple(rnd.sample([h.id for h in hosts], rnd.randint(0, len(hosts)))),
        )
        for k in range(rnd.randint(1, 5))
    ]
    result = assign(requests, hosts)
    assert result.optimal
    assert verify(requests, hosts, result.hosts) == []
    assert result.objective == objective(requests, hosts, result.hosts)
    assert result.objective == brute_force(requests, hosts)


@pytest.mark.parametrize("seed", range(5))
def test_greedy_start_is_feasible_and_never_beats_the_solver(seed):
    rnd = random.Random(100 + seed)
    all_months = [(2026, m) for m in range(1, 13)]
    hosts = [
        Host(k, rnd.randint(1, 3), frozenset(all_months), sectors=frozenset({k % 3}))
        for k in range(4)
    ]
    requests = []
    for k in range(15):
        i = rnd.randrange(0, 9)
        requests.append(
            Request(
                k,
                frozenset(all_months[i : i + rnd.randint(1, 4)]),
                sector=rnd.randrange(3),
                preferences=tuple(rnd.sample(range(4), 2)),
            )
        )
    start = matching.greedy(requests, hosts)
    assert verify(requests, hosts, start) == []
    result = assign(requests, hosts)
    assert result.optimal and result.objective >= objective(requests, hosts, start)


def test_time_out_falls_back_on_a_valid_assignment():
    hosts = [Host(1, 1, months("2026-01-01", "2026-12-31"))]
    requests = [
        Request(1, months("2026-01-01", "2026-02-28")),
        Request(2, months("2026-02-01", "2026-03-31")),
    ]
    result = assign(requests, hosts, time_limit=0.0)
    assert verify(requests, hosts, result.hosts) == []
    assert sum(1 for h in result.hosts.values() if h) == 1
