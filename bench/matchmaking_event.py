"""Shared by the matchmaking benchmarks: fill the database with a generated B2B event.

Organisations, people, registrations, the meeting session (days, lunch break, slots, tables),
participants and wishes are written with bulk inserts; wishes follow a popularity skew (some
participants are asked for much more than others) and 5 % of them are "no thanks".
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ.setdefault("MAILLAGE_DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from maillage.accounts.models import User  # noqa: E402
from maillage.ecosystem.enums import OrganisationKind  # noqa: E402
from maillage.ecosystem.models import Organisation, Person  # noqa: E402
from maillage.events.enums import EventKind, EventStatus, ParticipationType, RegistrationStatus  # noqa: E402
from maillage.events.models import Event, Registration  # noqa: E402
from maillage.matchmaking.enums import WishLevel  # noqa: E402
from maillage.matchmaking.models import Participant, Wish  # noqa: E402
from maillage.matchmaking.services import sessions  # noqa: E402

TYPES = [
    (ParticipationType.SME, 0.45),
    (ParticipationType.STARTUP, 0.25),
    (ParticipationType.LARGE_GROUP, 0.12),
    (ParticipationType.SCHOOL, 0.08),
    (ParticipationType.INVESTOR, 0.06),
    (ParticipationType.PUBLIC_BODY, 0.04),
]


def prepare_database() -> None:
    call_command("migrate", verbosity=0)


def make_event(
    *,
    slug: str,
    participants: int,
    wishes_per_participant: float,
    days: int,
    start: dt.time,
    end: dt.time,
    lunch: tuple[dt.time, dt.time],
    slot_minutes: int,
    tables: int,
    seed: int = 1,
):
    """Create (replacing an earlier one with the same slug) the event and its session."""
    rng = random.Random(seed)
    Event.objects.filter(slug=slug).delete()
    Person.objects.filter(email__endswith=f"@{slug}.bench").delete()
    Organisation.objects.filter(name__startswith=f"{slug}:").delete()
    User.objects.filter(email=f"organiser@{slug}.bench").delete()
    with transaction.atomic():
        park = Organisation.objects.create(
            name=f"{slug}: park", slug=f"{slug}-park", kind=OrganisationKind.PARK, country="FR"
        )
        organiser = User.objects.create_user(
            email=f"organiser@{slug}.bench", password="bench-password"
        )
        organiser.staff_of.add(park)
        first_day = (timezone.now() + dt.timedelta(days=30)).date()
        zone = "Europe/Paris"
        import zoneinfo

        tz = zoneinfo.ZoneInfo(zone)
        event = Event.objects.create(
            title=f"Benchmark {slug}",
            slug=slug,
            kind=EventKind.BUSINESS_CONVENTION,
            status=EventStatus.PUBLISHED,
            venue_name="Hall",
            starts_at=dt.datetime.combine(first_day, start, tzinfo=tz),
            ends_at=dt.datetime.combine(first_day + dt.timedelta(days=days - 1), end, tzinfo=tz),
            time_zone=zone,
        )
        event.organisers.add(park)
        orgs = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"{slug}: company {i}",
                    slug=f"{slug}-company-{i}",
                    kind=OrganisationKind.COMPANY,
                    country="FR",
                )
                for i in range(participants)
            ]
        )
        people = Person.objects.bulk_create(
            [
                Person(first_name=f"First{i}", last_name=f"Last{i}", email=f"p{i}@{slug}.bench")
                for i in range(participants)
            ]
        )
        kinds = rng.choices([t for t, _w in TYPES], weights=[w for _t, w in TYPES], k=participants)
        Registration.objects.bulk_create(
            [
                Registration(
                    event=event,
                    person=p,
                    organisation=o,
                    participation_type=k,
                    status=RegistrationStatus.CONFIRMED,
                    token=f"{slug}-{i}",
                )
                for i, (p, o, k) in enumerate(zip(people, orgs, kinds, strict=True))
            ]
        )
        day_list = [(first_day + dt.timedelta(days=d), start, end) for d in range(days)]
        session = sessions.create_session(
            event=event,
            name="B2B meetings",
            slot_minutes=slot_minutes,
            days=day_list,
            breaks=[(d, lunch[0], lunch[1], "Lunch") for d, _s, _e in day_list],
            tables=tables,
        )
        sessions.add_all_registrants(session=session)
        ids = list(session.participants.order_by("id").values_list("id", flat=True))
        popularity = [rng.lognormvariate(0, 0.6) for _ in ids]
        total = int(wishes_per_participant * participants)
        seen: set[tuple[int, int]] = set()
        rows = []
        while len(rows) < total:
            author = rng.choice(ids)
            target = rng.choices(ids, weights=popularity, k=1)[0]
            if author == target or (author, target) in seen:
                continue
            seen.add((author, target))
            r = rng.random()
            level = (
                WishLevel.NO_THANKS
                if r < 0.05
                else WishLevel.MUST_MEET
                if r < 0.25
                else WishLevel.WOULD_LIKE
            )
            rows.append(Wish(session=session, author_id=author, target_id=target, level=level))
        Wish.objects.bulk_create(rows, batch_size=5000)
    return session, organiser


def machine() -> str:
    import platform

    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average before the run {load[0]:.1f}, database {django.db.connection.vendor}"
    )


def participants_of(session) -> int:
    return Participant.objects.filter(session=session).count()
