import pytest

from tests.events.factories import EventFactory, ParkFactory, UserFactory


@pytest.fixture
def park(db):
    return ParkFactory(name="Technopôle de Château-Gombert")


@pytest.fixture
def staff(park):
    return UserFactory(email="staff@park.example", staff_of=[park])


@pytest.fixture
def event(park):
    return EventFactory(title="Lunch 12/14", organisers=[park])


@pytest.fixture
def form_data():
    return {
        "email": "Ada.Martin@Planktovie.example",
        "first_name": "Ada",
        "last_name": "Martin",
        "organisation_name": "Planktovie",
        "country": "FR",
        "job_title": "CEO",
        "participation_type": "startup",
    }
