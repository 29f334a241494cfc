"""Demo data for soft landing: the inovallée ⇄ ZGC cross soft-landing programme with a handful of
invented startups at every stage of the pipeline. Runs after maillage.demo.partnerships;
idempotent (programme by name, offers by host, applications by startup)."""

from __future__ import annotations

import datetime as dt

from maillage.demo.partnerships import INOVALLEE, ZGC, organisation
from maillage.ecosystem import search_index, text
from maillage.ecosystem.enums import OrganisationKind as K
from maillage.ecosystem.enums import OrganisationSubtype as ST
from maillage.ecosystem.models import Organisation, Sector
from maillage.partnerships.models import Agreement
from maillage.softlanding import services
from maillage.softlanding.enums import ApplicationStatus as S
from maillage.softlanding.models import Application, Programme

PROGRAMME = "inovallée ⇄ ZGC cross soft landing"

# Invented startups: (name, home park, city, latitude, longitude, sector code, start, end, final status)
STARTUPS = [
    (
        "Lumilab Grenoble",
        INOVALLEE,
        "Meylan",
        45.21,
        5.78,
        "optics-photonics",
        "2025-10-01",
        "2026-03-31",
        S.EXITED,
    ),
    (
        "Nanoveille",
        INOVALLEE,
        "Montbonnot",
        45.23,
        5.80,
        "microelectronics",
        "2026-09-01",
        "2027-02-28",
        S.LANDED,
    ),
    (
        "Haidian Vision AI",
        ZGC,
        "Beijing",
        39.98,
        116.31,
        "ai",
        "2027-01-11",
        "2027-06-30",
        S.AGREED,
    ),
    (
        "Jingwei Biotech",
        ZGC,
        "Beijing",
        40.09,
        116.29,
        "biotech",
        "2027-02-01",
        "2027-07-31",
        S.MATCHED,
    ),
    (
        "Alpicare",
        INOVALLEE,
        "Meylan",
        45.21,
        5.77,
        "e-health",
        "2027-03-01",
        "2027-08-31",
        S.SCREENING,
    ),
    (
        "Beijing Quantum Sensing",
        ZGC,
        "Beijing",
        39.99,
        116.32,
        "microelectronics",
        "2027-04-01",
        "2027-09-30",
        S.APPLIED,
    ),
]
PATH = [S.SCREENING, S.MATCHED, S.AGREED, S.LANDED, S.EXITED]


def _startup(name, park, city, lat, lon, sector_code) -> Organisation:
    country = park.country
    org = Organisation.objects.filter(name_key=text.name_key(name), country=country).first()
    if org is None:
        org = Organisation.objects.create(
            name=name,
            kind=K.COMPANY,
            subtype=ST.STARTUP,
            country=country,
            city=city,
            latitude=lat,
            longitude=lon,
            host_park=park,
            description_en="Invented startup of the demo data set.",
            description_fr="Startup inventée pour les données de démonstration.",
        )
        org.sectors.set(Sector.objects.filter(code=sector_code))
        search_index.index_organisations([org.pk])
    return org


def load(stdout) -> None:
    ino, zgc = organisation(INOVALLEE), organisation(ZGC)
    programme = Programme.objects.filter(name=PROGRAMME).first()
    if programme is None:
        programme = services.create_programme(
            user=None,
            name=PROGRAMME,
            organisers=[ino, zgc],
            agreement=Agreement.objects.filter(
                title="inovallée – ZGC Group collaboration for cross soft landing"
            ).first(),
            description="Each park hosts the other's startups for three to six months.",
            criteria=[
                ("Team", 3),
                ("Fit with the host market", 3),
                ("Innovation", 2),
                ("Readiness to go abroad", 2),
            ],
        )
        services.create_offer(
            programme=programme,
            host=zgc,
            desks=4,
            available_from=dt.date(2025, 1, 1),
            available_until=dt.date(2027, 12, 31),
            services=["desk", "mentoring", "market_study", "legal_visa", "introductions"],
            sectors=Sector.objects.filter(code__in=["digital", "industry", "health", "biotech"]),
            languages="en,zh",
            fees="Free for the first three months",
            description="Desks in a Zhongguancun incubator.",
        )
        services.create_offer(
            programme=programme,
            host=ino,
            desks=3,
            available_from=dt.date(2025, 1, 1),
            available_until=dt.date(2027, 12, 31),
            services=["desk", "mentoring", "introductions", "lab_access", "legal_visa"],
            sectors=Sector.objects.filter(code__in=["digital", "industry", "health", "biotech"]),
            languages="fr,en",
            fees="€250 per desk-month",
            description="Desks and lab access in Meylan.",
        )
    offers = {o.host_id: o for o in programme.offers.all()}
    criteria = list(programme.criteria.all())
    for name, park_name, city, lat, lon, code, start, end, final in STARTUPS:
        park = ino if park_name == INOVALLEE else zgc
        host_offer = offers[zgc.pk if park == ino else ino.pk]
        startup = _startup(name, park, city, lat, lon, code)
        if Application.objects.filter(programme=programme, startup=startup).exists():
            continue
        app = services.submit_application(
            user=None,
            programme=programme,
            startup=startup,
            home_park=park,
            preferences=[host_offer],
            starts_on=dt.date.fromisoformat(start),
            ends_on=dt.date.fromisoformat(end),
            target_countries=host_offer.host.country,
            sector=Sector.objects.filter(code=code).first(),
            stage="seed",
            goals="Test the host market and meet first customers.",
            needs=["desk", "legal_visa", "introductions"],
            languages="en",
            team_size=2,
        )
        for status in PATH[: PATH.index(final) + 1] if final != S.APPLIED else []:
            app = services.move_application(
                application=app,
                to_status=status,
                user=None,
                offer=host_offer if status == S.MATCHED else None,
                exit_outcome="stayed" if status == S.EXITED else "",
            )
        if final != S.APPLIED:
            services.score_application(
                application=app,
                user=None,
                scores={c: 3 + (i + len(name)) % 3 for i, c in enumerate(criteria)},
            )
        if final == S.EXITED:
            services.record_outcome(
                application=app,
                months=6,
                local_entity_created=True,
                jobs=2,
                contracts=3,
                funds_raised=150000,
                notes="Opened a Beijing office with two hires.",
            )
    stdout.write(
        f"Soft landing: {programme.applications.count()} applications in “{programme.name}”."
    )
