from __future__ import annotations

import pytest

from tests.ecosystem.factories import ParkFactory, PersonFactory, SectorFactory, UserFactory


@pytest.fixture
def parks(db):
    """Three parks: Sophia and Chengdu are partners, Genopole is a stranger to their agreements."""
    return {
        "sophia": ParkFactory(
            name="Sophia Antipolis", country="FR", city="Valbonne", latitude=43.62, longitude=7.05
        ),
        "chengdu": ParkFactory(
            name="Chengdu Hi-tech Zone",
            country="CN",
            city="Chengdu",
            latitude=30.57,
            longitude=104.06,
        ),
        "genopole": ParkFactory(
            name="Genopole", country="FR", city="Évry", latitude=48.62, longitude=2.44
        ),
    }


@pytest.fixture
def sophia_staff(parks):
    return UserFactory(email="sophia@example.org", staff_of=[parks["sophia"]])


@pytest.fixture
def chengdu_staff(parks):
    return UserFactory(email="chengdu@example.org", staff_of=[parks["chengdu"]])


@pytest.fixture
def outsider(parks):
    return UserFactory(email="genopole@example.org", staff_of=[parks["genopole"]])


@pytest.fixture
def participant(db):
    return UserFactory(email="participant@example.org")


@pytest.fixture
def admin_user(db):
    user = UserFactory(email="admin@example.org")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


@pytest.fixture
def sectors(db):
    it = SectorFactory(code="digital", name_en="Digital")
    return {"it": it, "health": SectorFactory(code="health", name_en="Health")}


@pytest.fixture
def person(db):
    return PersonFactory(first_name="Marie", last_name="Curie")


@pytest.fixture
def agreement(parks, sophia_staff, sectors):
    from maillage.partnerships import services
    from maillage.partnerships.enums import AgreementKind, PartyRole

    return services.create_agreement(
        user=sophia_staff,
        title="Sister Parks",
        kind=AgreementKind.TWINNING,
        parties=[(parks["sophia"], PartyRole.SIGNATORY), (parks["chengdu"], PartyRole.SIGNATORY)],
        domains=[sectors["it"]],
        commitments=[{"action": "Joint seminar", "kind": "seminar", "owner": parks["sophia"]}],
    )


@pytest.fixture
def compiled_catalogues():
    """The French catalogues compiled (.mo files are generated, not committed) and reloaded."""
    from django.core.management import call_command
    from django.utils.translation import trans_real

    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}
    yield
    trans_real._translations = {}
