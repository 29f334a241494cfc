"""Benchmark: import 10,000 organisations from a CSV file, then import an edited copy of it.

    .venv/bin/python bench/directory_import.py [--rows 10000]

Uses the database configured as usual (SQLite in ./var by default; MAILLAGE_DATABASE_URL for
PostgreSQL), runs the migrations, and rolls everything back at the end. Target: < 30 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")


def make_csv(path: Path, rows: int, *, edited: bool) -> None:
    from faker import Faker

    from maillage.ecosystem import places
    from maillage.ecosystem.models import Sector

    fake = Faker("fr_FR")
    fake.seed_instance(42)
    rng = random.Random(42)
    cities = {
        c: [x.name for x in places.largest_cities(c)[:20]] for c in ("FR", "DE", "US", "JP", "ES")
    }
    names = {"FR": "France", "DE": "Allemagne", "US": "United States", "JP": "JP", "ES": "Espagne"}
    codes = list(Sector.objects.exclude(parent=None).values_list("code", flat=True))
    kinds = ["startup", "PME", "laboratoire", "école", "incubateur", "company", "grand groupe"]
    seen = set()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write("Nom;Pays;Ville;Site web;Type;Secteurs;Description\n")
        for i in range(rows):
            name = fake.company()
            while name in seen:
                name = f"{name} {i}"
            seen.add(name)
            country = rng.choice(list(cities))
            website = f"https://org{i}.example" if i % 2 else ""
            description = f"{'Edited' if edited else 'Generated'} organisation number {i}"
            handle.write(
                ";".join(
                    [
                        name.replace(";", " "),
                        names[country],
                        rng.choice(cities[country]),
                        website,
                        rng.choice(kinds),
                        ",".join(rng.sample(codes, 2)),
                        description,
                    ]
                )
                + "\n"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from maillage.ecosystem import places
    from maillage.ecosystem.importing import guess_mapping, read_table, run_import
    from maillage.ecosystem.models import Organisation

    call_command("migrate", verbosity=0)
    print(
        f"database: {connection.vendor}; python {platform.python_version()}; "
        f"{os.cpu_count()} cpus; load average {os.getloadavg()[0]:.1f}; "
        f"existing organisations: {Organisation.objects.count()}"
    )
    places.find_city("Paris", "FR")  # load the city index outside the timings
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        first, second = Path(tmp) / "first.csv", Path(tmp) / "edited.csv"
        make_csv(first, args.rows, edited=False)
        make_csv(second, args.rows, edited=True)
        for label, path in (
            ("create", first),
            ("re-import, unchanged", first),
            ("re-import, edited", second),
        ):
            start, cpu = time.perf_counter(), time.process_time()
            table = read_table(path)
            report = run_import(table, guess_mapping(table.headers))
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(
                f"{label:22} {args.rows} rows: {elapsed:6.2f} s (CPU of this process {cpu:5.2f} s)"
                f"  created={report.created} "
                f"updated={report.updated} unchanged={report.unchanged} errors={len(report.errors)}"
            )
            if report.errors:
                print("  first error:", report.errors[0])
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
