"""A small directory shared by the directory, API and permission tests."""

from __future__ import annotations

from dataclasses import dataclass

from maillage.ecosystem.enums import MembershipRole, OrganisationKind
from maillage.ecosystem.models import Organisation, Sector
from tests.ecosystem.factories import (
    AffiliationFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    SectorFactory,
    UserFactory,
)


@dataclass
class Directory:
    park_a: Organisation
    park_b: Organisation
    network: Organisation
    genopole: Organisation
    biotech: Organisation
    company_b: Organisation
    lab: Organisation
    health: Sector
    medtech: Sector
    staff_a: object
    staff_b: object
    admin: object
    participant: object


def build() -> Directory:
    health = SectorFactory(code="health", name_en="Health", name_fr="Santé")
    medtech = SectorFactory(
        code="medtech",
        name_en="Medical technologies",
        name_fr="Technologies médicales",
        parent=health,
    )
    park_a = ParkFactory(name="Technopôle de Château-Gombert", city="Marseille", country="FR")
    park_b = ParkFactory(
        name="Sophia Antipolis", city="Valbonne", country="FR", latitude=43.6163, longitude=7.0552
    )
    network = NetworkFactory(name="Club des Technopoles", country="FR", city="Rouen")
    MembershipFactory(network=network, member=park_a)
    MembershipFactory(network=network, member=park_b, role=MembershipRole.FOUNDING_MEMBER)
    genopole = ParkFactory(
        name="Génopole",
        city="Évry-Courcouronnes",
        country="FR",
        description_en="Biocluster south of Paris.",
        description_fr="Biocluster au sud de Paris.",
        latitude=48.6239,
        longitude=2.4294,
        sectors=[health],
    )
    biotech = OrganisationFactory(
        name="Planktovie", host_park=park_a, sectors=[medtech], city="Marseille", country="FR"
    )
    company_b = OrganisationFactory(
        name="Amadeus Sophia", host_park=park_b, city="Biot", latitude=None, longitude=None
    )
    lab = OrganisationFactory(
        name="Laboratoire Génomique de Pékin",
        kind=OrganisationKind.LAB,
        country="CN",
        city="Beijing",
        latitude=39.9,
        longitude=116.4,
        parent=genopole,
    )
    for org in (genopole, biotech, company_b):
        org.save()
    staff_a = UserFactory(staff_of=[park_a])
    staff_b = UserFactory(staff_of=[park_b])
    admin = UserFactory(is_superuser=True, is_staff=True)
    participant = UserFactory()
    shown = PersonFactory(first_name="Alice", last_name="Visible", public_consent=True)
    hidden = PersonFactory(first_name="Bob", last_name="Hidden", public_consent=False)
    AffiliationFactory(person=shown, organisation=biotech, job_title="CEO")
    AffiliationFactory(person=hidden, organisation=biotech, job_title="CTO")
    return Directory(
        park_a,
        park_b,
        network,
        genopole,
        biotech,
        company_b,
        lab,
        health,
        medtech,
        staff_a,
        staff_b,
        admin,
        participant,
    )
