"""Benchmark: the registrations of a 3,000-participant brokerage event.

    MAILLAGE_DATA_DIR=/tmp/maillage-bench .venv/bin/python bench/events_registrations.py [--rows 3000]

Imports the participants from an Excel file (all or nothing, each matched or added to the
directory), registers more through the registration service one by one (as the form does),
exports CSV and Excel, prints badges and searches at the check-in desk. Uses the database
configured as usual (SQLite in the data directory; MAILLAGE_DATABASE_URL for PostgreSQL), runs
the migrations, and rolls everything back at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")

TYPES = ["sme", "startup", "large_group", "school", "investor", "research"]


def workbook(rows: int) -> bytes:
    from faker import Faker
    from openpyxl import Workbook

    fake = Faker("fr_FR")
    fake.seed_instance(3000)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["E-mail", "Prénom", "Nom", "Organisation", "Pays", "Fonction", "Type"])
    for i in range(rows):
        company = f"{fake.company()} {i // 3}"  # about three people per organisation
        sheet.append(
            [
                f"p{i}@bench{i // 3}.example",
                fake.first_name(),
                fake.last_name(),
                company,
                "FR",
                fake.job()[:100],
                TYPES[i % len(TYPES)],
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:44} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--one-by-one", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from maillage.ecosystem.models import Organisation
    from maillage.events import badges, exports, selectors, services
    from maillage.events.enums import EventKind, EventStatus

    call_command("migrate", verbosity=0)
    mail.outbox = []
    print(
        f"database: {connection.vendor}; python {platform.python_version()}; {os.cpu_count()} cpus"
    )
    content = workbook(args.rows)
    with transaction.atomic():
        host = Organisation.objects.create(name="Bench technopole", kind="park", country="FR")
        start = timezone.now() + dt.timedelta(days=30)
        event = services.create_event(
            title="Bench brokerage event",
            kind=EventKind.TRADE_SHOW_MATCHMAKING,
            organisers=[host],
            starts_at=start,
            ends_at=start + dt.timedelta(days=2),
            venue_name="Hall 3",
            status=EventStatus.PUBLISHED,
            capacity=args.rows + args.one_by_one,
        )
        timed(
            f"import {args.rows} participants (.xlsx)",
            lambda: services.import_registrants(
                event=event, content=content, filename="participants.xlsx"
            ),
        )
        durations = []
        for i in range(args.one_by_one):
            t0 = time.perf_counter()
            services.register(
                event=event,
                email=f"late{i}@bench.example",
                first_name="Late",
                last_name=str(i),
                organisation_name=f"Late company {i}",
                country="FR",
            )
            durations.append(time.perf_counter() - t0)
        print(
            f"{'register one by one (form path), median':44} {statistics.median(durations) * 1000:7.1f} ms"
            f"  (p95 {sorted(durations)[int(len(durations) * 0.95)] * 1000:.1f} ms, e-mail queued)"
        )
        rows = lambda: list(selectors.registrations(event))  # noqa: E731
        timed("export CSV (all registrations)", lambda: exports.to_csv(event, rows()))
        timed("export Excel (all registrations)", lambda: exports.to_xlsx(event, rows()))
        confirmed = list(selectors.registrations(event, status="confirmed")[:400])
        timed(
            "badges PDF, 400 participants, 4 per A4",
            lambda: badges.render_pdf(event=event, registrations=confirmed, layout="a4"),
        )
        searches = []
        for query in ["p1234@bench411.example", "late 150", "dupont", confirmed[7].token]:
            t0 = time.perf_counter()
            selectors.search_registrations(event, query)
            searches.append(time.perf_counter() - t0)
        print(f"{'check-in search, median of 4':44} {statistics.median(searches) * 1000:7.1f} ms")
        print(f"registrations: {event.registrations.count()}")
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
