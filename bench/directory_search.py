"""Directory search benchmark: server time of searches over a directory of 115,000 organisations.

Fill a separate database first (the generated directory of the demo), then run this script
against it; it only reads:

    export MAILLAGE_DEBUG=true MAILLAGE_DATABASE_URL=sqlite:///var/bench.sqlite3
    .venv/bin/python -m maillage migrate && .venv/bin/python -m maillage demo --orgs 115000
    .venv/bin/python bench/directory_search.py            # --runs 50 by default
    .venv/bin/python bench/directory_search.py --compare --runs 20   # before/after full text

For PostgreSQL: createdb -h 127.0.0.1 -U postgres maillage_bench and use
MAILLAGE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_bench.

Each scenario is measured `runs` times after warm-up requests; it prints the median and 90th
percentile of the wall time and the mean CPU time per request (this process, plus the server
process for a local PostgreSQL), in milliseconds. Targets: the search with a text and two filters < 100 ms (median),
the directory page < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.db.models import Case, IntegerField, Value, When  # noqa: E402
from django.test import Client  # noqa: E402

from maillage.ecosystem import selectors  # noqa: E402
from maillage.ecosystem.enums import OrganisationKind  # noqa: E402
from maillage.ecosystem.models import Organisation  # noqa: E402

MIN_ORGANISATIONS = 100_000

# The fixed query list of the full-text comparison: (category, query parameters).
QUERIES = [
    ("one word", {"q": "bio"}),
    ("one word", {"q": "software"}),
    ("one word", {"q": "genopole"}),
    ("one word", {"q": "laboratoire"}),
    ("two words", {"q": "digital health"}),
    ("two words", {"q": "sophia antipolis"}),
    ("two words", {"q": "robotics lab"}),
    ("misspelt", {"q": "genopol"}),
    ("misspelt", {"q": "sofia antipolis"}),
    ("misspelt", {"q": "biotechnolgy"}),
    ("filtered", {"q": "bio", "kind": "company", "country": "FR"}),
    ("filtered", {"q": "tech", "kind": "company", "sector": "digital"}),
    ("filtered", {"q": "lab", "sector": "health"}),
    ("filtered", {"q": "software", "country": "DE"}),
]


def substring_search(query):
    """The search before the full-text index: every folded word a substring of search_text
    (LIKE '%word%', a pg_trgm index on PostgreSQL), a name starting with the text first."""
    words = query.words
    qs = selectors.search_organisations(selectors.DirectoryQuery(**{**query.__dict__, "q": ""}))
    for word in words:
        qs = qs.filter(search_text__contains=word)
    prefix = " ".join(words)
    return qs.annotate(
        relevance=Case(
            When(name_key__startswith=prefix, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("relevance", "name_key", "pk")


def compare_engines(runs: int) -> None:
    """Before/after over QUERIES: a first page and a capped count each, per category the median
    and 95th percentile of all runs of all its queries, in ms."""

    def run(engine, params):
        query = selectors.DirectoryQuery(**params)
        qs = engine(query)
        page = selectors.paginate(qs, load=selectors.with_listing_relations)
        selectors.page_count(qs, page)
        return page

    engines = [
        ("before (substring)", substring_search),
        ("after (full text)", selectors.search_organisations),
    ]
    times: dict[tuple[str, str], list[float]] = {}
    firsts: dict[tuple[str, str], str] = {}
    for _, params in QUERIES:
        for _, engine in engines:
            run(engine, params)  # warm-up
    for _ in range(runs):
        for category, params in QUERIES:
            for engine_name, engine in engines:
                start = time.perf_counter()
                page = run(engine, params)
                times.setdefault((engine_name, category), []).append(
                    (time.perf_counter() - start) * 1000
                )
                firsts[(engine_name, params["q"] + str(sorted(params.items())))] = (
                    page.items[0].name if page.items else "(none)"
                )
    print(f"{'category':<10} " + " ".join(f"{n + ' med':>24} {'p95':>7}" for n, _ in engines))
    for category in dict.fromkeys(c for c, _ in QUERIES):
        cells = []
        for engine_name, _ in engines:
            values = sorted(times[(engine_name, category)])
            p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
            cells.append(f"{statistics.median(values):24.1f} {p95:7.1f}")
        print(f"{category:<10} " + " ".join(cells))
    print("first result per query (before | after):")
    for _, params in QUERIES:
        key = params["q"] + str(sorted(params.items()))
        print(f"  {params}: {firsts[(engines[0][0], key)]} | {firsts[(engines[1][0], key)]}")


def _backend_cpu() -> tuple[int | None, float]:
    """PID and CPU seconds of the PostgreSQL backend serving this connection (local server)."""
    if connection.vendor != "postgresql":
        return None, 0.0
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None, 0.0
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(fn, runs: int, warmup: int = 3) -> tuple[float, float, float]:
    """Median and 90th percentile of the wall time, and mean CPU time per run, in ms.

    On a shared machine the wall time includes waiting for a core; the CPU time does not. It
    counts this process (with SQLite, which runs inside it) and, for a local PostgreSQL, the
    server process answering the queries (read from /proc)."""
    for _ in range(warmup):
        fn()
    times = []
    pid, server_before = _backend_cpu()
    start_cpu = time.process_time()
    for _ in range(runs):
        reset_queries()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    used = time.process_time() - start_cpu
    pid_after, server_after = _backend_cpu()
    if pid is not None and pid == pid_after:
        used += server_after - server_before
    elif connection.vendor == "postgresql":
        print("  (the database connection changed: server CPU time not counted below)")
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], used * 1000 / runs


def pick_filters() -> dict:
    """Filters that exist in the generated directory: its largest park, country and a network."""
    park = (
        Organisation.objects.filter(kind=OrganisationKind.PARK)
        .order_by("-id")
        .values_list("slug", "country")
        .first()
    )
    network = selectors.networks().values_list("slug", flat=True).first()
    return {"park": park[0], "park_country": park[1], "network": network}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument(
        "--compare", action="store_true", help="only the before/after comparison over QUERIES"
    )
    args = parser.parse_args()

    total = Organisation.objects.count()
    if total < MIN_ORGANISATIONS:
        print(
            f"Only {total} organisations in {connection.vendor} database "
            f"{connection.settings_dict['NAME']}; fill it first with "
            "`python -m maillage demo --orgs 115000` (see the top of this file)."
        )
        return 2
    if args.compare:
        print(
            f"database: {connection.vendor} ({connection.settings_dict['NAME']}), "
            f"{total} organisations; {args.runs} runs per query; {os.cpu_count()} cores; "
            f"load average before: {os.getloadavg()[0]:.1f}"
        )
        compare_engines(args.runs)
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        return 0
    f = pick_filters()
    client = Client(SERVER_NAME="localhost")

    def search(**params):
        query = selectors.DirectoryQuery(**params)
        qs = selectors.search_organisations(query)
        page = selectors.paginate(qs, load=selectors.with_listing_relations)
        selectors.page_count(qs, page)
        return page

    scenarios = [
        (
            "search: text 'bio' + kind=company + country=FR (selector, page + capped count)",
            lambda: search(q="bio", kind="company", country="FR"),
        ),
        (
            "search: text 'tech' + kind=company + sector=digital (selector)",
            lambda: search(q="tech", kind="company", sector="digital"),
        ),
        (
            "search: rare name 'genopole' + kind=park + country=FR (selector)",
            lambda: search(q="genopole", kind="park", country="FR"),
        ),
        (
            f"search: text 'lab' + park={f['park']} + sector=health (selector)",
            lambda: search(q="lab", park=f["park"], sector="health"),
        ),
        (
            "page: /directory/?q=bio&kind=company&country=FR",
            lambda: client.get("/directory/", {"q": "bio", "kind": "company", "country": "FR"}),
        ),
        ("page: /directory/ (no search, first page)", lambda: client.get("/directory/")),
        (
            f"page: /directory/?network={f['network']}&sector=digital",
            lambda: client.get("/directory/", {"network": f["network"], "sector": "digital"}),
        ),
        (
            "map: /directory/map.json?q=bio&kind=company&country=FR",
            lambda: client.get(
                "/directory/map.json", {"q": "bio", "kind": "company", "country": "FR"}
            ),
        ),
        (
            "api: /api/v1/organisations?q=bio&kind=company&country=FR",
            lambda: client.get(
                "/api/v1/organisations", {"q": "bio", "kind": "company", "country": "FR"}
            ),
        ),
    ]
    response = client.get("/directory/", {"q": "bio", "kind": "company", "country": "FR"})
    assert response.status_code == 200, response.status_code

    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}), "
        f"{total} organisations; {args.runs} runs per scenario; "
        f"python {platform.python_version()}, {os.cpu_count()} cores"
    )
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'median ms':>10} {'p90 ms':>8} {'cpu ms':>8}  scenario (cpu: mean per request)")
    for name, fn in scenarios:
        median, p90, cpu = measure(fn, args.runs)
        print(f"{median:10.1f} {p90:8.1f} {cpu:8.1f}  {name}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
