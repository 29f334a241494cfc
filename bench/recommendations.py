"""Recommendations for every participant of a 3,000-participant brokerage event.

    .venv/bin/python bench/recommendations.py [--participants 3000] [--limit 10] [--seed 1]

Builds a scratch SQLite database in a temporary folder (migrations, then one event, one session
and the participants with two to three offers and requests each, generated from the demo's
French and English themes with random variations and sectors), then times what the platform
does: load the profiles from the database (``profiles.load_profiles``) and rank the people to
meet for all participants (``recommendations.recommend``). Target: under 60 s in all.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time


def setup_django(folder: str) -> None:
    os.environ["MAILLAGE_DATA_DIR"] = folder
    os.environ.setdefault("MAILLAGE_DEBUG", "true")
    os.environ.pop("MAILLAGE_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


EXTRA = {
    "solar": "photovoltaic inverter roof glass dust cleaning tracker irradiance onduleur toiture",
    "hydrogen": "electrolyser fuel cell tank compressor pressure station électrolyseur réservoir",
    "ai": "machine learning vision model dataset anomaly forecasting apprentissage modèle",
    "cyber": "intrusion encryption firewall audit identity gateway chiffrement pare-feu",
    "aero": "composite carbon drone wing inspection machining usinage aile certification",
    "health": "medical device clinical sensor patient hospital dispositif patient hôpital",
    "logistics": "port container truck warehouse planning entrepôt conteneur camion",
    "circular": "recycling plastic waste packaging compost algae déchets emballage recyclage",
}


def generate(n: int, seed: int):
    import datetime as dt

    from django.utils import timezone

    from maillage.demo.opportunities import THEMES, for_participant
    from maillage.ecosystem.models import Organisation, Person, Sector
    from maillage.events.enums import EventKind, EventStatus, ParticipationType
    from maillage.events.models import Event, Registration
    from maillage.matchmaking.models import MeetingSession, Opportunity, Participant

    rng = random.Random(seed)
    sectors = list(Sector.objects.all())
    if not sectors:
        sectors = Sector.objects.bulk_create(
            [Sector(code=f"s{i}", name_en=f"Sector {i}", name_fr=f"Secteur {i}") for i in range(40)]
        )
    by_code = {s.code: s for s in sectors}
    start = timezone.now() + dt.timedelta(days=30)
    event = Event.objects.create(
        title="Trade fair brokerage",
        slug="bench-brokerage",
        kind=EventKind.TRADE_SHOW_MATCHMAKING,
        status=EventStatus.PUBLISHED,
        venue_name="Hall 1",
        starts_at=start,
        ends_at=start + dt.timedelta(days=2),
    )
    session = MeetingSession.objects.create(event=event, name="B2B meetings")
    types = (
        [ParticipationType.SME] * 5
        + [ParticipationType.STARTUP] * 3
        + [ParticipationType.LARGE_GROUP, ParticipationType.INVESTOR, ParticipationType.SCHOOL]
    )
    orgs = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Company {i}",
                slug=f"company-{i}",
                kind="company",
                country="FR",
                name_key=f"company {i}",
            )
            for i in range(n)
        ],
        batch_size=1000,
    )
    through = Organisation.sectors.through
    through.objects.bulk_create(
        [
            through(organisation_id=o.pk, sector_id=s.pk)
            for o in orgs
            for s in rng.sample(sectors, 2)
        ],
        batch_size=5000,
    )
    people = Person.objects.bulk_create(
        [
            Person(first_name=f"P{i}", last_name=f"L{i}", email=f"p{i}@bench.example")
            for i in range(n)
        ],
        batch_size=1000,
    )
    kinds = [rng.choice(types) for _ in range(n)]
    regs = Registration.objects.bulk_create(
        [
            Registration(
                event=event, person=p, organisation=o, participation_type=t, status="confirmed"
            )
            for p, o, t in zip(people, orgs, kinds, strict=True)
        ],
        batch_size=1000,
    )
    parts = Participant.objects.bulk_create(
        [Participant(session=session, registration=r) for r in regs], batch_size=1000
    )
    themes = list(THEMES)
    opps, opp_sectors = [], []
    for i, (p, t) in enumerate(zip(parts, kinds, strict=True)):
        words = EXTRA[themes[i % len(themes)]].split()
        for kind, category, title, description, keywords, codes in for_participant(i, t):
            extra = " ".join(rng.sample(words, 3))
            opps.append(
                Opportunity(
                    participant=p,
                    kind=kind,
                    category=category,
                    title=f"{title} — {extra.split()[0]}",
                    description=f"{description} {extra}",
                    keywords=keywords,
                )
            )
            opp_sectors.append(
                [by_code[c] for c in codes if c in by_code] or rng.sample(sectors, 1)
            )
    Opportunity.objects.bulk_create(opps, batch_size=2000)
    link = Opportunity.sectors.through
    link.objects.bulk_create(
        [
            link(opportunity_id=o.pk, sector_id=s.pk)
            for o, ss in zip(opps, opp_sectors, strict=True)
            for s in ss
        ],
        batch_size=5000,
    )
    return session, len(opps)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        setup_django(folder)
        t1 = time.perf_counter()
        session, n_opps = generate(args.participants, args.seed)
        t2 = time.perf_counter()

        from django.db import connection, reset_queries
        from django.test.utils import CaptureQueriesContext

        from maillage.matchmaking.services import profiles
        from maillage.matchmaking.services.recommendations import recommend

        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            loaded, _types = profiles.load_profiles(session)
        t3 = time.perf_counter()
        result = recommend(loaded, limit=args.limit)
        t4 = time.perf_counter()
        with_match = sum(1 for recs in result.values() if recs and recs[0].answers_a_request)
        empty = sum(1 for recs in result.values() if not recs)
        print(
            f"python {platform.python_version()}, {os.cpu_count()} cores; migrate {t1 - t0:.1f} s, "
            f"generate {t2 - t1:.1f} s ({args.participants} participants, {n_opps} opportunities)"
        )
        print(f"load profiles: {t3 - t2:.2f} s in {len(queries.captured_queries)} queries")
        print(
            f"recommend for all: {t4 - t3:.2f} s; total {t4 - t2:.2f} s "
            f"(target < 60 s: {'met' if t4 - t2 < 60 else 'NOT met'})"
        )
        print(
            f"participants whose first proposal answers a request: {with_match}/{len(result)}; "
            f"with no proposal: {empty}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
