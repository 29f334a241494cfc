"""Privacy jobs at scale: the retention job anonymising 10,000 old registrations, then a
person's data copy and erasure with 50 registrations (and their matchmaking rows).

    .venv/bin/python bench/privacy.py [--registrations 10000]
    MAILLAGE_DATABASE_URL=postgres://…/maillage_bench_privacy .venv/bin/python bench/privacy.py

Uses its own database (var/bench_privacy.sqlite3 unless MAILLAGE_DATABASE_URL is set), migrated
on the first run and emptied of this benchmark's rows before each run. Targets: retention at
1,000 registrations/s or more; a data copy and an erasure under 1 s each.
"""

# ruff: noqa: E402 - Django is set up before the project imports
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")
os.environ.setdefault(
    "MAILLAGE_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_privacy.sqlite3'}"
)

import django

django.setup()

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from maillage.ecosystem.models import Organisation, Person
from maillage.events.models import Event, Registration
from maillage.privacy import access, erasure
from maillage.privacy.enums import ErasureBasis

PREFIX = "bench-privacy"


def _event(title: str, ends: dt.datetime) -> Event:
    return Event.objects.create(
        title=title,
        slug=f"{PREFIX}-{title}",
        kind="networking_lunch",
        status="published",
        starts_at=ends - dt.timedelta(hours=2),
        ends_at=ends,
        country="FR",
        city="Marseille",
    )


@transaction.atomic
def _data(registrations: int) -> Person:
    Registration.objects.filter(event__slug__startswith=PREFIX).delete()
    Event.objects.filter(slug__startswith=PREFIX).delete()
    Person.objects.filter(email__startswith=PREFIX).delete()
    now = timezone.now()
    org = Organisation.objects.filter(kind="company").first()
    old = [
        _event(f"old-{i}", now - dt.timedelta(days=2000 + i)) for i in range(registrations // 500)
    ]
    people = Person.objects.bulk_create(
        Person(first_name=f"P{i}", last_name="Bench", email=f"{PREFIX}-{i}@example.org")
        for i in range(registrations)
    )
    Registration.objects.bulk_create(
        Registration(
            event=old[i % len(old)], person=p, organisation=org, status="confirmed", job_title="CEO"
        )
        for i, p in enumerate(people)
    )
    ada = Person.objects.create(
        first_name="Ada", last_name="Bench", email=f"{PREFIX}-ada@example.org"
    )
    recent = [_event(f"recent-{i}", now + dt.timedelta(days=i + 1)) for i in range(50)]
    Registration.objects.bulk_create(
        Registration(event=e, person=ada, organisation=org, status="confirmed") for e in recent
    )
    return ada


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=10_000)
    args = parser.parse_args()
    load = os.getloadavg()
    print(
        f"{os.cpu_count()} cores, Python {platform.python_version()}, database "
        f"{connection.vendor}, load average before the run {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    call_command("migrate", verbosity=0)
    ada = _data(args.registrations)
    start = time.perf_counter()
    done = erasure.anonymise_old_registrations()
    seconds = time.perf_counter() - start
    print(f"retention: {done} registrations in {seconds:.2f} s ({done / seconds:.0f}/s)")
    start = time.perf_counter()
    data = access.person_data(person=ada)
    rows = sum(len(s["rows"]) for s in data["sections"])
    print(
        f"data copy: {rows} rows in {len(data['sections'])} sections, {time.perf_counter() - start:.2f} s"
    )
    start = time.perf_counter()
    erasure.erase_person(person=ada, basis=ErasureBasis.SELF)
    print(f"erasure: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
