"""Invented members and people around the real demo parks, and a generated directory of
IASP size (350 parks, 115,000 organisations) for load tests. Deterministic: the same seed
gives the same names, so loading twice finds everything already there.

Generated rows are written with bulk_create, which bypasses Organisation.save(): slugs and
the derived search fields are computed here (Organisation.compute_derived_fields).
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterable

from django.db import transaction
from django.utils.text import slugify
from unidecode import unidecode

from maillage.demo.ecosystem_facts import IASP
from maillage.demo.invented import (
    FRENCH_SPEAKING,
    JOBS_EN,
    JOBS_FR,
    MIX,
    PARK_WORDS,
    SEED,
    NamePool,
    acronym,
    fakers_for,
    member_name,
)
from maillage.ecosystem import places, text
from maillage.ecosystem.enums import OrganisationKind as K
from maillage.ecosystem.enums import OrganisationSubtype as S
from maillage.ecosystem.importing import bulk
from maillage.ecosystem.importing.bulk import BATCH, SlugBook, create_with_sectors, new_organisation
from maillage.ecosystem.models import Affiliation, Membership, Organisation, Person, Sector


def _description(kind_label_en, kind_label_fr, speciality: Sector, city: str) -> tuple[str, str]:
    return (
        f"{kind_label_en} working in {speciality.name_en.lower()}, based in {city}.",
        f"{kind_label_fr} spécialisée en {speciality.name_fr.lower()}, située à {city}.",
    )


def _specialities(park: Organisation, by_code: dict[str, Sector]) -> list[Sector]:
    """Specialities that fit a park: its own, or the children of its filières."""
    own = list(park.sectors.all())
    specs = [s for s in own if s.parent_id]
    for filiere in (s for s in own if not s.parent_id):
        specs += [s for s in by_code.values() if s.parent_id == filiere.pk]
    return specs or [s for s in by_code.values() if s.parent_id]


def _jitter(rng, park: Organisation) -> tuple[float | None, float | None]:
    if park.latitude is None:
        return None, None
    return (
        round(park.latitude + rng.uniform(-0.02, 0.02), 5),
        round(park.longitude + rng.uniform(-0.03, 0.03), 5),
    )


def _plan_members(park, count, rng, fakers, by_code, used) -> list[tuple[Organisation, list[int]]]:
    french = park.country in FRENCH_SPEAKING
    fake = fakers["fr" if french else "en"]
    specs = _specialities(park, by_code)
    labels = dict(K.choices)
    planned = []
    kinds, weights = [(k, s) for k, s, _ in MIX], [w for *_, w in MIX]
    for _ in range(count):
        kind, subtype = rng.choices(kinds, weights)[0]
        speciality = rng.choice(specs)
        name = member_name(rng, fake, french, kind, subtype, speciality, park.city or "")
        while (park.country, text.name_key(name)) in used:
            name = f"{name} {acronym(rng)}"
        used.add((park.country, text.name_key(name)))
        en, fr = _description(
            str(labels[kind]),
            {
                K.COMPANY: "Entreprise",
                K.LAB: "Unité de recherche",
                K.SCHOOL: "École",
                K.INCUBATOR: "Structure d'accompagnement",
                K.INVESTOR: "Société d'investissement",
                K.PUBLIC_BODY: "Agence publique",
                K.CLUSTER: "Grappe d'entreprises",
            }[kind],
            speciality,
            park.city or places.country_name(park.country),
        )
        lat, lon = _jitter(rng, park)
        org = Organisation(
            name=name,
            kind=kind,
            subtype=subtype,
            country=park.country,
            city=park.city,
            latitude=lat,
            longitude=lon,
            host_park=park,
            description_en=en,
            description_fr=fr,
            founded_year=rng.randint(1960, 2024) if kind == K.COMPANY else None,
        )
        sector_ids = sorted({speciality.pk, speciality.parent_id})
        planned.append((org, sector_ids))
    return planned


def populate_parks(
    parks: Iterable[Organisation], stdout=None, *, seed: int = SEED, people: bool = True
) -> int:
    """Give each park 15–40 invented members (and people); skips what exists. Returns created."""
    parks = list(parks)
    by_code = {s.code: s for s in Sector.objects.all()}
    existing = set(Organisation.objects.values_list("country", "name_key"))
    used: set[tuple[str, str]] = set()
    fakers = fakers_for(seed)
    slugs = SlugBook()
    todo: list[tuple[Organisation, list[int]]] = []
    for park in sorted(parks, key=lambda p: p.name):
        rng = random.Random(f"{seed}:{park.name}")
        planned = _plan_members(park, rng.randint(15, 40), rng, fakers, by_code, used)
        for org, sector_ids in planned:
            org.compute_derived_fields()
            if (org.country, org.name_key) not in existing:
                org.slug = slugs.take(org.name)
                todo.append((org, sector_ids))
    created = create_with_sectors(todo)
    if people:
        _people_for(Organisation.objects.filter(host_park__in=list(parks)).order_by("pk"), seed)
    if stdout:
        stdout.write(f"  {len(created)} invented members in {len(parks)} parks\n")
    return len(created)


def _people_for(organisations, seed: int) -> None:
    fakers = fakers_for(seed + 100)
    known = set(Person.objects.values_list("email", flat=True))
    persons, links = [], []
    for org in organisations:
        rng = random.Random(f"{seed}:people:{org.slug}")
        french = org.country in FRENCH_SPEAKING
        fake, jobs = (fakers["fr"], JOBS_FR) if french else (fakers["en"], JOBS_EN)
        for _ in range(rng.randint(1, 3)):
            first, last = fake.first_name(), fake.last_name()
            email = (
                f"{slugify(unidecode(first))}.{slugify(unidecode(last))}@{org.slug[:40]}.example"
            )
            if email in known:
                continue
            known.add(email)
            rng.random()  # was the consent draw: kept so the generated names stay the same
            # Public consent is given as demonstration data by maillage.demo.privacy.
            persons.append(
                Person(
                    first_name=first,
                    last_name=last,
                    email=email,
                    languages="fr,en" if french else "en",
                )
            )
            links.append((org, rng.choice(jobs)))
    with transaction.atomic():
        created = Person.objects.bulk_create(persons, batch_size=BATCH)
        Affiliation.objects.bulk_create(
            [
                Affiliation(person=p, organisation=o, job_title=j, is_primary=True)
                for p, (o, j) in zip(created, links, strict=True)
            ],
            batch_size=BATCH,
        )


def grow_directory(
    total: int,
    stdout=None,
    *,
    seed: int = SEED,
    parks_target: int = 350,
    countries_target: int = 80,
) -> int:
    """Add generated parks (IASP members) and organisations until the directory holds `total`
    organisations. Returns how many were created."""
    missing = total - Organisation.objects.count()
    if missing <= 0:
        return 0
    started, cpu = time.perf_counter(), time.process_time()
    rng = random.Random(f"{seed}:grow")
    slugs = SlugBook()
    by_code = {s.code: s for s in Sector.objects.all()}
    filieres = [s for s in by_code.values() if not s.parent_id]
    existing_parks = list(Organisation.objects.filter(kind=K.PARK))
    park_count = min(max(parks_target - len(existing_parks), 0), missing // 50)
    by_country: dict[str, list[places.City]] = {}
    for city in places.largest_cities():
        by_country.setdefault(city.country, []).append(city)
    # the countries with the most large cities, each park in one of its country's largest cities
    countries = sorted(by_country, key=lambda c: (-len(by_country[c]), c))[:countries_target]
    plan: list[tuple[Organisation, list[int]]] = []
    for i in range(park_count):
        country = countries[i % len(countries)]
        options = by_country[country][:5]
        city = options[(i // len(countries)) % len(options)]
        name = f"{city.name} {PARK_WORDS[i % len(PARK_WORDS)]} Park"
        fil = rng.sample(filieres, 2)
        org = new_organisation(
            slugs,
            name=name,
            kind=K.PARK,
            subtype=S.SCIENCE_PARK,
            country=country,
            city=city.name,
            latitude=city.latitude,
            longitude=city.longitude,
            description_en=f"Generated science park in {city.name}.",
            description_fr=f"Parc scientifique généré à {city.name}.",
        )
        plan.append((org, [f.pk for f in fil]))
    new_parks = create_with_sectors(plan)
    iasp = Organisation.objects.filter(name=IASP, kind=K.NETWORK).first()
    if iasp:
        Membership.objects.bulk_create(
            [Membership(network=iasp, member=p, role="member") for p in new_parks], batch_size=BATCH
        )
    parks = list(Organisation.objects.filter(kind=K.PARK).prefetch_related("sectors"))
    pools = {lang: NamePool(fake) for lang, fake in fakers_for(seed + 7).items()}
    mix, cum_weights = [(k, s) for k, s, _ in MIX], list(itertools.accumulate(w for *_, w in MIX))
    used = set(Organisation.objects.values_list("country", "name_key"))
    remaining = missing - len(new_parks)
    rows: list[tuple[Organisation, list[int]]] = []
    done = len(new_parks)
    park_specs = {p.pk: _specialities(p, by_code) for p in parks}
    for n in range(remaining):
        park = parks[n % len(parks)]
        kind, subtype = rng.choices(mix, cum_weights=cum_weights)[0]
        speciality = rng.choice(park_specs[park.pk])
        fake = pools["fr" if park.country in FRENCH_SPEAKING else "en"].bind(rng)
        name = member_name(
            rng, fake, park.country in FRENCH_SPEAKING, kind, subtype, speciality, park.city or ""
        )
        key = (park.country, text.name_key(name))
        while key in used:
            name = f"{name} {acronym(rng)}"
            key = (park.country, text.name_key(name))
        used.add(key)
        lat, lon = _jitter(rng, park)
        org = bulk.draft(
            slugs,
            name=name,
            kind=kind,
            subtype=subtype,
            country=park.country,
            city=park.city,
            latitude=lat,
            longitude=lon,
            host_park=park,
            description_en=f"{speciality.name_en} organisation in {park.city}.",
            description_fr=f"Organisation en {speciality.name_fr.lower()} à {park.city}.",
        )
        rows.append((org, sorted({speciality.pk, speciality.parent_id})))
        if len(rows) == BATCH * 5:
            done += len(create_with_sectors(rows))
            rows = []
            if stdout:
                stdout.write(f"  {done} / {missing} organisations generated\n")
    done += len(create_with_sectors(rows))
    if stdout:
        stdout.write(
            f"  {done} organisations generated ({len(new_parks)} parks) in "
            f"{time.perf_counter() - started:.1f} s (CPU {time.process_time() - cpu:.1f} s)\n"
        )
    return done
