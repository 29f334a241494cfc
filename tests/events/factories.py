"""Factories of the events area; directory objects come from the ecosystem factories."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from maillage.events.enums import EventKind, EventStatus, ParticipationType, RegistrationStatus
from maillage.events.models import Event, EventSeries, ProgrammeItem, Registration
from tests.ecosystem.factories import (  # noqa: F401  (re-exported for the events tests)
    PASSWORD,
    NetworkFactory,
    OrganisationFactory,
    ParkFactory,
    PersonFactory,
    SectorFactory,
    UserFactory,
)


def in_days(days: int, hour: int = 9) -> dt.datetime:
    base = timezone.now().replace(minute=0, second=0, microsecond=0)
    return (base + dt.timedelta(days=days)).replace(hour=hour)


class EventSeriesFactory(DjangoModelFactory):
    class Meta:
        model = EventSeries

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class EventFactory(DjangoModelFactory):
    """A published public networking lunch in 30 days at a park, organised by that park."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.NETWORKING_LUNCH
    status = EventStatus.PUBLISHED
    is_public = True
    venue_name = "Main hall"
    address = "38 rue Joliot-Curie"
    city = "Marseille"
    country = "FR"
    latitude = 43.3416
    longitude = 5.4378
    starts_at = factory.LazyFunction(lambda: in_days(30, 12))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    time_zone = "Europe/Paris"

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if not create:
            return
        self.organisers.set(extracted if extracted else [ParkFactory()])


class ProgrammeItemFactory(DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Talk {n}")
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.event.starts_at + dt.timedelta(minutes=30))


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    participation_type = ParticipationType.SME
    status = RegistrationStatus.CONFIRMED
