from __future__ import annotations

import datetime as dt

import pytest

from tests.ecosystem.factories import OrganisationFactory, ParkFactory, SectorFactory, UserFactory
from tests.partnerships.conftest import *  # noqa: F403  (parks, staff users, admin_user, sectors, agreement…)

START = dt.date(2030, 3, 1)


@pytest.fixture
def sl(db):
    """inovallée ↔ ZGC cross soft-landing: ZGC hosts with 2 desks, inovallée with 1; a third
    park (Genopole) with nothing to do with it."""
    from maillage.softlanding import services

    inovallee = ParkFactory(name="inovallée", country="FR")
    zgc = ParkFactory(name="ZGC Group", country="CN", city="Beijing")
    genopole = ParkFactory(name="Genopole 2", country="FR")
    health = SectorFactory(code="sl-health", name_en="Health")
    medtech = SectorFactory(code="sl-medtech", name_en="Medtech", parent=health)
    users = {
        "inovallee": UserFactory(email="ino@example.org", staff_of=[inovallee]),
        "zgc": UserFactory(email="zgc@example.org", staff_of=[zgc]),
        "genopole": UserFactory(email="geno@example.org", staff_of=[genopole]),
    }
    programme = services.create_programme(
        user=users["inovallee"],
        name="Cross soft landing",
        organisers=[inovallee, zgc],
        criteria=[("Team", 3), ("Market fit", 2)],
    )
    zgc_offer = services.create_offer(
        programme=programme,
        host=zgc,
        desks=2,
        available_from=dt.date(2030, 1, 1),
        available_until=dt.date(2030, 12, 31),
        services=["desk", "legal_visa"],
        sectors=[medtech],
        languages="en,zh",
    )
    ino_offer = services.create_offer(
        programme=programme,
        host=inovallee,
        desks=1,
        available_from=dt.date(2030, 1, 1),
        available_until=dt.date(2030, 12, 31),
        services=["desk", "mentoring"],
        languages="fr,en",
    )
    startup = OrganisationFactory(name="Medtech Startup", host_park=inovallee)
    return {
        "inovallee": inovallee,
        "zgc": zgc,
        "genopole": genopole,
        "users": users,
        "programme": programme,
        "zgc_offer": zgc_offer,
        "ino_offer": ino_offer,
        "startup": startup,
        "medtech": medtech,
    }


@pytest.fixture
def application(sl):
    from maillage.softlanding import services

    return services.submit_application(
        user=sl["users"]["inovallee"],
        programme=sl["programme"],
        startup=sl["startup"],
        home_park=sl["inovallee"],
        starts_on=START,
        ends_on=START + dt.timedelta(days=90),
        preferences=[sl["zgc_offer"]],
        target_countries="CN",
        sector=sl["medtech"],
        needs=["desk", "legal_visa"],
        languages="en",
    )
