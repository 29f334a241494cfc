from __future__ import annotations

from pathlib import Path

import pytest

from tests.ecosystem.factories import ParkFactory, UserFactory

DATA = Path(__file__).parent / "data"


@pytest.fixture
def parks(db):
    return {
        "genopole": ParkFactory(name="Genopole", country="FR", city="Évry"),
        "kawasaki": ParkFactory(
            name="Life Innovation Center",
            country="JP",
            city="Kawasaki",
            aliases="LIC\nLife Innovation Center Kawasaki",
        ),
        "sophia": ParkFactory(name="Sophia Antipolis", country="FR", city="Valbonne"),
    }


@pytest.fixture
def genopole_staff(parks):
    return UserFactory(email="staff@genopole.example.org", staff_of=[parks["genopole"]])


@pytest.fixture
def sophia_staff(parks):
    return UserFactory(email="staff@sophia.example.org", staff_of=[parks["sophia"]])
