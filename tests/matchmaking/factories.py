"""Factories of the matchmaking area (sessions with slots, participants, wishes, requests)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from maillage.events.enums import EventKind
from maillage.matchmaking.enums import HalfDay, WishLevel
from maillage.matchmaking.models import (
    MeetingRequest,
    MeetingSession,
    MeetingSlot,
    OnlineRoom,
    Participant,
    Table,
    Wish,
)
from tests.events.factories import EventFactory, RegistrationFactory


class ConventionFactory(EventFactory):
    kind = EventKind.BUSINESS_CONVENTION
    title = factory.Sequence(lambda n: f"Business convention {n}")


class MeetingSessionFactory(DjangoModelFactory):
    class Meta:
        model = MeetingSession

    event = factory.SubFactory(ConventionFactory)
    name = factory.Sequence(lambda n: f"B2B meetings {n}")
    slot_minutes = 20


class MeetingSlotFactory(DjangoModelFactory):
    """Slots of 20 minutes from the event start, on day 0, morning."""

    class Meta:
        model = MeetingSlot

    session = factory.SubFactory(MeetingSessionFactory)
    index = factory.Sequence(lambda n: n)
    day = 0
    half = HalfDay.AM
    starts_at = factory.LazyAttribute(
        lambda o: o.session.event.starts_at + dt.timedelta(minutes=20 * o.index)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=20))


class TableFactory(DjangoModelFactory):
    class Meta:
        model = Table

    session = factory.SubFactory(MeetingSessionFactory)
    number = factory.Sequence(lambda n: n + 1)


class OnlineRoomFactory(DjangoModelFactory):
    class Meta:
        model = OnlineRoom

    session = factory.SubFactory(MeetingSessionFactory)
    name = factory.Sequence(lambda n: f"Room {n + 1}")
    video_url = factory.Sequence(lambda n: f"https://video.example.org/room-{n + 1}")


class ParticipantFactory(DjangoModelFactory):
    class Meta:
        model = Participant

    session = factory.SubFactory(MeetingSessionFactory)
    registration = factory.SubFactory(
        RegistrationFactory, event=factory.SelfAttribute("..session.event")
    )


class WishFactory(DjangoModelFactory):
    class Meta:
        model = Wish

    session = factory.SelfAttribute("author.session")
    author = factory.SubFactory(ParticipantFactory)
    target = factory.SubFactory(
        ParticipantFactory, session=factory.SelfAttribute("..author.session")
    )
    level = WishLevel.WOULD_LIKE


class MeetingRequestFactory(DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    session = factory.SelfAttribute("sender.session")
    sender = factory.SubFactory(ParticipantFactory)
    recipient = factory.SubFactory(
        ParticipantFactory, session=factory.SelfAttribute("..sender.session")
    )
    message = "Shall we meet?"
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=3))
