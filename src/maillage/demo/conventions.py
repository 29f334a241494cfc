"""Demo business conventions and trade-show partnering: the Axe Seine convention at Aéropole with
its generated participants (seeded Faker: the same on every run), biotech shows, an online
B2B day. Helpers come from maillage.demo.events."""

from __future__ import annotations

from django.utils.text import slugify
from faker import Faker
from unidecode import unidecode

from maillage.demo.events import AMP, AXE_SEINE, PARIS, at, event, org
from maillage.ecosystem.enums import OrganisationKind as K
from maillage.events import services
from maillage.events.enums import AttendanceMode, EventKind, ParticipationType, RegistrationSource
from maillage.events.enums import ProgrammeItemKind as P
from maillage.events.models import Registration

CONVENTION_MIX = [  # (participation type, how many, organisation kind, subtype)
    (ParticipationType.SME, 28, K.COMPANY, "sme"),
    (ParticipationType.STARTUP, 20, K.COMPANY, "startup"),
    (ParticipationType.LARGE_GROUP, 10, K.COMPANY, "large_group"),
    (ParticipationType.SCHOOL, 8, K.SCHOOL, "engineering_school"),
    (ParticipationType.INVESTOR, 8, K.INVESTOR, "public_funder"),
]
# What every edition of the Axe Seine convention shares: its form, venue, languages and themes.
AXE_SEINE_CONVENTION = {
    "kind": EventKind.BUSINESS_CONVENTION,
    "venue_name": "Aéropole",
    "city": "Cergy",
    "country": "FR",
    "latitude": 49.0364,
    "longitude": 2.0761,
    "languages": "fr,en",
    "capacity": 120,
    "themes": "B2B meetings, innovation, industry",
    "sector_codes": ("industry", "digital", "energy"),
}
AXE_SEINE_CITIES = ["Rouen", "Caen", "Le Havre", "Cergy", "Évreux", "Pontoise", "Vernon", "Dieppe"]


def convention_participants() -> list[dict]:
    """74 deterministic participants of the Axe Seine business convention."""
    fake = Faker("fr_FR")
    fake.seed_instance(2025)
    rows = []
    for participation, count, _kind, _subtype in CONVENTION_MIX:
        for n in range(count):
            first, last = fake.first_name(), fake.last_name()
            city = AXE_SEINE_CITIES[(len(rows) + n) % len(AXE_SEINE_CITIES)]
            if participation == ParticipationType.SCHOOL:
                company = f"École d'ingénieurs {last} {city}"
            elif participation == ParticipationType.INVESTOR:
                company = f"Fonds {fake.last_name()} Innovation"
            elif participation == ParticipationType.LARGE_GROUP:
                company = f"{fake.last_name()} Industries"
            else:
                company = fake.company()
            domain = slugify(unidecode(company))[:40]
            rows.append(
                {
                    "email": f"{slugify(unidecode(first))}.{slugify(unidecode(last))}.{len(rows)}@{domain}.example",
                    "first_name": first,
                    "last_name": last,
                    "organisation_name": company,
                    "country": "FR",
                    "job_title": fake.job()[:150],
                    "participation_type": participation,
                    "listed_publicly": len(rows) % 3 != 0,
                }
            )
    return rows


