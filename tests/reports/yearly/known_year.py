"""A known year for the yearly-report tests, built through the public services.

Château-Gombert in 2025: one business convention (4 confirmed participants, 2 B2B meetings
published), the "Sister Parks" agreement signed with Chengdu on 2 July, a delegation from
Chengdu received in March, a mission to Kawasaki in October, two companies added to the
directory, both of which sent a delegate to a trade show in Chengdu in May. In 2024: one networking lunch with one participant.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

import pytest
from django.utils import timezone

from maillage.ecosystem.models import Organisation
from maillage.partnerships import services as partnerships
from maillage.partnerships.enums import AgreementKind, AgreementStatus, PartyRole
from maillage.reports.yearly import services as yearly
from tests.ecosystem.factories import (
    OrganisationFactory,
    ParkFactory,
    UserFactory,
)
from tests.events.factories import EventFactory, RegistrationFactory
from tests.matchmaking.published import make_session, meet, publish

YEAR = 2025
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@dataclass
class World:
    park: Organisation
    chengdu: Organisation
    kawasaki: Organisation
    staff: object
    other_staff: object
    participant: object
    admin: object


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _days_from_today(day: dt.date) -> int:
    return (day - timezone.localdate()).days


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    """The known year (see the module's docstring), through the public services."""
    park = ParkFactory(name="Technopôle de Château-Gombert", country="FR", city="Marseille")
    chengdu = ParkFactory(name="Chengdu Hi-tech Zone", country="CN", city="Chengdu")
    kawasaki = ParkFactory(name="Life Innovation Center", country="JP", city="Kawasaki")
    stranger = ParkFactory(name="Genopole", country="FR", city="Évry")
    staff = UserFactory(email="staff@chateau-gombert.example", staff_of=[park])
    other_staff = UserFactory(email="staff@genopole.example", staff_of=[stranger])
    participant = UserFactory(email="participant@example.org")
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)

    convention = make_session(
        people=4, in_days=_days_from_today(dt.date(YEAR, 6, 12)), organisers=[park]
    )
    convention.event.title = "Convention d'affaires 2025"
    convention.event.save()
    meet(convention, 0, 1, slot=0, table=0)
    meet(convention, 2, 3, slot=1, table=1)
    publish(convention)

    lunch = EventFactory(
        title="12/14 de Château-Gombert",
        organisers=[park],
        starts_at=dt.datetime(YEAR - 1, 7, 8, 12, tzinfo=PARIS),
        ends_at=dt.datetime(YEAR - 1, 7, 8, 14, tzinfo=PARIS),
    )
    RegistrationFactory(event=lunch)

    partnerships.create_agreement(
        user=None,
        title="Sister Parks",
        kind=AgreementKind.TWINNING,
        status=AgreementStatus.SIGNED,
        signed_on=dt.date(YEAR, 7, 2),
        parties=[(park, PartyRole.SIGNATORY), (chengdu, PartyRole.SIGNATORY)],
    )
    partnerships.create_delegation(
        user=None,
        title="Chengdu delegation visits Marseille",
        direction="incoming",
        starts_on=dt.date(YEAR, 3, 10),
        ends_on=dt.date(YEAR, 3, 12),
        countries="CN",
        hosts=[park],
        visitors=[chengdu],
    )
    partnerships.create_delegation(
        user=None,
        title="Mission to Kawasaki",
        direction="outgoing",
        starts_on=dt.date(YEAR, 10, 6),
        ends_on=dt.date(YEAR, 10, 10),
        countries="JP",
        hosts=[kawasaki],
        visitors=[park],
    )
    companies = []
    for name in ("Planktovie", "DualSun"):
        company = OrganisationFactory(name=name, host_park=park)
        Organisation.objects.filter(pk=company.pk).update(
            created_at=dt.datetime(YEAR, 4, 1, 10, tzinfo=PARIS)
        )
        companies.append(company)
    show = EventFactory(
        title="Chengdu trade show",
        organisers=[chengdu],
        city="Chengdu",
        country="CN",
        starts_at=dt.datetime(YEAR, 5, 20, 3, tzinfo=dt.UTC),
        ends_at=dt.datetime(YEAR, 5, 22, 10, tzinfo=dt.UTC),
    )
    for company in companies:  # two delegates of the park's companies at someone else's show
        RegistrationFactory(event=show, organisation=company)
    return World(park, chengdu, kawasaki, staff, other_staff, participant, admin)


@pytest.fixture
def report(world):
    report = yearly.start_report(organisation=world.park, year=YEAR, language="en")
    return yearly.save_paragraphs(
        report=report,
        user=world.staff,
        introduction="2025 was the year of our first business convention.\n\nWe thank our partners.",
        partnerships_text="The twinning with Chengdu opens China to our startups.",
    )


@pytest.fixture
def compiled_catalogues_reports():
    """The French catalogues compiled (.mo files are generated, not committed) and reloaded."""
    from django.core.management import call_command
    from django.utils.translation import trans_real

    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}
    yield
    trans_real._translations = {}
