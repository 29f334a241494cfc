"""Demo events: the real events of the technopoles (product facts) with invented people.

Idempotent: events are found again by slug, series by name, people by e-mail, organisations by
folded name and country (created when the directory demo has not run, so this also runs alone).
The registrants of the Axe Seine convention are generated with a seeded Faker: the same on
every run.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode

from maillage.accounts.models import User
from maillage.ecosystem import services as directory
from maillage.ecosystem import text
from maillage.ecosystem.enums import OrganisationKind as K
from maillage.ecosystem.models import Organisation, Person, Sector
from maillage.events import services
from maillage.events.enums import (
    EventKind,
    EventStatus,
    ParticipationType,
    RegistrationSource,
)
from maillage.events.enums import ProgrammeItemKind as P
from maillage.events.models import Event, Registration

PARIS = "Europe/Paris"
CHATEAU_GOMBERT = "Technopôle de Château-Gombert"
LUMINY = "Technopôle de Luminy"
ARBOIS = "Technopôle de l'Arbois"
AMP = "Technopoles Aix-Marseille-Provence"
AXE_SEINE = "Club des Technopoles de l'Axe Seine"

# name: (kind, country, city) — used only when the directory demo has not created them.
ORGANISATIONS = {
    "IASP": (K.NETWORK, "ES", "Málaga"),
    "Zhongguancun": (K.PARK, "CN", "Beijing"),
    "Sophia Antipolis": (K.PARK, "FR", "Valbonne"),
    CHATEAU_GOMBERT: (K.PARK, "FR", "Marseille"),
    LUMINY: (K.PARK, "FR", "Marseille"),
    ARBOIS: (K.PARK, "FR", "Aix-en-Provence"),
    AMP: (K.NETWORK, "FR", "Marseille"),
    "Val d'Oise Technopole": (K.PARK, "FR", "Cergy"),
    "Technopole de Rouen": (K.PARK, "FR", "Rouen"),
    "Technopole de Caen": (K.PARK, "FR", "Caen"),
    "Technopole du Havre": (K.PARK, "FR", "Le Havre"),
    AXE_SEINE: (K.NETWORK, "FR", ""),
    "Genopole": (K.PARK, "FR", "Évry"),
    "EU|BIC": (K.NETWORK, "BE", "Brussels"),
    "Planktovie": (K.COMPANY, "FR", "Marseille"),
    "DualSun": (K.COMPANY, "FR", "Marseille"),
}


def org(name: str) -> Organisation:
    kind, country, city = ORGANISATIONS[name]
    found = Organisation.objects.filter(name_key=text.name_key(name), country=country).first()
    return found or directory.create_organisation(name=name, kind=kind, country=country, city=city)


def at(day: str, clock: str, zone: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zoneinfo.ZoneInfo(zone))


def sectors(*codes: str) -> list[Sector]:
    return list(Sector.objects.filter(code__in=codes))


def person(first: str, last: str, email: str, organisation: Organisation, job_title: str) -> Person:
    found = Person.objects.filter(email=email).first()
    if found is None:
        found = directory.create_person(first_name=first, last_name=last, email=email)
        directory.add_affiliation(person=found, organisation=organisation, job_title=job_title)
    return found


def event(slug: str, *, organisers, programme=(), sector_codes=(), **fields) -> Event:
    existing = Event.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    created = services.create_event(
        slug=slug,
        organisers=organisers,
        sectors=sectors(*sector_codes),
        status=EventStatus.PUBLISHED,
        **fields,
    )
    for kind, title, start, end, speakers in programme:
        services.add_programme_item(
            event=created, kind=kind, title=title, starts_at=start, ends_at=end, speakers=speakers
        )
    return created


def load_iasp() -> None:
    iasp = org("IASP")
    series = services.get_or_create_series(
        name="IASP World Conference",
        description="The yearly world conference of the International Association of Science Parks and Areas of Innovation.",
        organisers=[iasp],
    )
    bj = "Asia/Shanghai"
    event(
        "iasp-2025-beijing",
        organisers=[iasp, org("Zhongguancun")],
        series=series,
        edition_number=42,
        title="42nd IASP World Conference",
        kind=EventKind.CONFERENCE,
        time_zone=bj,
        starts_at=at("2025-09-15", "09:00", bj),
        ends_at=at("2025-09-19", "18:00", bj),
        venue_organisation=org("Zhongguancun"),
        venue_name="Zhongguancun",
        city="Beijing",
        country="CN",
        latitude=39.9837,
        longitude=116.3164,
        languages="en,zh",
        capacity=1500,
        themes="science parks, areas of innovation, international cooperation",
        description="The 42nd World Conference of IASP in Beijing: about 1,500 participants from the "
        "world's science parks and areas of innovation, plenary sessions and visits of the "
        "Zhongguancun parks.",
        programme=[
            (
                P.TALK,
                "Opening plenary",
                at("2025-09-15", "09:30", bj),
                at("2025-09-15", "11:00", bj),
                [],
            ),
            (
                P.PANEL,
                "Areas of innovation and their cities",
                at("2025-09-16", "10:00", bj),
                at("2025-09-16", "11:30", bj),
                [],
            ),
            (
                P.NETWORKING,
                "Visits of the Zhongguancun parks",
                at("2025-09-18", "09:00", bj),
                at("2025-09-18", "17:00", bj),
                [],
            ),
        ],
    )
    sophia = org("Sophia Antipolis")
    event(
        "iasp-2026-sophia-antipolis",
        organisers=[iasp, sophia],
        series=series,
        edition_number=43,
        title="43rd IASP World Conference",
        kind=EventKind.CONFERENCE,
        time_zone=PARIS,
        starts_at=at("2026-09-21", "09:00", PARIS),
        ends_at=at("2026-09-24", "18:00", PARIS),
        venue_organisation=sophia,
        venue_name="Sophia Antipolis",
        city="Valbonne",
        country="FR",
        latitude=43.6163,
        longitude=7.0552,
        languages="en,fr",
        capacity=1500,
        description="The 43rd World Conference of IASP hosted by Sophia Antipolis in 2026. "
        "Dates to be confirmed: the dates shown hold the place in the calendar.",
    )


def load_twelve_fourteen() -> None:
    gombert, luminy, arbois = org(CHATEAU_GOMBERT), org(LUMINY), org(ARBOIS)
    series = services.get_or_create_series(
        name="12/14",
        description="A themed lunch-time meeting of the park community: two founders tell their "
        "story, then networking. First run at Château-Gombert, then in the sister technopoles.",
        organisers=[gombert, luminy, arbois, org(AMP)],
    )
    planktovie, dualsun = org("Planktovie"), org("DualSun")
    founder_a = person(
        "Mathilde", "Garnier", "mathilde.garnier@planktovie.example", planktovie, "Co-founder"
    )
    founder_b = person("Julien", "Perrin", "julien.perrin@dualsun.example", dualsun, "Co-founder")
    first = "2025-07-08"  # Tuesday
    event(
        "12-14-chateau-gombert-2025-07",
        organisers=[gombert],
        series=series,
        edition_number=1,
        title="12/14 #1 — From lab to market",
        kind=EventKind.NETWORKING_LUNCH,
        time_zone=PARIS,
        starts_at=at(first, "12:00", PARIS),
        ends_at=at(first, "14:00", PARIS),
        venue_organisation=gombert,
        venue_name="Technopôle de Château-Gombert",
        city="Marseille",
        country="FR",
        latitude=43.3416,
        longitude=5.4378,
        languages="fr",
        capacity=60,
        themes="entrepreneurship, testimonials",
        sector_codes=("biotech", "solar"),
        description="The first 12/14 of the technopole: two founders of the park tell how they "
        "started, then lunch and networking.",
        programme=[
            (P.TALK, "Welcome", at(first, "12:00", PARIS), at(first, "12:10", PARIS), []),
            (
                P.TESTIMONIAL,
                "Planktovie: feeding the fish of research labs",
                at(first, "12:10", PARIS),
                at(first, "12:30", PARIS),
                [founder_a],
            ),
            (
                P.TESTIMONIAL,
                "DualSun: solar panels that make heat and power",
                at(first, "12:30", PARIS),
                at(first, "12:50", PARIS),
                [founder_b],
            ),
            (
                P.NETWORKING,
                "Lunch and networking",
                at(first, "12:50", PARIS),
                at(first, "14:00", PARIS),
                [],
            ),
        ],
    )
    # Then monthly, on the first Tuesday, in turn at Luminy, the Arbois and Château-Gombert.
    hosts = [
        (luminy, 43.2330, 5.4400, "Marseille"),
        (arbois, 43.4862, 5.3420, "Aix-en-Provence"),
        (gombert, 43.3416, 5.4378, "Marseille"),
    ]
    day, number = dt.date(2025, 9, 1), 2
    while day <= dt.date(2027, 6, 30):
        tuesday = day + dt.timedelta(days=(1 - day.weekday()) % 7)
        if tuesday.month == 8:  # summer break
            day = (day.replace(day=28) + dt.timedelta(days=5)).replace(day=1)
            continue
        host, lat, lng, city = hosts[(number - 2) % 3]
        iso = tuesday.isoformat()
        event(
            f"12-14-{slugify(unidecode(host.name))}-{tuesday:%Y-%m}",
            organisers=[host],
            series=series,
            edition_number=number,
            title=f"12/14 #{number} — {host.name}",
            kind=EventKind.NETWORKING_LUNCH,
            time_zone=PARIS,
            starts_at=at(iso, "12:00", PARIS),
            ends_at=at(iso, "14:00", PARIS),
            venue_organisation=host,
            venue_name=host.name,
            city=city,
            country="FR",
            latitude=lat,
            longitude=lng,
            languages="fr",
            capacity=60,
            themes="entrepreneurship, testimonials",
            description="The monthly 12/14 of the technopoles of the metropolis: two founders' "
            "stories, then networking over lunch.",
        )
        day, number = (day.replace(day=28) + dt.timedelta(days=5)).replace(day=1), number + 1


def load_participant() -> None:
    """The demo participant is registered to the next 12/14 at Château-Gombert."""
    user = User.objects.filter(email="participant@maillage.example").first()
    edition = Event.objects.filter(slug="12-14-technopole-de-chateau-gombert-2026-12").first()
    if (
        user is None
        or edition is None
        or Registration.objects.filter(event=edition, person__user=user).exists()
    ):
        return
    me = Person.objects.filter(user=user).first()
    affiliation = (
        me.affiliations.select_related("organisation").order_by("-is_primary").first()
        if me
        else None
    )
    company = affiliation.organisation if affiliation else org("Planktovie")
    services.register(
        event=edition,
        email=user.email,
        first_name=user.first_name or "Léa",
        last_name=user.last_name or "Fontaine",
        organisation_name=company.name,
        country=company.country,
        user=user,
        source=RegistrationSource.STAFF,
        participation_type=ParticipationType.STARTUP,
        listed_publicly=True,
        notify=False,
    )


def load_lunch_guests() -> None:
    """People of the park's companies at the 12/14 editions of Château-Gombert already held, so
    that the park's reports count participants and the organisations they came from."""
    gombert = org(CHATEAU_GOMBERT)
    people = list(
        Person.objects.filter(affiliations__organisation__host_park=gombert)
        .exclude(email="")
        .distinct()
        .prefetch_related("affiliations__organisation")
        .order_by("id")[:40]
    )
    if not people:
        return
    held = Event.objects.filter(
        organisers=gombert, series__name="12/14", starts_at__lte=timezone.now()
    ).order_by("starts_at")
    for edition in held:
        if edition.registrations.count() >= 3:
            continue
        count = 8 + (edition.edition_number or 0) % 7
        start = (edition.edition_number or 0) * 3 % len(people)
        for guest in (people * 2)[start : start + count]:
            company = guest.affiliations.all()[0].organisation
            services.register(
                event=edition,
                email=guest.email,
                first_name=guest.first_name,
                last_name=guest.last_name,
                organisation_name=company.name,
                country=company.country,
                source=RegistrationSource.STAFF,
                participation_type=ParticipationType.SME,
                notify=False,
            )


def load(stdout) -> None:
    # conventions builds on this module's places and helpers (it imports them), so it can
    # only be imported once this module is loaded.
    from maillage.demo.conventions import load_conventions

    load_iasp()
    load_twelve_fourteen()
    load_conventions()
    load_participant()
    load_lunch_guests()
    stdout.write(
        f"  events: {Event.objects.count()} events, {Registration.objects.count()} registrations\n"
    )