def load_conventions() -> None:
    club, vot = org(AXE_SEINE), org("Val d'Oise Technopole")
    day = "2026-03-26"
    convention = event(
        "axe-seine-business-convention-2026",
        organisers=[
            club,
            vot,
            org("Technopole de Rouen"),
            org("Technopole de Caen"),
            org("Technopole du Havre"),
        ],
        title="1st inter-technopole business convention of the Axe Seine",
        time_zone=PARIS,
        starts_at=at(day, "08:30", PARIS),
        ends_at=at(day, "17:30", PARIS),
        venue_organisation=vot,
        **AXE_SEINE_CONVENTION,
        description="SME and startup leaders meet large groups, engineering schools and public "
        "funders in pre-scheduled one-to-one meetings: about forty meetings each.",
        programme=[
            (
                P.TALK,
                "Welcome by the four technopoles",
                at(day, "08:30", PARIS),
                at(day, "09:00", PARIS),
                [],
            ),
            (
                P.NETWORKING,
                "One-to-one meetings (morning)",
                at(day, "09:00", PARIS),
                at(day, "12:30", PARIS),
                [],
            ),
            (P.BREAK, "Lunch", at(day, "12:30", PARIS), at(day, "13:30", PARIS), []),
            (
                P.NETWORKING,
                "One-to-one meetings (afternoon)",
                at(day, "13:30", PARIS),
                at(day, "17:30", PARIS),
                [],
            ),
        ],
    )
    registered = set(
        Registration.objects.filter(event=convention).values_list("person__email", flat=True)
    )
    for row in convention_participants():
        if row["email"] not in registered:
            services.register(
                event=convention, source=RegistrationSource.STAFF, notify=False, **row
            )

    genopole = org("Genopole")
    sf = "America/Los_Angeles"
    event(
        "biotech-showcase-2026",
        organisers=[genopole],
        title="Biotech Showcase — speed meetings",
        kind=EventKind.TRADE_SHOW_MATCHMAKING,
        time_zone=sf,
        starts_at=at("2026-01-12", "09:00", sf),
        ends_at=at("2026-01-14", "17:00", sf),
        venue_name="Hilton San Francisco Union Square",
        city="San Francisco",
        country="US",
        latitude=37.7858,
        longitude=-122.4102,
        languages="en",
        sector_codes=("biotech", "health"),
        description="Pre-arranged speed meetings for the companies of the biocluster at Biotech "
        "Showcase: about thirty meetings each.",
    )
    event(
        "bio-usa-2026-online",
        organisers=[genopole],
        title="BIO USA — online partnering",
        kind=EventKind.TRADE_SHOW_MATCHMAKING,
        time_zone="America/New_York",
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://visio.maillage.example/bio-usa-2026",
        starts_at=at("2026-06-22", "09:00", "America/New_York"),
        ends_at=at("2026-06-25", "17:00", "America/New_York"),
        languages="en",
        sector_codes=("biotech",),
        description="The online edition of the partnering at BIO USA: more than forty video meetings.",
    )
    event(
        "un-ocean-conference-2025-nice",
        organisers=[org("Sophia Antipolis")],
        title="UN Ocean Conference — the ecosystem in Nice",
        kind=EventKind.CONFERENCE,
        time_zone=PARIS,
        starts_at=at("2025-06-05", "09:00", PARIS),
        ends_at=at("2025-06-05", "18:00", PARIS),
        venue_name="Port Lympia",
        city="Nice",
        country="FR",
        latitude=43.6959,
        longitude=7.2852,
        languages="en,fr",
        sector_codes=("marine", "ocean-tech"),
        description="Companies and laboratories of the Côte d'Azur ecosystem at the third UN Ocean "
        "Conference in Nice.",
    )
    b2b = "2027-02-11"
    event(
        "online-b2b-day-2027",
        organisers=[org(AMP), org("EU|BIC")],
        title="Online B2B day",
        kind=EventKind.BUSINESS_CONVENTION,
        time_zone=PARIS,
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://visio.maillage.example/b2b-day-2027",
        starts_at=at(b2b, "09:00", PARIS),
        ends_at=at(b2b, "17:00", PARIS),
        languages="en,fr",
        capacity=200,
        registration_closes_at=at("2027-02-04", "18:00", PARIS),
        description="A day of 20-minute video meetings between the companies of the technopoles "
        "and the European business and innovation centres.",
        programme=[
            (P.TALK, "Opening", at(b2b, "09:00", PARIS), at(b2b, "09:20", PARIS), []),
            (P.NETWORKING, "Video meetings", at(b2b, "09:30", PARIS), at(b2b, "17:00", PARIS), []),
        ],
    )
