import datetime as dt

import pytest
from django.utils import timezone

from maillage.events.enums import ParticipationType
from maillage.matchmaking.services import sessions
from tests.events.factories import ParkFactory, RegistrationFactory, UserFactory
from tests.matchmaking.factories import ConventionFactory


@pytest.fixture
def park(db):
    return ParkFactory(name="Aéropole")


@pytest.fixture
def organiser(park):
    return UserFactory(email="organiser@aeropole.example", staff_of=[park])


@pytest.fixture
def convention(park):
    start = (timezone.now() + dt.timedelta(days=20)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    return ConventionFactory(
        title="Axe Seine convention",
        organisers=[park],
        starts_at=start,
        ends_at=start + dt.timedelta(hours=10),
    )


def make_session(
    event, *, people=6, tables=3, day_start=dt.time(9), day_end=dt.time(11), lunch=None
):
    date = event.starts_at.astimezone(event.zone).date()
    session = sessions.create_session(
        event=event,
        name="B2B meetings",
        slot_minutes=20,
        days=[(date, day_start, day_end)],
        breaks=[(date, *lunch, "Lunch")] if lunch else [],
        tables=tables,
    )
    types = [ParticipationType.SME, ParticipationType.LARGE_GROUP, ParticipationType.STARTUP]
    for i in range(people):
        reg = RegistrationFactory(
            event=event,
            participation_type=types[i % 3],
            person__first_name=f"Person{i}",
            person__last_name="Martin",
            person__user=UserFactory(email=f"p{session.pk}-{i}@example.org"),
            organisation__name=f"Company {i}",
        )
        sessions.add_participant(session=session, registration=reg)
    return session


@pytest.fixture
def session(convention):
    return make_session(convention)


@pytest.fixture
def people(session):
    return list(session.participants.order_by("id").select_related("registration__person"))
